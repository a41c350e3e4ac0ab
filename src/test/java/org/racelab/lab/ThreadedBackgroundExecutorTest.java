package org.racelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadedBackgroundExecutorTest {

    private static long liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .count();
    }

    @Test
    void deliversResultThroughHandoff() throws Exception {
        LinkedBlockingQueue<Runnable> handoff = new LinkedBlockingQueue<>();
        try (ThreadedBackgroundExecutor ex = new ThreadedBackgroundExecutor("bg-result", handoff::add)) {
            AtomicReference<Integer> got = new AtomicReference<>();
            ex.submit(() -> 6 * 7, got::set, e -> { });
            Runnable delivery = handoff.poll(5, TimeUnit.SECONDS);
            assertThat(got.get()).isNull(); // nothing runs until the hand-off thread runs it
            delivery.run();
            assertThat(got.get()).isEqualTo(42);
        }
    }

    @Test
    void failureGoesToOnFailure() throws Exception {
        LinkedBlockingQueue<Runnable> handoff = new LinkedBlockingQueue<>();
        try (ThreadedBackgroundExecutor ex = new ThreadedBackgroundExecutor("bg-fail", handoff::add)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            ex.submit(() -> {
                throw new IllegalStateException("boom");
            }, r -> { }, failure::set);
            handoff.poll(5, TimeUnit.SECONDS).run();
            assertThat(failure.get()).hasMessage("boom");
        }
    }

    @Test
    void closeStopsBusyWorkWithin200msAndLeavesNoThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ThreadedBackgroundExecutor ex = new ThreadedBackgroundExecutor("bg-close", Runnable::run);
        AtomicReference<Object> result = new AtomicReference<>();
        ex.submit(() -> {
            started.countDown();
            long spins = 0;
            while (!Thread.currentThread().isInterrupted()) {
                spins++;
            }
            return spins;
        }, result::set, result::set);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        ex.close();
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(waitedMs).isLessThan(1000); // generous: the contract is 200 ms, shared CI machines jitter
        assertThat(liveThreadsNamed("bg-close")).isZero();
    }

    @Test
    void cancelledWorkNeverReports() throws Exception {
        LinkedBlockingQueue<Runnable> handoff = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        try (ThreadedBackgroundExecutor ex = new ThreadedBackgroundExecutor("bg-cancel", handoff::add)) {
            AtomicReference<Object> got = new AtomicReference<>();
            BackgroundExecutor.Cancellable handle = ex.submit(() -> {
                release.await();
                return "late";
            }, got::set, got::set);
            handle.cancel();
            release.countDown();
            Runnable r = handoff.poll(300, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            assertThat(got.get()).isNull();
        }
    }

    @Test
    void sameThreadVersionRunsAtOnce() {
        AtomicReference<Integer> got = new AtomicReference<>();
        new SameThreadBackgroundExecutor().submit(() -> 7, got::set, e -> { });
        assertThat(got.get()).isEqualTo(7);
    }
}
