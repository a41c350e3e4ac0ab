package org.racelab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.model.MachineState;
import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.RunResult;
import org.racelab.model.Schedule;
import org.racelab.model.Step;
import org.racelab.model.StepResult;
import org.racelab.model.SwitchRule;

/** The rule-aware counts against brute force: every allowed schedule listed by stepping the machine. */
class InterleavingsUnderSwitchRuleTest {

    /** Every complete schedule the machine allows from {@code state}, as letters. */
    private static void allSchedules(MachineState state, StringBuilder prefix, List<String> out) {
        if (state.complete()) {
            out.add(prefix.toString());
            return;
        }
        for (int i = 0; i < state.threadCount(); i++) {
            if (state.canStep(i)) {
                prefix.append(RaceConfig.threadName(i));
                allSchedules(((StepResult.Stepped) state.step(i)).state(), prefix, out);
                prefix.setLength(prefix.length() - 1);
            }
        }
    }

    private static List<String> brute(RaceConfig config, RaceProgram program, SwitchRule rule) {
        List<String> out = new ArrayList<>();
        allSchedules(MachineState.initial(config, program, rule), new StringBuilder(), out);
        return out;
    }

    private static RunResult replay(RaceConfig config, RaceProgram program, SwitchRule rule, String letters) {
        return RunResult.replay(MachineState.initial(config, program, rule), new Schedule(letters));
    }

    /** Whether some thread's load and its store are separated by another thread's step. */
    private static boolean switchesBetweenLoadAndStore(List<Step> steps) {
        Map<Character, Integer> loadedAt = new TreeMap<>();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            if (s.op() == MicroOp.LOAD) {
                loadedAt.put(s.thread(), k);
            } else if (s.op() == MicroOp.STORE) {
                int from = loadedAt.remove(s.thread());
                for (int j = from + 1; j < k; j++) {
                    if (steps.get(j).thread() != s.thread()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @CsvSource({"2,1,false", "2,2,false", "3,1,false", "2,1,true"})
    void countsMatchBruteForceForEveryProgramAndRule(int threads, int increments, boolean lock) {
        RaceConfig config = new RaceConfig(threads, increments, 0, lock);
        for (RaceProgram program : RaceProgram.values()) {
            for (SwitchRule rule : SwitchRule.values()) {
                Map<Integer, BigInteger> byFinal = new TreeMap<>();
                for (String s : brute(config, program, rule)) {
                    byFinal.merge(replay(config, program, rule, s).finalValue(), BigInteger.ONE, BigInteger::add);
                }
                RuledInterleavings dp = RuledInterleavings.explore(config, program, rule);
                Map<Integer, BigInteger> counted = new TreeMap<>();
                dp.outcomes().forEach(o -> counted.put(o.finalValue(), o.count()));
                assertThat(counted).as("%s %s %s", config, program, rule).isEqualTo(byFinal);
                ExactFraction sum = dp.outcomes().stream().map(InterleavingOutcome::randomSchedulerProbability)
                        .reduce(ExactFraction.ZERO, ExactFraction::add);
                assertThat(sum).isEqualTo(ExactFraction.ONE);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"2,1,0", "2,3,5", "3,2,0", "2,2,1"})
    void countPlusOneUnderAnyRuleAgreesWithTheFastExplorer(int threads, int increments, int start) {
        for (boolean lock : new boolean[] {false, true}) {
            RaceConfig config = new RaceConfig(threads, increments, start, lock);
            Interleavings fast = Interleavings.explore(config);
            RuledInterleavings ruled = RuledInterleavings.explore(config, RaceProgram.COUNT, SwitchRule.ANY);
            assertThat(ruled.total()).isEqualTo(fast.total());
            assertThat(ruled.outcomes()).isEqualTo(fast.outcomes());
        }
    }

    @ParameterizedTest
    @CsvSource({"2,1", "2,3", "3,2", "4,1"})
    void underTheGilCountPlusOneNeverLosesButFewerSchedulesRemain(int threads, int increments) {
        RaceConfig config = new RaceConfig(threads, increments, 0, false);
        RuledInterleavings gil = RuledInterleavings.explore(config, RaceProgram.COUNT, SwitchRule.CPYTHON_GIL);
        assertThat(gil.outcomes()).singleElement()
                .satisfies(o -> assertThat(o.finalValue()).isEqualTo(config.expectedFinal()));
        assertThat(gil.losingCount()).isZero();
        RuledInterleavings any = RuledInterleavings.explore(config, RaceProgram.COUNT, SwitchRule.ANY);
        assertThat(any.losingCount()).isPositive();
        assertThat(gil.total()).isLessThan(any.total());
    }

    @ParameterizedTest
    @CsvSource({"2,1", "2,2", "3,1", "2,3"})
    void underTheGilCallLosesInExactlyTheSchedulesThatSwitchBetweenLoadAndStore(int threads, int increments) {
        RaceConfig config = new RaceConfig(threads, increments, 0, false);
        for (RaceProgram program : List.of(RaceProgram.CALL, RaceProgram.SLEEP)) {
            List<String> all = brute(config, program, SwitchRule.CPYTHON_GIL);
            long losing = 0;
            for (String s : all) {
                RunResult r = replay(config, program, SwitchRule.CPYTHON_GIL, s);
                assertThat(r.lost() > 0).as("%s %s", program, s).isEqualTo(switchesBetweenLoadAndStore(r.steps()));
                losing += r.lost() > 0 ? 1 : 0;
            }
            RuledInterleavings dp = RuledInterleavings.explore(config, program, SwitchRule.CPYTHON_GIL);
            assertThat(dp.losingCount()).isEqualTo(BigInteger.valueOf(losing)).isPositive();
            assertThat(dp.total()).isEqualTo(BigInteger.valueOf(all.size()));
        }
    }

    @Test
    void twoThreadsOfOneCallUnderTheGilHaveSixSchedulesFourOfThemLosing() {
        // A switch may fall only at the start, after the call, and at the end: C(4,2) orders of four chunks.
        RuledInterleavings dp = RuledInterleavings.explore(new RaceConfig(2, 1, 0, false), RaceProgram.CALL,
                SwitchRule.CPYTHON_GIL);
        assertThat(dp.total()).isEqualTo(BigInteger.valueOf(6));
        assertThat(dp.losingCount()).isEqualTo(BigInteger.valueOf(4));
        // Each thread runs in two unbreakable chunks: load + call, then add + store.
        assertThat(dp.firstEndingAt(1).letters()).isEqualTo("AABBAABB");
        assertThat(dp.firstEndingAt(0)).isNull();
        assertThat(dp.firstEndingAt(2).letters()).isEqualTo("AAAABBBB");
    }
}
