package org.racelab.ui.stepper;

import java.util.List;
import org.racelab.model.MachineState;
import org.racelab.model.RaceConfig;
import org.racelab.model.Step;

/**
 * Everything the stepper shows after one action, published at once: the run's settings and state, the steps taken
 * (oldest first), the schedule taken and the queued steps ahead as letters, whether undo/redo can act, and what
 * the narration says. Immutable, so a view may keep the last one it drew and compare.
 */
public record StepperSnapshot(RaceConfig config, MachineState state, List<Step> steps, String schedule,
        String ahead, boolean canUndo, boolean canRedo, Feedback feedback) {

    public StepperSnapshot {
        steps = List.copyOf(steps);
    }

    /** The thread the queued schedule steps next, or -1 when nothing is queued. */
    public int nextQueuedThread() {
        return ahead.isEmpty() ? -1 : ahead.charAt(0) - 'A';
    }
}
