package org.racelab.lab.pool;

import java.util.List;

/**
 * What a run looks like at one moment: every span so far (open ones end at -1), how many lanes (worker threads)
 * have run a task, how many tasks were submitted, started and finished, and the time since the run started.
 */
public record PoolSnapshot(List<TaskSpan> spans, int lanes, int submitted, int started, int finished,
        long elapsedNanos, boolean done) {

    public PoolSnapshot {
        spans = List.copyOf(spans);
    }

    /** Nothing has run yet. */
    public static PoolSnapshot empty() {
        return new PoolSnapshot(List.of(), 0, 0, 0, 0, 0, false);
    }

    /** Tasks waiting in the pool's queue: submitted but not yet picked up by a worker. */
    public int backlog() {
        return submitted - started;
    }
}
