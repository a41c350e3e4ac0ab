package org.racelab.lab.queue;

import java.util.ArrayList;
import java.util.List;
import org.racelab.model.queue.QueueMistake;

/**
 * A real queue run's settings: threads, items (1 to 1,000,000), {@code maxsize} (0 = unbounded, a
 * {@code LinkedBlockingQueue}), the starting time to produce and to consume one item (0–100 ms; a run's
 * {@link QueueRunControls} can change them while it runs), the mistake, and the timeout after which a hung run ends
 * (0 = none).
 */
public record QueueRunSettings(int producers, int consumers, int items, int maxsize, int produceMs, int consumeMs,
        QueueMistake mistake, long timeoutMs) {

    public static final int MAX_THREADS = 16;
    public static final int MAX_ITEMS = 1_000_000;
    public static final int MAX_MAXSIZE = 1_000_000;
    public static final int MAX_MS = 100;

    public QueueRunSettings {
        check("producers", producers, 1, MAX_THREADS);
        check("consumers", consumers, 1, MAX_THREADS);
        check("items", items, 1, MAX_ITEMS);
        check("maxsize", maxsize, 0, MAX_MAXSIZE);
        check("produce-ms", produceMs, 0, MAX_MS);
        check("consume-ms", consumeMs, 0, MAX_MS);
        if (timeoutMs < 0 || timeoutMs > 3_600_000) {
            throw new IllegalArgumentException("timeout-ms must be 0 to 3600000, not " + timeoutMs);
        }
        if (mistake == null) {
            throw new IllegalArgumentException("mistake is missing");
        }
        if (mistake == QueueMistake.UNBOUNDED) {
            maxsize = 0;
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", not " + value);
        }
    }

    /** The names of a run's threads in the order it starts them and its samples list them: P1.., C1.., M. */
    public List<String> threadNames() {
        return threadNames(producers, consumers);
    }

    /** The names of the threads of a run with these many producers and consumers; see {@link #threadNames()}. */
    public static List<String> threadNames(int producers, int consumers) {
        List<String> names = new ArrayList<>();
        for (int p = 1; p <= producers; p++) {
            names.add("P" + p);
        }
        for (int c = 1; c <= consumers; c++) {
            names.add("C" + c);
        }
        names.add("M");
        return List.copyOf(names);
    }

    /** The same settings with another mistake. */
    public QueueRunSettings withMistake(QueueMistake m) {
        return new QueueRunSettings(producers, consumers, items, maxsize, produceMs, consumeMs, m, timeoutMs);
    }
}
