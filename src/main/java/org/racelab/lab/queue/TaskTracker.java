package org.racelab.lab.queue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Java's counterpart of Python's {@code task_done()} / {@code join()}: an exact count of unfinished tasks.
 *
 * <p>{@link #added()} is called once before each item is put (Python counts inside {@code put()}), {@link #done()}
 * once per item processed; the count is an {@link AtomicLong}, so no increment or decrement is ever lost, and it
 * can never go below 0 unnoticed ({@code done()} more often than {@code added()} throws, as Python raises
 * ValueError). {@link #join()} waits on a condition until the count is 0. Thread safety: the waiter checks the
 * count while holding the lock and the thread that brings it to 0 signals while holding the same lock, so a wake-up
 * between the check and the wait cannot be missed; the fast path of {@code added()} and {@code done()} takes no lock.
 */
public final class TaskTracker {

    private final AtomicLong unfinished = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();

    /** One more task: call before putting the item. */
    public void added() {
        unfinished.incrementAndGet();
    }

    /** One task finished: Python's {@code task_done()}. */
    public void done() {
        long left = unfinished.decrementAndGet();
        if (left < 0) {
            unfinished.incrementAndGet();
            throw new IllegalStateException("task_done() called more times than there were items");
        }
        if (left == 0) {
            lock.lock();
            try {
                zero.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    public long unfinished() {
        return unfinished.get();
    }

    /** Waits until every task added has been marked done: Python's {@code q.join()}. */
    public void join() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (unfinished.get() != 0) {
                zero.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #join()}, giving up after the timeout; true if the count reached 0. */
    public boolean join(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (unfinished.get() != 0) {
                if (left <= 0) {
                    return false;
                }
                left = zero.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
