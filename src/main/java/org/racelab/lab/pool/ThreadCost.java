package org.racelab.lab.pool;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures what a thread costs: {@code new Thread} + start + join per task against submit + get on one reused
 * pool thread, the JVM's reserved stack size, and (on Linux) the resident memory that N parked threads add.
 *
 * <p>Thread safety: {@link #measure} runs on the caller; every thread it starts has ended when it returns, also
 * when the caller is interrupted.
 */
public final class ThreadCost {

    public static final int MIN_THREADS = 100;
    public static final int MAX_THREADS = 10_000;
    /** The creation figures use at least this many threads, so the p90 means something. */
    public static final int MIN_CREATED = 1_000;
    /** Parking more threads than this adds nothing to the per-thread figure and only costs memory. */
    public static final int MAX_PARKED = 2_000;

    private static final Path STATUS = Path.of("/proc/self/status");

    private ThreadCost() {
    }

    public static ThreadCostResult measure(int threads) throws InterruptedException {
        if (threads < MIN_THREADS || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between " + MIN_THREADS + " and " + MAX_THREADS
                    + ", got " + threads);
        }
        int created = Math.max(MIN_CREATED, threads);
        ThreadCostResult.Percentiles perThread = createStartJoin(created);
        ThreadCostResult.Percentiles perTask = poolSubmitGet(threads);
        int parked = Math.min(threads, MAX_PARKED);
        return new ThreadCostResult(threads, created, perThread, perTask, reservedStackKiB(), parked,
                committedPerParkedThread(parked));
    }

    private static ThreadCostResult.Percentiles createStartJoin(int n) throws InterruptedException {
        // A short warm-up so the first figures do not include class loading and JIT compilation.
        for (int i = 0; i < 50; i++) {
            Thread t = new Thread(() -> { }, PoolThreads.PREFIX + "cost-warmup");
            t.start();
            t.join();
        }
        long[] micros = new long[n];
        AtomicInteger sink = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            Thread t = new Thread(sink::incrementAndGet, PoolThreads.PREFIX + "cost-" + i);
            t.start();
            t.join();
            micros[i] = System.nanoTime() - start;
        }
        return percentiles(micros);
    }

    private static ThreadCostResult.Percentiles poolSubmitGet(int n) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(1, PoolThreads.factory("cost-pool"));
        try {
            AtomicInteger sink = new AtomicInteger();
            for (int i = 0; i < 200; i++) {
                pool.submit(sink::incrementAndGet).get();
            }
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                pool.submit(sink::incrementAndGet).get();
                nanos[i] = System.nanoTime() - start;
            }
            return percentiles(nanos);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            PoolLab.awaitQuietly(pool);
        }
    }

    static ThreadCostResult.Percentiles percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        double p90 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
        return new ThreadCostResult.Percentiles(median / 1000.0, p90 / 1000.0);
    }

    /** The stack each new thread reserves: the JVM's ThreadStackSize ({@code -Xss}), in KiB. */
    public static long reservedStackKiB() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Long.parseLong(hotspot.getVMOption("ThreadStackSize").getValue());
        } catch (RuntimeException e) {
            return 1024;
        }
    }

    /** Resident KiB added per live, parked thread, from VmRSS before and with {@code n} threads parked. */
    static OptionalLong committedPerParkedThread(int n) throws InterruptedException {
        OptionalLong before = residentKiB();
        if (before.isEmpty()) {
            return OptionalLong.empty();
        }
        CountDownLatch parked = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    parked.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, PoolThreads.PREFIX + "parked-" + i);
                t.setDaemon(true);
                t.start();
                started.add(t);
            }
            if (!parked.await(30, TimeUnit.SECONDS)) {
                return OptionalLong.empty();
            }
            OptionalLong with = residentKiB();
            if (with.isEmpty()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(0, Math.round((with.getAsLong() - before.getAsLong()) / (double) n)));
        } finally {
            release.countDown();
            for (Thread t : started) {
                t.interrupt();
            }
            boolean interrupted = Thread.interrupted();
            for (Thread t : started) {
                t.join(1_000);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** VmRSS of this process in KiB, or empty where /proc/self/status does not exist (not Linux). */
    public static OptionalLong residentKiB() {
        if (!Files.isReadable(STATUS)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
