package org.racelab.lab.queue;

import java.util.concurrent.BlockingQueue;

/**
 * One worker's own bookkeeping: where it is (for "C2 on get()" when it hangs), how long it has been blocked on put
 * and on get or has waited in a {@code join()}, and how many items it moved. Blocking is timed only when it
 * happens: {@code offer}/{@code poll} are tried first, so the fast path costs no clock reads.
 *
 * <p>Thread safety: every field is written only by the worker that owns it and is volatile, so samplers and the
 * run's end read a recent value without locks.
 */
final class WorkerClock {

    final String name;
    private final long startNanos;
    volatile String where = "start";
    private volatile long blockedSince;
    /** What the block that began at {@code blockedSince} waits for; written before {@code blockedSince}. */
    private volatile Block blockedIn = Block.GET;
    private volatile long blockedPutNanos;
    private volatile long blockedGetNanos;
    private volatile long joinNanos;
    private volatile long moved;
    private volatile long endNanos;
    /** Written only by the owner; read after the run by the thread that joined it. */
    long checksum;
    int maxLength;

    WorkerClock(String name, long startNanos) {
        this.name = name;
        this.startNanos = startNanos;
    }

    <T> void put(BlockingQueue<T> q, T item) throws InterruptedException {
        if (!q.offer(item)) {
            where = "put()";
            long t0 = System.nanoTime();
            blockedIn = Block.PUT;
            blockedSince = t0;
            try {
                q.put(item);
            } finally {
                blockedSince = 0;
                blockedPutNanos += System.nanoTime() - t0;
                where = "running";
            }
        }
    }

    <T> T take(BlockingQueue<T> q) throws InterruptedException {
        T item = q.poll();
        if (item == null) {
            where = "get()";
            long t0 = System.nanoTime();
            blockedIn = Block.GET;
            blockedSince = t0;
            try {
                item = q.take();
            } finally {
                blockedSince = 0;
                blockedGetNanos += System.nanoTime() - t0;
                where = "running";
            }
        }
        return item;
    }

    /** Something the main thread waits for: a thread's end or every task's {@code task_done()}. */
    interface Wait {
        void await() throws InterruptedException;
    }

    /** Waits in a {@code join()} ({@code where} names it for a hang report), timed as such, not as running. */
    void join(String where, Wait wait) throws InterruptedException {
        this.where = where;
        long t0 = System.nanoTime();
        blockedIn = Block.JOIN;
        blockedSince = t0;
        try {
            wait.await();
        } finally {
            blockedSince = 0;
            joinNanos += System.nanoTime() - t0;
            this.where = "running";
        }
    }

    /** Counts one item moved; the volatile write makes it visible to the sampler. */
    void moved(long n) {
        moved = n;
    }

    long moved() {
        return moved;
    }

    void ended() {
        endNanos = System.nanoTime();
    }

    long blockedPutNanos() {
        return blockedPutNanos;
    }

    long blockedGetNanos() {
        return blockedGetNanos;
    }

    /** The thread's times up to {@code now}, including a block still in progress. */
    QueueSample.ThreadTime time(long now) {
        long end = endNanos != 0 ? endNanos : now;
        long put = blockedPutNanos;
        long get = blockedGetNanos;
        long join = joinNanos;
        long since = blockedSince;
        if (since != 0 && endNanos == 0) {
            long ongoing = Math.max(0, now - since);
            switch (blockedIn) {
                case PUT -> put += ongoing;
                case GET -> get += ongoing;
                case JOIN -> join += ongoing;
            }
        }
        long total = Math.max(0, end - startNanos);
        return new QueueSample.ThreadTime(name, Math.max(0, total - put - get - join), put, get, join);
    }

    private enum Block { PUT, GET, JOIN }
}
