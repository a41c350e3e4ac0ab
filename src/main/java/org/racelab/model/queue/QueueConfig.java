package org.racelab.model.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The step model's settings: producers P1–P4, consumers C1–C4, the main thread M, how many items in all, the
 * queue's {@code maxsize} (0 = unbounded) and at most one mistake.
 *
 * <p>Threads are numbered producers first, then consumers, then M; item numbers are 1..items, producer p (from 0)
 * makes items p+1, p+1+P, p+1+2P, ...
 */
public record QueueConfig(int producers, int consumers, int items, int maxsize, QueueMistake mistake) {

    public static final int MAX_PRODUCERS = 4;
    public static final int MAX_CONSUMERS = 4;
    public static final int MAX_ITEMS = 20;
    public static final int MAX_MAXSIZE = 10;

    public QueueConfig {
        check("producers", producers, 1, MAX_PRODUCERS);
        check("consumers", consumers, 1, MAX_CONSUMERS);
        check("items", items, 1, MAX_ITEMS);
        check("maxsize", maxsize, 0, MAX_MAXSIZE);
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

    /** All threads: producers, consumers, then M. */
    public int threads() {
        return producers + consumers + 1;
    }

    public boolean isProducer(int thread) {
        return thread < producers;
    }

    public boolean isConsumer(int thread) {
        return thread >= producers && thread < producers + consumers;
    }

    public boolean isMain(int thread) {
        return thread == producers + consumers;
    }

    public int mainThread() {
        return producers + consumers;
    }

    public boolean bounded() {
        return maxsize > 0;
    }

    /** P1.., C1.., or M. */
    public String name(int thread) {
        if (isProducer(thread)) {
            return "P" + (thread + 1);
        }
        if (isConsumer(thread)) {
            return "C" + (thread - producers + 1);
        }
        if (isMain(thread)) {
            return "M";
        }
        throw new IllegalArgumentException("no thread " + thread);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            names.add(name(t));
        }
        return names;
    }

    /** The thread called {@code name} (case-insensitive), if this run has it. */
    public Optional<Integer> thread(String name) {
        String n = name.strip();
        for (int t = 0; t < threads(); t++) {
            if (name(t).equalsIgnoreCase(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** How many items producer {@code p} makes. */
    public int itemsOf(int p) {
        return p >= items ? 0 : (items - p - 1) / producers + 1;
    }

    /** The number of producer {@code p}'s {@code k}-th item (both from 0). */
    public int itemNumber(int p, int k) {
        return p + 1 + k * producers;
    }

    /** "1 producer, 3 consumers, 4 items, maxsize 2" and the mistake, if any. */
    public String describe() {
        return producers + (producers == 1 ? " producer, " : " producers, ") + consumers
                + (consumers == 1 ? " consumer, " : " consumers, ") + items + (items == 1 ? " item, " : " items, ")
                + (bounded() ? "maxsize " + maxsize : "unbounded (maxsize 0)")
                + (mistake == QueueMistake.NONE ? "" : "; mistake: " + mistake.title());
    }
}
