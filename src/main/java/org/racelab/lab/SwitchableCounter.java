package org.racelab.lab;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The live-lock counter: every increment reads a volatile switch and then takes either the unsafe path or the
 * {@link ReentrantLock} path, so flipping the switch changes the code the workers run from their next increment.
 *
 * <p>Thread safety: the switch is volatile; while it is on every writer holds the lock, so no update is lost
 * (the few increments already past the check when it flips may still race, once).
 */
public final class SwitchableCounter implements Counter {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean locked;
    private volatile long value;

    public SwitchableCounter(boolean locked) {
        this.locked = locked;
    }

    /** Makes every worker take the locked ({@code true}) or unlocked path from its next increment on. */
    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public boolean isLocked() {
        return locked;
    }

    @Override
    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    public void increment() {
        if (locked) {
            lock.lock();
            try {
                long read = value;
                value = read + 1;
            } finally {
                lock.unlock();
            }
        } else {
            long read = value;
            value = read + 1;
        }
    }

    @Override
    public long get() {
        return value;
    }

    @Override
    public CounterKind kind() {
        return CounterKind.SWITCHABLE;
    }
}
