package org.racelab.lab.pool;

/**
 * One bar of the Gantt chart: task {@code task} on lane {@code lane} (a worker, or the sequential thread) was in
 * {@code state} from {@code startNanos} to {@code endNanos}, both measured from the run's start.
 * {@code endNanos} is -1 while the span is still open.
 */
public record TaskSpan(int task, int lane, TaskState state, long startNanos, long endNanos) {

    public boolean open() {
        return endNanos < 0;
    }

    /** The end, or {@code now} while the span is still open. */
    public long endOr(long now) {
        return open() ? now : endNanos;
    }

    TaskSpan closedAt(long end) {
        return new TaskSpan(task, lane, state, startNanos, end);
    }

    /** True when the two spans share some moment of time (open spans count as running until {@code now}). */
    public boolean overlaps(TaskSpan other, long now) {
        return startNanos < other.endOr(now) && other.startNanos < endOr(now);
    }
}
