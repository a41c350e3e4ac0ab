package org.racelab.lab.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolLabTest {

    @AfterEach
    void noThreadLeft() throws Exception {
        assertThat(PoolTestThreads.awaitNone(1_000)).as("left: %s", PoolTestThreads.alive()).isTrue();
    }

    @Test
    void sweepPeakIsMinOfWorkersAndTasksWithoutACap() throws Exception {
        try (PoolLab lab = PoolLab.open(0)) {
            List<PoolRunResult> runs = lab.sweep(new PoolSettings(6, 60, 1, TaskKind.IO, false, 0),
                    List.of(1, 2, 4, 8), r -> { });
            assertThat(runs).extracting(PoolRunResult::peakConcurrent).containsExactly(1, 2, 4, 6);
            assertThat(runs).extracting(PoolRunResult::served).containsOnly(6L);
            assertThat(runs).allMatch(PoolRunResult::completed);
            // Measured wall time can never beat the ideal.
            assertThat(runs).allMatch(r -> r.seconds() >= r.idealSeconds() * 0.98);
        }
    }

    @Test
    void sweepPeakIsMinOfWorkersTasksAndCap() throws Exception {
        try (PoolLab lab = PoolLab.open(3)) {
            List<PoolRunResult> runs = lab.sweep(new PoolSettings(8, 40, 1, TaskKind.IO, false, 3),
                    List.of(1, 2, 4, 16), r -> { });
            assertThat(runs).extracting(PoolRunResult::peakConcurrent).containsExactly(1, 2, 3, 3);
            assertThat(runs.get(3).idealSeconds()).isEqualTo(Math.ceil(8 / 3.0) * 0.04);
        }
    }

    @Test
    void theGilSerialisesComputeMeasuredOverlapIsZero() throws Exception {
        assertThat(computeOverlapMillis(true)).isZero();
        // The same measurement without the GIL sees two workers compute at once: the check can fail.
        assertThat(computeOverlapMillis(false)).isPositive();
    }

    private static double computeOverlapMillis(boolean gil) throws Exception {
        PoolRecorder recorder = new PoolRecorder();
        try (PoolLab lab = PoolLab.open(0)) {
            PoolRunResult r = lab.run(new PoolSettings(4, 40, 2, TaskKind.COMPUTE, gil, 0), recorder);
            assertThat(r.completed()).isTrue();
        }
        PoolSnapshot s = recorder.snapshot();
        List<TaskSpan> compute = s.spans().stream().filter(x -> x.state() == TaskState.COMPUTE).toList();
        assertThat(compute).isNotEmpty().allMatch(x -> !x.open());
        long overlap = 0;
        for (TaskSpan a : compute) {
            for (TaskSpan b : compute) {
                if (a.lane() < b.lane()) {
                    overlap += Math.max(0, Math.min(a.endNanos(), b.endNanos()) - Math.max(a.startNanos(), b.startNanos()));
                }
            }
        }
        if (gil) {
            assertThat(s.spans()).anyMatch(x -> x.state() == TaskState.GIL_WAIT && x.endNanos() > x.startNanos());
        }
        return overlap / 1e6;
    }

    @Test
    void ioStillOverlapsWithTheGilOn() throws Exception {
        PoolRecorder recorder = new PoolRecorder();
        try (PoolLab lab = PoolLab.open(0)) {
            PoolRunResult r = lab.run(new PoolSettings(4, 100, 4, TaskKind.IO, true, 0), recorder);
            assertThat(r.peakConcurrent()).isEqualTo(4);
        }
        List<TaskSpan> io = recorder.snapshot().spans().stream().filter(x -> x.state() == TaskState.IO).toList();
        assertThat(io).hasSize(4);
        assertThat(io.get(0).overlaps(io.get(3), 0)).isTrue();
    }

    @Test
    void ganttRecordsOneLanePerWorkerAndEveryTask() throws Exception {
        PoolRecorder recorder = new PoolRecorder();
        try (PoolLab lab = PoolLab.open(0)) {
            lab.run(new PoolSettings(9, 30, 3, TaskKind.MIXED, false, 0), recorder);
        }
        PoolSnapshot s = recorder.snapshot();
        assertThat(s.lanes()).isEqualTo(3);
        assertThat(s.finished()).isEqualTo(9);
        assertThat(s.backlog()).isZero();
        assertThat(s.done()).isTrue();
        assertThat(s.spans()).extracting(TaskSpan::task).containsAll(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(s.spans()).filteredOn(x -> x.state() == TaskState.IO).hasSize(9);
        assertThat(s.spans()).filteredOn(x -> x.state() == TaskState.COMPUTE).hasSize(9);
    }

    @Test
    void sequentialRunsOneTaskAfterAnotherOnOneThread() throws Exception {
        PoolRecorder recorder = new PoolRecorder();
        PoolRunResult r;
        try (PoolLab lab = PoolLab.open(0)) {
            r = lab.runSequential(new PoolSettings(4, 30, 8, TaskKind.IO, false, 0), recorder);
        }
        assertThat(r.sequential()).isTrue();
        assertThat(r.workers()).isEqualTo(1);
        assertThat(r.peakConcurrent()).isEqualTo(1);
        assertThat(r.seconds()).isGreaterThanOrEqualTo(0.12);
        assertThat(recorder.snapshot().lanes()).isEqualTo(1);
    }

    @Test
    void stopEndsWorkersBlockedInARequestClosesThePortAndLeavesNoThread() throws Exception {
        AtomicReference<PoolRunResult> result = new AtomicReference<>();
        AtomicReference<Integer> port = new AtomicReference<>();
        PoolRecorder recorder = new PoolRecorder();
        Thread runner = new Thread(() -> {
            try (PoolLab lab = PoolLab.open(0)) {
                port.set(lab.server().address().getPort());
                result.set(lab.run(new PoolSettings(40, 2_000, 8, TaskKind.IO, false, 0), recorder));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "pool-test-runner");
        runner.start();
        while (recorder.snapshot().started() < 8) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        long stop = System.nanoTime();
        runner.interrupt();
        runner.join(5_000);
        assertThat(PoolTestThreads.awaitNone(1_000)).as("left: %s", PoolTestThreads.alive()).isTrue();
        long millis = (System.nanoTime() - stop) / 1_000_000;
        // Workers were blocked in 2-second requests: they ended long before those could have answered.
        assertThat(millis).isLessThan(1_500);
        assertThat(result.get().completed()).isFalse();
        assertThat(result.get().finished()).isZero();
        assertThat(recorder.snapshot().done()).isTrue();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port.get())) {
            throw new AssertionError("port still open");
        } catch (java.io.IOException expected) {
            // refused: the server closed
        }
    }

    @Test
    void mapKeepsInputOrderAsCompletedFollowsLatencyAndTheExceptionReachesTheCaller() throws Exception {
        OrderDemo.Result r = OrderDemo.run(List.of(1_200, 100, 700, 400, 950), 2, 5);
        assertThat(r.completionOrder()).extracting(OrderDemo.Outcome::task).containsExactly(1, 3, 2, 4, 0);
        // map yields in input order and raises when it reaches the failing result.
        assertThat(r.mapOrder()).extracting(OrderDemo.Outcome::task).containsExactly(0, 1);
        assertThat(r.mapRaised()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("TaskFailed: task 2 failed on racelab-pool-order-"));
        OrderDemo.Outcome failed = r.completionOrder().get(2);
        assertThat(failed.value()).isEmpty();
        assertThat(failed.error()).isEqualTo(r.mapRaised());
        List<Integer> ok = new ArrayList<>();
        r.completionOrder().forEach(o -> o.value().ifPresent(v -> ok.add(o.task())));
        assertThat(ok).containsExactly(1, 3, 4, 0);
    }

    @Test
    void withoutAFailureMapReturnsEveryResultInInputOrder() throws Exception {
        OrderDemo.Result r = OrderDemo.run(List.of(800, 50, 400), -1, 3);
        assertThat(r.mapOrder()).extracting(o -> o.value().orElseThrow())
                .containsExactly("task 0 done after 800 ms", "task 1 done after 50 ms", "task 2 done after 400 ms");
        assertThat(r.mapRaised()).isEmpty();
        assertThat(r.completionOrder()).extracting(OrderDemo.Outcome::task).containsExactly(1, 2, 0);
    }

    @Test
    void threadCostMeasuresEveryFigure() throws Exception {
        ThreadCostResult r = ThreadCost.measure(100);
        assertThat(r.createdThreads()).isEqualTo(1_000);
        assertThat(r.createStartJoinMicros().median()).isPositive();
        assertThat(r.createStartJoinMicros().p90()).isGreaterThanOrEqualTo(r.createStartJoinMicros().median());
        assertThat(r.poolSubmitGetMicros().median()).isPositive();
        assertThat(r.reservedStackKiB()).isPositive();
        assertThat(r.parkedThreads()).isEqualTo(100);
        if (ThreadCost.residentKiB().isPresent()) {
            assertThat(r.committedKiBPerParkedThread()).isPresent();
        }
    }

    @Test
    void percentilesAreThoseOfTheSample() {
        long[] nanos = new long[10];
        for (int i = 0; i < 10; i++) {
            nanos[i] = (10 - i) * 1_000L;
        }
        ThreadCostResult.Percentiles p = ThreadCost.percentiles(nanos);
        assertThat(p.median()).isEqualTo(5.5);
        assertThat(p.p90()).isEqualTo(9.0);
    }
}
