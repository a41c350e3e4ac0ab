package org.racelab.model;

/** A schedule that cannot run on a race: the message names the step, e.g. "step 7: thread B is blocked: ...". */
public final class ScheduleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int step;

    public ScheduleException(int step, String reason) {
        super("step " + step + ": " + reason);
        this.step = step;
    }

    /** The 1-based index of the step that could not run. */
    public int step() {
        return step;
    }
}
