package org.racelab.lab.pool;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock as in CPython: compute work runs only while holding it, in slices of
 * {@value #SWITCH_INTERVAL_MILLIS} ms (CPython's default switch interval), and an I/O wait releases it.
 *
 * <p>When off, acquiring and releasing do nothing. Thread safety: the lock is a fair {@link ReentrantLock}, so
 * waiting threads take turns as CPython's forced switching makes them; {@code on} is fixed per run.
 */
public final class Gil {

    /** How long a thread computes before it lets a waiting thread have the lock. */
    public static final int SWITCH_INTERVAL_MILLIS = 5;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final boolean on;
    /** The thread that took the lock last; written only while holding the lock. */
    private volatile Thread lastOwner;

    public Gil(boolean on) {
        this.on = on;
    }

    public boolean on() {
        return on;
    }

    /**
     * Waits for the lock (if on); interruptible, so a stop never waits for another thread's slice.
     *
     * @return true if another thread held the lock since this thread last released it (always true when off,
     *         where nothing is serialised)
     */
    public boolean acquire() throws InterruptedException {
        if (!on) {
            return true;
        }
        lock.lockInterruptibly();
        Thread me = Thread.currentThread();
        boolean switched = lastOwner != me;
        lastOwner = me;
        return switched;
    }

    /** True while the calling thread holds the lock (always false when off). */
    public boolean heldByMe() {
        return on && lock.isHeldByCurrentThread();
    }

    public void release() {
        if (on) {
            lock.unlock();
        }
    }
}
