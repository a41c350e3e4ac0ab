package org.racelab.lab.queue;

import java.util.List;

/**
 * The counted truth of a finished (or stopped, or timed-out) queue run: items put and taken, items never taken
 * (lost) and taken more than once (duplicated), failed gets, whether {@code join()} returned, and which threads
 * hung where. One record for the CLI's table and JSON and for the window.
 */
public record QueueRunResult(QueueRunSettings settings, long produced, long consumed, long lost, long duplicated,
        long failedGets, int maxLength, double producerBlockedSeconds, double consumerBlockedSeconds,
        boolean joinReturned, List<String> hung, boolean checksumMatches, boolean stopped, double seconds) {

    public QueueRunResult {
        hung = List.copyOf(hung);
    }

    public double itemsPerSecond() {
        return seconds <= 0 ? 0 : consumed / seconds;
    }

    /** True when every item was taken exactly once. */
    public boolean exact() {
        return lost == 0 && duplicated == 0 && failedGets == 0 && checksumMatches;
    }
}
