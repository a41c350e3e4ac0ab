package org.racelab.model.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.model.MachineState;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.model.StepResult;
import org.junit.jupiter.api.Test;

class PreemptionProfileTest {

    /** Every schedule enumerated one by one: preemptions → {schedules, losing}. */
    private static Map<Integer, long[]> bruteForce(RaceConfig config) {
        Map<Integer, long[]> m = new TreeMap<>();
        walk(MachineState.initial(config), -1, 0, m);
        return m;
    }

    private static void walk(MachineState s, int last, int preemptions, Map<Integer, long[]> m) {
        if (s.complete()) {
            long[] c = m.computeIfAbsent(preemptions, k -> new long[2]);
            c[0]++;
            if (s.counter() != s.config().expectedFinal()) {
                c[1]++;
            }
            return;
        }
        boolean lastRunnable = last >= 0 && s.canStep(last);
        for (int t = 0; t < s.threadCount(); t++) {
            if (s.canStep(t)) {
                MachineState n = ((StepResult.Stepped) s.step(t)).state();
                walk(n, t, preemptions + (lastRunnable && t != last ? 1 : 0), m);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1,false", "1,3,false", "2,1,false", "2,2,false", "2,3,false", "3,1,false", "4,1,false",
        "2,1,true", "2,2,true", "2,3,true", "3,1,true", "3,2,true", "4,1,true"})
    void countsMatchBruteForce(int threads, int increments, boolean lock) {
        RaceConfig config = new RaceConfig(threads, increments, 3, lock);
        Map<Integer, long[]> expected = bruteForce(config);
        PreemptionProfile profile = PreemptionProfile.of(config);
        Map<Integer, long[]> actual = new TreeMap<>();
        for (PreemptionCount c : profile.counts()) {
            if (c.schedules().signum() > 0) {
                actual.put(c.preemptions(), new long[] {c.schedules().longValueExact(), c.losing().longValueExact()});
            }
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((p, c) -> {
            assertEquals(c[0], actual.get(p)[0], "schedules with " + p + " preemptions");
            assertEquals(c[1], actual.get(p)[1], "losing schedules with " + p + " preemptions");
        });
        long total = expected.values().stream().mapToLong(c -> c[0]).sum();
        assertEquals(BigInteger.valueOf(total), profile.total());
        assertEquals(BigInteger.ZERO, profile.counts().get(0).losing(), "0 preemptions never lose");
        long losing = expected.values().stream().mapToLong(c -> c[1]).sum();
        assertEquals(losing > 0, profile.fewestPreemptionLoss().isPresent());
        profile.fewestPreemptionLoss().ifPresent(w -> {
            int fewest = expected.entrySet().stream().filter(e -> e.getValue()[1] > 0).findFirst().orElseThrow().getKey();
            assertEquals(fewest, w.preemptions());
            assertWitnessLoses(config, w);
        });
    }

    private static void assertWitnessLoses(RaceConfig config, PreemptionWitness w) {
        MachineState s = MachineState.initial(config);
        for (int i = 0; i < w.schedule().length(); i++) {
            s = ((StepResult.Stepped) s.step(w.schedule().threadAt(i))).state();
        }
        assertTrue(s.complete(), "the witness is a complete schedule");
        assertTrue(s.counter() < config.expectedFinal(), "the witness loses an update");
        assertEquals(w.preemptions(), Preemptions.count(config, w.schedule()));
    }

    @Test
    void largeRacesSumToTheMultinomialAndHaveShortWitnesses() {
        RaceConfig config = new RaceConfig(4, 3, 0, false);
        PreemptionProfile profile = PreemptionProfile.of(config);
        // (3NK)! / ((3K)!)^N for N = 4, K = 3
        BigInteger multinomial = factorial(36).divide(factorial(9).pow(4));
        assertEquals(multinomial, profile.total());
        PreemptionWitness w = profile.fewestPreemptionLoss().orElseThrow();
        assertEquals(1, w.preemptions());
        assertWitnessLoses(config, w);
    }

    @Test
    void slideEightNeedsOnePreemption() {
        RaceConfig config = new RaceConfig(2, 1, 0, false);
        PreemptionProfile profile = PreemptionProfile.of(config);
        assertEquals(BigInteger.valueOf(2), profile.counts().get(0).schedules());
        assertEquals(0, Preemptions.count(config, new Schedule("AAABBB")));
        assertEquals(1, Preemptions.count(config, new Schedule("ABBBAA")));
    }

    private static BigInteger factorial(int n) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }
}
