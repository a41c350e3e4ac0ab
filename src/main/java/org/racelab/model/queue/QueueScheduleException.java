package org.racelab.model.queue;

/** A step that cannot be taken, with a one-line reason such as "step 4: C1 is blocked on get(): the queue is empty". */
public final class QueueScheduleException extends Exception {

    private final int step;

    public QueueScheduleException(int step, String reason) {
        super("step " + step + ": " + reason);
        this.step = step;
    }

    /** The 1-based step that could not be taken. */
    public int step() {
        return step;
    }
}
