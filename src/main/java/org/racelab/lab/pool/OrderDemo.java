package org.racelab.lab.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Slide 4 and 11 measured: the same tasks (each sleeping its own latency, one of them throwing) read back in input
 * order, as {@code map} does, and in completion order, as {@code as_completed} does (an
 * {@link ExecutorCompletionService}), with a failing task's exception arriving at the caller's {@code get()}.
 *
 * <p>Thread safety: {@link #run} uses its own pool and returns only after the pool's threads ended.
 */
public final class OrderDemo {

    /** Slide 4's example: five tasks with different latencies, so the two orders differ. */
    public static final List<Integer> DEFAULT_LATENCIES_MS = List.of(400, 100, 300, 50, 200);

    private OrderDemo() {
    }

    /** Thrown by the failing task on its worker thread; it reaches the caller wrapped in an ExecutionException. */
    public static final class TaskFailed extends RuntimeException {
        public TaskFailed(String message) {
            super(message);
        }
    }

    /** One task's outcome as the caller saw it. */
    public record Outcome(int task, int latencyMs, Optional<String> value, Optional<String> error) {
    }

    /**
     * What the caller saw.
     *
     * @param mapOrder        results in input order up to where {@code map} raised
     * @param mapRaised       the exception {@code map} raised when it reached the failing result (its class and
     *                        message, as the caller caught it), or empty
     * @param completionOrder every task's outcome in the order it finished
     */
    public record Result(List<Outcome> mapOrder, Optional<String> mapRaised, List<Outcome> completionOrder) {
    }

    /** Runs the tasks on {@code workers} threads; {@code failing} is the input index that throws, or -1. */
    public static Result run(List<Integer> latenciesMs, int failing, int workers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, PoolThreads.factory("order"));
        try {
            List<Future<String>> submitted = new ArrayList<>();
            ExecutorCompletionService<String> completion = new ExecutorCompletionService<>(pool);
            List<Future<String>> byFuture = new ArrayList<>();
            for (int i = 0; i < latenciesMs.size(); i++) {
                int task = i;
                int ms = latenciesMs.get(i);
                // submit returns a Future at once; the work runs later on a worker.
                Future<String> f = completion.submit(() -> {
                    Thread.sleep(ms);
                    if (task == failing) {
                        throw new TaskFailed("task " + task + " failed on " + Thread.currentThread().getName());
                    }
                    return "task " + task + " done after " + ms + " ms";
                });
                submitted.add(f);
                byFuture.add(f);
            }
            List<Outcome> completed = new ArrayList<>();
            for (int n = 0; n < submitted.size(); n++) {
                Future<String> f = completion.take();
                int task = byFuture.indexOf(f);
                completed.add(outcome(task, latenciesMs.get(task), f));
            }
            List<Outcome> mapOrder = new ArrayList<>();
            Optional<String> raised = Optional.empty();
            for (int i = 0; i < submitted.size(); i++) {
                Outcome o = outcome(i, latenciesMs.get(i), submitted.get(i));
                if (o.error().isPresent()) {
                    raised = o.error();
                    break;
                }
                mapOrder.add(o);
            }
            return new Result(mapOrder, raised, completed);
        } finally {
            pool.shutdownNow();
            PoolLab.awaitQuietly(pool);
        }
    }

    private static Outcome outcome(int task, int ms, Future<String> f) throws InterruptedException {
        try {
            return new Outcome(task, ms, Optional.of(f.get()), Optional.empty());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome(task, ms, Optional.empty(),
                    Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        }
    }
}
