package org.racelab.lab.queue;

/**
 * The two sliders a run reads while it runs: the time to produce and to consume one item.
 *
 * <p>Thread safety: both are volatile ints written by the UI and read by every worker before each item; a change
 * is seen by the next item, nothing more is shared.
 */
public final class QueueRunControls {

    private volatile int produceMs;
    private volatile int consumeMs;

    public QueueRunControls(int produceMs, int consumeMs) {
        setProduceMs(produceMs);
        setConsumeMs(consumeMs);
    }

    public int produceMs() {
        return produceMs;
    }

    public int consumeMs() {
        return consumeMs;
    }

    public void setProduceMs(int ms) {
        produceMs = clamp(ms);
    }

    public void setConsumeMs(int ms) {
        consumeMs = clamp(ms);
    }

    private static int clamp(int ms) {
        return Math.max(0, Math.min(QueueRunSettings.MAX_MS, ms));
    }
}
