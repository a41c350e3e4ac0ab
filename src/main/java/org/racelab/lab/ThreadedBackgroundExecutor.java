package org.racelab.lab;

import java.util.concurrent.Callable;
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

    public ThreadedBackgroundExecutor(String name, Executor handoff) {
        this.pool = Executors.newCachedThreadPool(daemonThreads(name));
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
        pool.shutdownNow();
        try {
            pool.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
