package org.racelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CounterRunTest {

    @AfterEach
    void noLabThreadSurvives() throws InterruptedException {
        assertThat(LabThreads.awaitNone(2_000)).as("lab threads still alive: %s", LabThreads.alive()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = CounterKind.class, names = {"SYNCHRONIZED", "LOCK", "ATOMIC", "ADDER"})
    void exactCountersNeverLoseAnUpdate(CounterKind kind) {
        CounterRunResult r = CounterRun.of(kind, new LabSettings(4, 8, 250_000)).run(CounterRun.Listener.none());

        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.expected()).isEqualTo(2_000_000);
        assertThat(r.attempts()).isEqualTo(2_000_000);
        assertThat(r.finalValue()).isEqualTo(2_000_000);
        assertThat(r.lost()).isZero();
        assertThat(r.completionOrder()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void unsafeCounterLosesUpdatesWithSeveralWorkers() {
        long lostTotal = 0;
        // Tasks long enough to outlive a time slice, and several tries: on a busy 2-core CI machine two workers
        // may not overlap at all in a short run, and a test that flakes teaches nothing.
        int attempts = 0;
        for (; attempts < 20 && lostTotal == 0; attempts++) {
            CounterRunResult r = CounterRun.of(CounterKind.UNSAFE, new LabSettings(4, 8, 4_000_000))
                    .run(CounterRun.Listener.none());
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.attempts()).isEqualTo(32_000_000);
            // The truth holds whatever the scheduler did: lost is exactly what the counter is short.
            assertThat(r.lost()).isEqualTo(r.expected() - r.finalValue()).isNotNegative();
            lostTotal += r.lost();
        }
        assertThat(lostTotal).as("unsafe lost nothing in %d runs of 4 workers", attempts).isPositive();
    }

    @Test
    void liveLockSwitchStopsTheLosses() throws Exception {
        SwitchableCounter counter = new SwitchableCounter(false);
        CounterRun run = new CounterRun(new LabSettings(4, 4, Long.MAX_VALUE / 8), counter);
        List<LabSample> samples = new CopyOnWriteArrayList<>();
        AtomicReference<CounterRunResult> result = new AtomicReference<>();
        Thread coordinator = new Thread(() -> result.set(run.run(samples::add)), "test-coordinator");
        coordinator.start();
        awaitAttempts(samples, 2_000_000);

        run.setLocked(true);
        assertThat(counter.isLocked()).isTrue();
        // Let every worker pass its next check and settle on the locked path.
        long settledAt = samples.size();
        awaitSamples(samples, settledAt + 3);
        long lostWhenLocked = samples.get(samples.size() - 1).lostSoFar();
        long attemptsWhenLocked = samples.get(samples.size() - 1).attempts();
        awaitAttempts(samples, attemptsWhenLocked + 2_000_000);
        assertThat(run.stopAndWait(5_000)).isTrue();
        coordinator.join(5_000);

        CounterRunResult r = result.get();
        assertThat(r.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(r.lost()).isEqualTo(r.attempts() - r.finalValue());
        // Samples are approximate (chunked publishing) so compare with a chunk-sized slack per task.
        assertThat(r.lost()).isLessThanOrEqualTo(lostWhenLocked + 4L * CounterRun.PUBLISH_EVERY * 2);
        assertThat(samples).anyMatch(LabSample::locked).anyMatch(s -> !s.locked());
    }

    @Test
    void stopEndsEveryWorkerWithinTheContractAndLeavesNoThread() throws Exception {
        CounterRun run = CounterRun.of(CounterKind.SYNCHRONIZED, new LabSettings(8, 64, Long.MAX_VALUE / 64));
        List<LabSample> samples = new CopyOnWriteArrayList<>();
        AtomicReference<CounterRunResult> result = new AtomicReference<>();
        Thread coordinator = new Thread(() -> result.set(run.run(samples::add)), "test-coordinator");
        coordinator.start();
        awaitAttempts(samples, 100_000);
        assertThat(LabThreads.alive()).anyMatch(n -> n.startsWith(CounterRun.WORKER_THREAD_PREFIX));

        long t0 = System.nanoTime();
        // The contract is 200 ms; a shared CI machine gets a generous margin so the test never flakes, while a
        // worker that ignored the stop flag (it would run for centuries) still fails it.
        long allowed = CounterRun.STOP_MILLIS * 5;
        boolean ended = run.stopAndWait(allowed);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertThat(ended).as("stopped within %d ms (took %d ms)", allowed, millis).isTrue();
        coordinator.join(2_000);
        assertThat(LabThreads.alive()).isEmpty();
        CounterRunResult r = result.get();
        assertThat(r.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(r.lost()).isZero();
        assertThat(r.attempts()).isPositive().isLessThan(r.expected());
        assertThat(r.finalValue()).isEqualTo(r.attempts());
    }

    /** Linux only, and only where renice exists (the lab then runs unlowered, which this test would report). */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void workersCountAtBackgroundPriorityAndTheJitYieldsToTheWindow() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/renice"))
                || java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/renice")), "renice is installed");
        CounterRun run = CounterRun.of(CounterKind.ATOMIC, new LabSettings(3, 3, Long.MAX_VALUE / 3));
        List<LabSample> samples = new CopyOnWriteArrayList<>();
        Thread coordinator = new Thread(() -> run.run(samples::add), "test-coordinator");
        coordinator.start();
        try {
            // Counting has begun, so by construction every worker was lowered before its first increment.
            awaitAttempts(samples, 1);
            java.util.Map<String, List<Integer>> nice = niceByThreadName();
            // Linux keeps 15 characters of a thread's name.
            assertThat(nice.get(CounterRun.WORKER_THREAD_PREFIX.substring(0, 15))).as("%s", nice).hasSize(3).containsOnly(19);
            assertThat(nice.entrySet()).filteredOn(e -> e.getKey().contains("CompilerThre"))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).containsOnly(10));
            assertThat(nice.get("test-coordinato")).as("the coordinator is not lowered: %s", nice).containsOnly(0);
        } finally {
            run.stopAndWait(5_000);
            coordinator.join(5_000);
        }
    }

    private static java.util.Map<String, List<Integer>> niceByThreadName() throws java.io.IOException {
        java.util.Map<String, List<Integer>> nice = new java.util.HashMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(task.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // Field 19 (nice) is the 17th after the command name.
                int value = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
                nice.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            }
        }
        return nice;
    }

    @Test
    void interruptingTheCoordinatorStopsTheRun() throws Exception {
        CounterRun run = CounterRun.of(CounterKind.ATOMIC, new LabSettings(2, 4, Long.MAX_VALUE / 4));
        List<LabSample> samples = new CopyOnWriteArrayList<>();
        AtomicReference<CounterRunResult> result = new AtomicReference<>();
        Thread coordinator = new Thread(() -> result.set(run.run(samples::add)), "test-coordinator");
        coordinator.start();
        awaitAttempts(samples, 100_000);
        coordinator.interrupt();
        coordinator.join(5_000);
        assertThat(coordinator.isAlive()).isFalse();
        assertThat(result.get().status()).isEqualTo(RunStatus.STOPPED);
    }

    @Test
    void aThrowingTaskIsReportedAndFailsTheRun() {
        AtomicLong calls = new AtomicLong();
        Counter faulty = new Counter() {
            private final AtomicLong value = new AtomicLong();

            @Override
            public void increment() {
                if (calls.incrementAndGet() == 50_000) {
                    throw new IllegalStateException("boom");
                }
                value.incrementAndGet();
            }

            @Override
            public long get() {
                return value.get();
            }

            @Override
            public CounterKind kind() {
                return CounterKind.ATOMIC;
            }
        };
        CounterRunResult r = new CounterRun(new LabSettings(2, 4, 100_000), faulty).run(CounterRun.Listener.none());

        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.failed()).isTrue();
        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m).contains("IllegalStateException").contains("boom"));
        // The throwing increment was attempted but never landed: exactly one lost, not a silently short count.
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.attempts()).isLessThanOrEqualTo(r.expected());
        assertThat(r.explanation(java.util.Optional.empty())).startsWith("atomic: FAILED").contains("boom");
    }

    @Test
    void liveSamplesCarryIncreasingTimesNonNegativeLossesAndAPositiveRate() throws Exception {
        CounterRun run = CounterRun.of(CounterKind.LOCK, new LabSettings(2, 2, Long.MAX_VALUE / 2));
        List<LabSample> samples = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(10);
        Thread coordinator = new Thread(() -> run.run(s -> {
            samples.add(s);
            enough.countDown();
        }), "test-coordinator");
        coordinator.start();
        assertThat(enough.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.stopAndWait(5_000)).isTrue();
        coordinator.join(5_000);
        // How often samples come is the sampler's period, not checked here: a rate measured on a shared machine
        // would be a timed test. What each sample says is.
        assertThat(samples).extracting(LabSample::elapsedSeconds).isSorted();
        assertThat(samples).allSatisfy(s -> assertThat(s.lostSoFar()).isNotNegative());
        // Once the rate window is full (6 samples) the rate must still reflect progress, not collapse to zero.
        assertThat(samples.subList(7, samples.size() - 1)).allSatisfy(s -> assertThat(s.incrementsPerSecond()).isPositive());
    }

    @Test
    void settingsRejectImpossibleRuns() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabSettings(0, 1, 1)).hasMessageContaining("workers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabSettings(65, 1, 1)).hasMessageContaining("64");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabSettings(1, 0, 1)).hasMessageContaining("tasks");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabSettings(1, 1, -5)).hasMessageContaining("increments");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabSettings(1, 3, Long.MAX_VALUE / 2))
                .hasMessageContaining("overflows");
        assertThat(LabSettings.defaultWorkers(2)).isEqualTo(6);
        assertThat(LabSettings.defaultWorkers(64)).isEqualTo(32);
    }

    @Test
    void explanationComparesWithUnsafeOfTheSameSize() {
        CounterRunResult unsafe = result(CounterKind.UNSAFE, 1000, 900, 1.0);
        CounterRunResult sync = result(CounterKind.SYNCHRONIZED, 1000, 1000, 3.1);
        assertThat(sync.explanation(java.util.Optional.of(unsafe))).isEqualTo("synchronized: 0 lost, 3.1× slower than unsafe");
        assertThat(unsafe.explanation(java.util.Optional.of(unsafe))).startsWith("unsafe: 100 lost (10.0%)");
    }

    private static CounterRunResult result(CounterKind kind, long attempts, long fin, double seconds) {
        return new CounterRunResult(kind, 2, 1, attempts, attempts, attempts, fin, attempts - fin, seconds,
                RunStatus.COMPLETED, java.util.Optional.empty(), List.of(0));
    }

    private static void awaitAttempts(List<LabSample> samples, long attempts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (samples.isEmpty() || samples.get(samples.size() - 1).attempts() < attempts) {
            assertThat(System.nanoTime()).as("run made no progress").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void awaitSamples(List<LabSample> samples, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (samples.size() < count) {
            assertThat(System.nanoTime()).as("no samples").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
