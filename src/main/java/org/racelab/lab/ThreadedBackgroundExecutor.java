package org.racelab.lab;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link BackgroundExecutor} on a cached pool of daemon threads.
 *
 * <p>Thread safety: {@code submit}, {@code cancel} and {@code close} may be called from any thread; the pool
 * is a {@link ExecutorService} and each handle's cancelled flag is an {@link AtomicBoolean}, checked on the
 * hand-off thread before a callback runs, so a cancelled job never reports.
 */
public final class ThreadedBackgroundExecutor implements BackgroundExecutor {

    /** How long {@link #close()} waits for interrupted work to end. */
    public static final long CLOSE_WAIT_MILLIS = 200;

    private final ExecutorService pool;
    private final Executor handoff;
    /** The pool's threads, so close() can wait until they have really ended, not just finished their work. */
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    public ThreadedBackgroundExecutor(String name, Executor handoff) {
        ThreadFactory named = daemonThreads(name);
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = named.newThread(r);
            threads.removeIf(old -> !old.isAlive());
            threads.add(t);
            return t;
        });
        this.handoff = handoff;
    }

    /** Names threads {@code name-1, name-2, ...} and makes them daemons so they can never hold the JVM open. */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = pool.submit(() -> {
            try {
                T result = work.call();
                handoff.execute(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                if (!cancelled.get() && !Thread.currentThread().isInterrupted()) {
                    handoff.execute(() -> {
                        if (!cancelled.get()) {
                            onFailure.accept(e);
                        }
                    });
                }
            }
        });
        return new Cancellable() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isDone() {
                return future.isDone();
            }
        };
    }

    @Override
    public Executor handoff() {
        return handoff;
    }

    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        pool.shutdownNow();
        try {
            pool.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            // A terminated pool can still have a worker thread on its way out: wait for it within the same budget.
            for (Thread t : threads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                t.join(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
