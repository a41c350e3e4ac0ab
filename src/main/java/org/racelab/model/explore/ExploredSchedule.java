package org.racelab.model.explore;

import java.util.List;
import org.racelab.model.Schedule;

/**
 * One complete schedule found by the explorer, with the counter's final value and the 1-based step numbers of
 * its stale stores (each one an increment lost, unless a later stale store overwrote it again).
 */
public record ExploredSchedule(Schedule schedule, int finalValue, List<Integer> staleSteps) {

    public ExploredSchedule {
        staleSteps = List.copyOf(staleSteps);
    }
}
