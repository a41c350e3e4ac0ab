package org.racelab.lab.reality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.RaceConfig;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealityHarnessTest {

    private static List<String> aliveRacers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(RealityHarness.THREAD_PREFIX)).toList();
    }

    @Test
    void withTheLockEveryTrialEndsAtTheExpectedValue() {
        RaceConfig config = new RaceConfig(3, 2, 7, true);
        RealitySnapshot s = new RealityHarness(config, WindowDelay.spin(5), 100_000, 0).run(x -> { });
        assertThat(s.trials()).isGreaterThanOrEqualTo(100_000);
        assertThat(s.observed()).containsOnlyKeys(config.expectedFinal());
        assertThat(s.count(config.expectedFinal())).isEqualTo(s.trials());
        assertThat(aliveRacers()).isEmpty();
    }

    @Test
    void aSpinBetweenLoadAndStoreObservesLostUpdatesAndNothingForbidden() {
        RaceConfig config = new RaceConfig(2, 1, 0, false);
        RealityTheory theory = RealityTheory.of(Interleavings.explore(config));
        RealitySnapshot s = new RealityHarness(config, WindowDelay.spin(200), 0, 3_000_000_000L).run(x -> { });
        RealityReport r = RealityReport.of(theory, WindowDelay.spin(200), s);
        assertThat(s.observed().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.trials());
        assertThat(r.lostTrials()).as("lost updates in %d trials", s.trials()).isPositive();
        assertThat(r.forbiddenObserved()).isZero();
        assertThat(r.rows()).extracting(RealityReport.Row::grade)
                .containsExactly(Grade.INTERESTING, Grade.ACCEPTABLE);
    }

    @Test
    void theDelayThatLosesUpdatesWithoutTheLockLosesNoneWithIt() {
        WindowDelay spin = WindowDelay.spin(200);
        RaceConfig racy = new RaceConfig(2, 1, 0, false);
        RealitySnapshot lost = new RealityHarness(racy, spin, 0, 3_000_000_000L).run(x -> { });
        assertThat(lost.count(1)).as("lost updates in %d trials", lost.trials()).isPositive();
        RaceConfig locked = new RaceConfig(2, 1, 0, true);
        RealitySnapshot safe = new RealityHarness(locked, spin, lost.trials(), 0).run(x -> { });
        assertThat(safe.trials()).isEqualTo(lost.trials());
        assertThat(safe.observed()).containsOnlyKeys(2);
        assertThat(aliveRacers()).isEmpty();
    }

    @Test
    void everyDelayRunsTheProgramAndCountsEveryTrial() {
        for (String d : List.of("none", "yield", "print", "spin:3")) {
            RaceConfig config = new RaceConfig(2, 2, -4, false);
            RealitySnapshot s = new RealityHarness(config, WindowDelay.parse(d), 5_000, 0).run(x -> { });
            long counted = s.observed().values().stream().mapToLong(Long::longValue).sum();
            assertThat(counted).as(d).isEqualTo(s.trials());
            assertThat(s.observed().lastKey()).as(d).isLessThanOrEqualTo(config.expectedFinal());
            assertThat(s.observed().firstKey()).as(d).isGreaterThanOrEqualTo(config.start() + 2);
        }
    }

    @Test
    void stopsWithin200MillisPublishingProgressAndLeavesNoThread() throws Exception {
        RaceConfig config = new RaceConfig(4, 5, 0, false);
        RealityHarness harness = new RealityHarness(config, WindowDelay.spin(50), 0, 600_000_000_000L);
        List<RealitySnapshot> progress = new CopyOnWriteArrayList<>();
        CompletableFuture<RealitySnapshot> run = CompletableFuture.supplyAsync(() -> harness.run(progress::add));
        while (progress.size() < 2) {
            Thread.sleep(20);
        }
        assertThat(aliveRacers()).hasSize(3);
        long asked = System.nanoTime();
        harness.stop();
        RealitySnapshot last = run.get(5, TimeUnit.SECONDS);
        long tookMillis = (System.nanoTime() - asked) / 1_000_000;
        assertThat(tookMillis).isLessThan(RealityHarness.STOP_MILLIS);
        assertThat(aliveRacers()).isEmpty();
        assertThat(last.finished()).isTrue();
        assertThat(last.trials()).isGreaterThanOrEqualTo(progress.get(progress.size() - 1).trials());
        assertThat(progress.get(1).trials()).isGreaterThan(progress.get(0).trials());
    }

    /**
     * A stop can land while a worker waits for the next round and the coordinator is about to start it: the worker
     * leaves, so the coordinator must not wait for it to finish that round (it did, spinning forever). Many short
     * runs, each stopped at a different moment, must all end.
     */
    @Test
    void aStopAtAnyMomentEndsTheRun() throws Exception {
        RaceConfig config = new RaceConfig(2, 1, 0, false);
        java.util.Random random = new java.util.Random(7);
        int hung = 0;
        for (int i = 0; i < 400; i++) {
            RealityHarness harness = new RealityHarness(config, WindowDelay.NONE, 0, 60_000_000_000L);
            CompletableFuture<RealitySnapshot> run = CompletableFuture.supplyAsync(() -> harness.run(x -> { }));
            long until = System.nanoTime() + random.nextInt(300_000);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            harness.stop();
            try {
                RealitySnapshot last = run.get(2, TimeUnit.SECONDS);
                assertThat(last.finished()).isTrue();
            } catch (java.util.concurrent.TimeoutException e) {
                hung++;
                break;
            }
        }
        assertThat(hung).as("runs that did not end after stop()").isZero();
    }

    @Test
    void anInjectedForbiddenValueIsGradedForbiddenAndReportedLoudly() {
        RaceConfig config = new RaceConfig(2, 1, 0, false);
        RealityTheory theory = RealityTheory.of(Interleavings.explore(config));
        Map<Integer, Long> seen = new TreeMap<>(Map.of(1, 3L, 2, 90L, 3, 7L, -5, 1L));
        RealityReport r = RealityReport.of(theory, WindowDelay.NONE,
                new RealitySnapshot(101, 1_000_000, new TreeMap<>(seen), true));
        assertThat(r.forbiddenObserved()).isEqualTo(8);
        assertThat(r.rows()).extracting(RealityReport.Row::finalValue).containsExactly(-5, 1, 2, 3);
        assertThat(r.rows()).extracting(RealityReport.Row::grade)
                .containsExactly(Grade.FORBIDDEN, Grade.INTERESTING, Grade.ACCEPTABLE, Grade.FORBIDDEN);
        assertThat(RealityNarration.forbiddenWarning(r)).contains("FORBIDDEN").contains("8 trials").contains("[1, 2]");
        assertThat(RealityNarration.headline(r))
                .isEqualTo("All schedules: 90 % lose an update. A random scheduler: 75 %. "
                        + "Real threads on this machine: 3.0 % of 101 races.");
    }

    @Test
    void percentagesNeverRoundAwayTheRareCase() {
        assertThat(RealityNarration.percent(0.9)).isEqualTo("90 %");
        assertThat(RealityNarration.percent(0.064)).isEqualTo("6.4 %");
        assertThat(RealityNarration.percent(1 - 252.0 / 155_117_520)).isEqualTo("99.99984 %");
        assertThat(RealityNarration.percent(2.0 / 2_578_432)).isEqualTo("0.000078 %");
        assertThat(RealityNarration.percent(1)).isEqualTo("100 %");
        assertThat(RealityNarration.percent(0)).isEqualTo("0 %");
    }
}
