package org.racelab.model.explore;

import java.util.HashMap;
import java.util.Map;
import org.racelab.model.MachineState;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.model.StepResult;

/**
 * Finds a losing schedule within a preemption budget, CHESS-style: depth-first over the model's machine states,
 * continuing the current thread first (free) and switching only while the budget allows. Once an update is lost
 * the schedule is finished without further preemptions (run the current thread until it cannot, then any).
 */
final class WitnessSearch {

    private final int budget;
    // Best remaining budget with which a state was already searched in vain; a state seen with more budget fails again.
    private final Map<String, Integer> failed = new HashMap<>();

    private WitnessSearch(int budget) {
        this.budget = budget;
    }

    static Schedule losingWithin(RaceConfig config, int budget) {
        Schedule found = new WitnessSearch(budget).search(MachineState.initial(config), -1, budget, Schedule.EMPTY);
        if (found == null) {
            throw new IllegalStateException("no losing schedule within " + budget + " preemptions");
        }
        return found;
    }

    private Schedule search(MachineState state, int last, int left, Schedule sofar) {
        if (state.lost() > 0) {
            return finish(state, last, sofar);
        }
        if (state.complete()) {
            return null;
        }
        String key = key(state, last);
        Integer seen = failed.get(key);
        if (seen != null && seen >= left) {
            return null;
        }
        boolean lastRunnable = last >= 0 && state.canStep(last);
        if (lastRunnable) {
            Schedule s = search(stepped(state, last), last, left, sofar.append(last));
            if (s != null) {
                return s;
            }
        }
        for (int t = 0; t < state.threadCount(); t++) {
            if (t == last || !state.canStep(t)) {
                continue;
            }
            int cost = lastRunnable ? 1 : 0;
            if (cost <= left) {
                Schedule s = search(stepped(state, t), t, left - cost, sofar.append(t));
                if (s != null) {
                    return s;
                }
            }
        }
        failed.put(key, left);
        return null;
    }

    private static Schedule finish(MachineState state, int last, Schedule sofar) {
        Schedule s = sofar;
        int current = last;
        while (!state.complete()) {
            if (current < 0 || !state.canStep(current)) {
                current = 0;
                while (!state.canStep(current)) {
                    current++;
                }
            }
            state = stepped(state, current);
            s = s.append(current);
        }
        return s;
    }

    private static MachineState stepped(MachineState state, int t) {
        return ((StepResult.Stepped) state.step(t)).state();
    }

    /** What decides the future of a clean state: each thread's place and whether its register is still fresh. */
    private static String key(MachineState state, int last) {
        StringBuilder b = new StringBuilder().append(last);
        for (int i = 0; i < state.threadCount(); i++) {
            var t = state.thread(i);
            b.append(',').append(t.pc()).append(t.register() != null && t.storesAtLoad() == state.stores().size() ? 'f' : 's');
        }
        return b.toString();
    }
}
