package org.racelab.lab.pool;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.racelab.lab.BackgroundPriority;

/**
 * Runs pool workloads for real: an in-app {@link LatencyServer}, a {@link HttpClient} whose blocking sends are the
 * tasks' I/O, a {@link ThreadPoolExecutor} of named workers, and the {@link Gil} when asked for.
 *
 * <p>Thread safety: one run at a time, on the thread that calls {@link #run}, {@link #runSequential} or
 * {@link #sweep}; interrupting that thread stops the run: the pool is shut down at once (interrupting workers
 * blocked in a request, in compute or on the GIL) and the call returns a result marked not completed within
 * {@value #STOP_MILLIS} ms. {@link #close()} may be called from any thread.
 */
public final class PoolLab implements AutoCloseable {

    /** Stop contract: every worker ends within this time of the run's thread being interrupted. */
    public static final long STOP_MILLIS = 200;

    private final LatencyServer server;
    private final ExecutorService httpThreads;
    private final HttpClient client;

    private PoolLab(LatencyServer server) {
        this.server = server;
        this.httpThreads = Executors.newCachedThreadPool(PoolThreads.factory("http"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(httpThreads)
                .build();
    }

    /** Starts the server (on 127.0.0.1, a free port) with a concurrency cap, 0 for none. */
    public static PoolLab open(int serverCap) throws IOException {
        // As the lab's runs do: the JIT compilers a step below the window's threads, once per JVM (they were still
        // compiling at full priority through a sweep, beside the window and the collector).
        BackgroundPriority.lowerCompilerThreads();
        PoolLab lab = new PoolLab(LatencyServer.start(100, serverCap));
        try {
            lab.warmUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    /**
     * One unmeasured request before any run: the first request of a JVM loads the client's and the server's
     * classes (seconds on a busy machine), which is not what Slide 2 is about. Runs reset the server's counts.
     * The compute work is calibrated here too (once per JVM): inside a run its calibration was timed as the first
     * task's work.
     */
    private void warmUp() throws InterruptedException {
        ComputeWork.stepsPerMillisecond(); // first, while the HTTP classes' compilation does not share the cores
        fetch(-1, 0, new Gil(false), new PoolRecorder());
    }

    public LatencyServer server() {
        return server;
    }

    /** Runs every task on a pool of {@code settings.workers()} threads and waits for all of them. */
    public PoolRunResult run(PoolSettings settings, PoolRecorder recorder) throws InterruptedException {
        checkCap(settings);
        Gil gil = new Gil(settings.gil());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), PoolThreads.factory("worker"));
        server.resetCounts();
        recorder.begin();
        long start = System.nanoTime();
        int finished = 0;
        boolean completed = false;
        try {
            List<Future<?>> futures = new ArrayList<>(settings.tasks());
            for (int i = 0; i < settings.tasks(); i++) {
                int task = i;
                recorder.submitted();
                futures.add(pool.submit(() -> {
                    recorder.started();
                    try {
                        runTask(task, settings, gil, recorder);
                    } finally {
                        recorder.finished();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
                finished++;
            }
            completed = true;
        } catch (ExecutionException e) {
            throw new IllegalStateException("task failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
            recorder.end();
        }
        return result(settings, false, System.nanoTime() - start, finished, completed);
    }

    /** The baseline: every task in turn on the calling thread, no pool. */
    public PoolRunResult runSequential(PoolSettings settings, PoolRecorder recorder) throws InterruptedException {
        checkCap(settings);
        Gil gil = new Gil(settings.gil());
        server.resetCounts();
        recorder.begin();
        long start = System.nanoTime();
        int finished = 0;
        boolean completed = false;
        try {
            for (int i = 0; i < settings.tasks(); i++) {
                recorder.submitted();
                recorder.started();
                try {
                    runTask(i, settings, gil, recorder);
                } finally {
                    recorder.finished();
                }
                finished++;
            }
            completed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            recorder.end();
        }
        return result(settings, true, System.nanoTime() - start, finished, completed);
    }

    /** The same workload at each worker count in turn; stops early (and says so) when interrupted. */
    public List<PoolRunResult> sweep(PoolSettings settings, List<Integer> workerCounts,
            Consumer<PoolRunResult> each) throws InterruptedException {
        List<PoolRunResult> results = new ArrayList<>();
        for (int w : workerCounts) {
            PoolRunResult r = run(settings.withWorkers(w), new PoolRecorder());
            results.add(r);
            each.accept(r);
            if (!r.completed() || Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return results;
    }

    private void checkCap(PoolSettings settings) {
        if (server.cap() != settings.serverCap()) {
            throw new IllegalArgumentException("this lab's server cap is " + server.cap() + ", the settings ask for "
                    + settings.serverCap());
        }
    }

    private PoolRunResult result(PoolSettings s, boolean sequential, long nanos, int finished, boolean completed) {
        PoolSettings effective = sequential ? s.withWorkers(1) : s;
        return new PoolRunResult(s, sequential, nanos / 1e9, effective.idealSeconds(cores()),
                server.peakConcurrent(), server.served(), finished, completed);
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private void runTask(int task, PoolSettings s, Gil gil, PoolRecorder recorder) throws InterruptedException {
        switch (s.kind()) {
            case IO -> fetch(task, s.latencyMs(), gil, recorder);
            case COMPUTE -> compute(task, s.latencyMs(), gil, recorder);
            case MIXED -> {
                int half = s.latencyMs() / 2;
                compute(task, half, gil, recorder);
                fetch(task, s.latencyMs() - half, gil, recorder);
            }
        }
    }

    /** A blocking send: as in CPython, the thread holds the GIL to start the request and lets go while it waits. */
    void fetch(int task, int latencyMs, Gil gil, PoolRecorder recorder) throws InterruptedException {
        if (gil.on()) {
            recorder.enter(task, TaskState.GIL_WAIT);
            gil.acquire();
            gil.release();
        }
        recorder.enter(task, TaskState.IO);
        HttpRequest request = HttpRequest.newBuilder(server.uri(task, latencyMs))
                .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("server answered " + response.statusCode());
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("request abandoned");
            }
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }

    /** Real CPU work; with the GIL on it runs in switch-interval slices, each holding the GIL. */
    static void compute(int task, int millis, Gil gil, PoolRecorder recorder) throws InterruptedException {
        if (!gil.on()) {
            recorder.enter(task, TaskState.COMPUTE);
            ComputeWork.spinMillis(millis);
            return;
        }
        recorder.enter(task, TaskState.GIL_WAIT);
        gil.acquire();
        recorder.enter(task, TaskState.COMPUTE);
        try {
            int left = millis;
            while (true) {
                int slice = Math.min(Gil.SWITCH_INTERVAL_MILLIS, left);
                ComputeWork.spinMillis(slice);
                left -= slice;
                if (left <= 0) {
                    break;
                }
                long releasedAt = System.nanoTime();
                gil.release();
                if (gil.acquire()) {
                    recorder.gilSwitch(task, releasedAt);
                }
            }
        } finally {
            // An interrupt while waiting for the GIL leaves it not held: release only what this thread holds.
            if (gil.heldByMe()) {
                // The compute span ends before the GIL is let go, so no two recorded compute spans can overlap.
                recorder.leave();
                gil.release();
            }
        }
    }

    /** Waits for the threads to end even when the caller was interrupted (that is how a stop arrives). */
    static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(STOP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the server and the client's threads; nothing of this lab runs afterwards. */
    @Override
    public void close() {
        server.close();
        httpThreads.shutdownNow();
        awaitQuietly(httpThreads);
    }
}
