package org.racelab.model.explore;

import org.racelab.model.MachineState;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.model.StepResult;

/**
 * Counts the preemptions of one schedule by replaying it: a preemption is a switch away from a thread that could
 * still run (not done, not blocked), the kind of switch a real scheduler makes only when a time slice ends.
 */
public final class Preemptions {

    private Preemptions() {
    }

    /** The preemptions of {@code schedule}, which must run step by step on {@code config}. */
    public static int count(RaceConfig config, Schedule schedule) {
        MachineState state = MachineState.initial(config);
        int last = -1;
        int preemptions = 0;
        for (int i = 0; i < schedule.length(); i++) {
            int t = schedule.threadAt(i);
            if (last >= 0 && t != last && state.canStep(last)) {
                preemptions++;
            }
            StepResult r = state.step(t);
            if (!(r instanceof StepResult.Stepped stepped)) {
                throw new IllegalArgumentException("step " + (i + 1) + ": " + ((StepResult.Refused) r).reason());
            }
            state = stepped.state();
            last = t;
        }
        return preemptions;
    }
}
