package org.racelab.lab.reality;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stride of fresh trial states and the exact program every racing thread runs on each of them: per
 * increment a volatile load, the window delay, a volatile store of the loaded value + 1; with the lock, a
 * {@link ReentrantLock} of the trial's own around the three.
 *
 * <p>Thread safety: all racing threads touch the same trials at once on purpose (that is the race under test).
 * The coordinator resets and reads the trials only between strides, ordered by the harness's barrier (see
 * {@link RealityHarness}). Each racing thread has its own {@link Racer} with its own print buffer.
 */
final class TrialStride {

    /** One trial's shared counter and, with the lock, its lock. */
    static final class Trial {
        volatile int value;
        final ReentrantLock lock = new ReentrantLock();
    }

    private static final byte[] PRINTED = "count 12345\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    final Trial[] trials;
    /** Set by the harness to abandon a stride whose delays make it long; the stride is then not tallied. */
    volatile boolean abandon;
    private final int increments;
    private final boolean locked;
    private final WindowDelay.Kind delay;
    private final int spins;

    TrialStride(int size, int increments, boolean locked, WindowDelay delay) {
        this.trials = new Trial[size];
        for (int i = 0; i < size; i++) {
            trials[i] = new Trial();
        }
        this.increments = increments;
        this.locked = locked;
        this.delay = delay.kind();
        this.spins = delay.spins();
    }

    /** Sets every trial's counter to {@code start}; coordinator only, between strides. */
    void reset(int start) {
        for (Trial t : trials) {
            t.value = start;
        }
    }

    /** A racing thread's view: the stride plus its private print buffer, so the hot path shares nothing else. */
    final class Racer {
        private final ByteArrayOutputStream printed = new ByteArrayOutputStream(1 << 16);

        /** Runs the program on every trial of the stride, in order. */
        void race() {
            Trial[] ts = trials;
            if (delay == WindowDelay.Kind.NONE && !locked) {
                // The common case without any branch between load and store: the narrowest real window.
                for (Trial t : ts) {
                    for (int k = 0; k < increments; k++) {
                        int v = t.value;
                        t.value = v + 1;
                    }
                }
                return;
            }
            for (Trial t : ts) {
                if (abandon) {
                    return;
                }
                for (int k = 0; k < increments; k++) {
                    if (locked) {
                        t.lock.lock();
                        try {
                            increment(t);
                        } finally {
                            t.lock.unlock();
                        }
                    } else {
                        increment(t);
                    }
                }
            }
            if (printed.size() > (1 << 15)) {
                printed.reset(); // keeps the buffer from growing, so the print delay never allocates
            }
        }

        private void increment(Trial t) {
            int v = t.value;
            switch (delay) {
                case SPIN -> {
                    for (int i = 0; i < spins; i++) {
                        Thread.onSpinWait();
                    }
                }
                case YIELD -> Thread.yield();
                case PRINT -> printed.write(PRINTED, 0, PRINTED.length);
                default -> { }
            }
            t.value = v + 1;
        }
    }
}
