package org.racelab.lab.queue;

import java.util.List;

/**
 * What a running queue run shows at one moment: time since start, the queue's length, items put and taken so far,
 * and each thread's time so far running, blocked on put, blocked on get and waiting in {@code join()} (cumulative
 * nanoseconds).
 */
public record QueueSample(long elapsedNanos, int length, long produced, long consumed, List<ThreadTime> threads) {

    public QueueSample {
        threads = List.copyOf(threads);
    }

    /** One thread's cumulative time in each state; only the main thread waits in {@code join()}. */
    public record ThreadTime(String name, long runningNanos, long blockedPutNanos, long blockedGetNanos,
            long joinNanos) {

        public long totalNanos() {
            return runningNanos + blockedPutNanos + blockedGetNanos + joinNanos;
        }
    }
}
