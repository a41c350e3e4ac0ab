package org.racelab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items produced on background threads to a consumer on the hand-off executor in batches, with at most
 * one hand-off pending at a time, so a fast producer can never flood the JavaFX event queue.
 *
 * <p>Thread safety: {@link #offer} may be called from any number of threads; items wait in a lock-free queue and
 * an {@link AtomicBoolean} guarantees a single scheduled drain; the consumer runs only on the hand-off executor.
 */
public final class Coalescer<T> {

    private final Executor handoff;
    private final Consumer<List<T>> consumer;
    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Coalescer(Executor handoff, Consumer<List<T>> consumer) {
        this.handoff = Objects.requireNonNull(handoff);
        this.consumer = Objects.requireNonNull(consumer);
    }

    /** Queues an item; schedules a drain only if none is pending already. */
    public void offer(T item) {
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            handoff.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = pending.poll(); item != null; item = pending.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
