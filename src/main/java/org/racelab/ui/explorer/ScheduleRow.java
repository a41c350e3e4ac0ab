package org.racelab.ui.explorer;

import java.math.BigInteger;
import org.racelab.model.explore.ExploredSchedule;

/** One row of the explorer's schedule list: its 1-based number among the listed schedules, and the schedule. */
public record ScheduleRow(BigInteger number, ExploredSchedule schedule) {
}
