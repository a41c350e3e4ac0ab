package org.racelab.lab.reality;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stride of fresh trial counters and the exact program every racing thread runs on each of them: per
 * increment a volatile load, the window delay, a volatile store of the loaded value + 1; with the lock, a
 * {@link ReentrantLock} of the trial's own around the three.
 *
 * <p>The counters are one dense {@code int[]} read and written through a volatile {@link VarHandle}, so each
 * access is exactly the model's volatile load or store, and a cache line carries 16 trials from core to core
 * instead of one (one object per trial spread each counter over its own line and halved the rate).
 *
 * <p>Thread safety: all racing threads touch the same counters at once on purpose (that is the race under test).
 * The coordinator resets and reads the counters only between strides, ordered by the harness's barrier (see
 * {@link RealityHarness}). Each racing thread has its own {@link Racer} with its own print buffer.
 */
final class TrialStride {

    private static final VarHandle COUNTER = MethodHandles.arrayElementVarHandle(int[].class);
    private static final byte[] PRINTED = "count 12345\n".getBytes(StandardCharsets.US_ASCII);

    /** Each trial's shared counter; racing threads use volatile access only. */
    final int[] counters;
    /** Set by the harness to abandon a stride whose delays make it long; the stride is then not tallied. */
    volatile boolean abandon;
    /** One lock per trial with the lock, else null; a lock is free again when its trial ends, so it is reused. */
    private final ReentrantLock[] locks;
    private final int increments;
    private final WindowDelay.Kind delay;
    private final int spins;

    TrialStride(int size, int increments, boolean locked, WindowDelay delay) {
        this.counters = new int[size];
        this.locks = locked ? new ReentrantLock[size] : null;
        if (locked) {
            Arrays.setAll(locks, i -> new ReentrantLock());
        }
        this.increments = increments;
        this.delay = delay.kind();
        this.spins = delay.spins();
    }

    /** Sets every trial's counter to {@code start}; coordinator only, between strides. */
    void reset(int start) {
        Arrays.fill(counters, start);
    }

    /** A racing thread's view: the stride plus its private print buffer, so the hot path shares nothing else. */
    final class Racer {
        private final ByteArrayOutputStream printed = new ByteArrayOutputStream(1 << 16);

        /** Runs the program on every trial of the stride, in order. */
        void race() {
            int[] c = counters;
            if (delay == WindowDelay.Kind.NONE && locks == null) {
                // The common case without any branch between load and store: the narrowest real window.
                for (int i = 0; i < c.length; i++) {
                    for (int k = 0; k < increments; k++) {
                        int v = (int) COUNTER.getVolatile(c, i);
                        COUNTER.setVolatile(c, i, v + 1);
                    }
                }
                return;
            }
            for (int i = 0; i < c.length; i++) {
                if (abandon) {
                    return;
                }
                for (int k = 0; k < increments; k++) {
                    if (locks != null) {
                        ReentrantLock lock = locks[i];
                        lock.lock();
                        try {
                            increment(c, i);
                        } finally {
                            lock.unlock();
                        }
                    } else {
                        increment(c, i);
                    }
                }
            }
            if (printed.size() > (1 << 15)) {
                printed.reset(); // keeps the buffer from growing, so the print delay never allocates
            }
        }

        private void increment(int[] c, int i) {
            int v = (int) COUNTER.getVolatile(c, i);
            switch (delay) {
                case SPIN -> {
                    for (int s = 0; s < spins; s++) {
                        Thread.onSpinWait();
                    }
                }
                case YIELD -> Thread.yield();
                case PRINT -> printed.write(PRINTED, 0, PRINTED.length);
                default -> { }
            }
            COUNTER.setVolatile(c, i, v + 1);
        }
    }
}
