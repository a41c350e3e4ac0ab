package org.racelab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.ThreadProgram;

class ExecutionCountTest {

    /** Every schedule, then union-find over swaps of neighbouring independent steps of different threads. */
    private static final class BruteForce {
        final RaceConfig config;
        final ThreadProgram program;
        final List<Long> schedules = new ArrayList<>();
        final List<Integer> finals = new ArrayList<>();
        final Map<Long, Integer> index = new HashMap<>();
        int[] parent;

        BruteForce(RaceConfig config, RaceProgram p) {
            this.config = config;
            this.program = ThreadProgram.of(config, p);
            enumerate(new int[config.threads()], 0L, 0, -1);
            for (int i = 0; i < schedules.size(); i++) {
                index.put(schedules.get(i), i);
            }
            parent = new int[schedules.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            int length = config.threads() * program.length();
            for (int i = 0; i < schedules.size(); i++) {
                long s = schedules.get(i);
                int[] pcs = new int[config.threads()];
                for (int k = 0; k + 1 < length; k++) {
                    int a = thread(s, k);
                    int b = thread(s, k + 1);
                    MicroOp opA = program.opAt(pcs[a]);
                    if (a != b && StepIndependence.independent(opA, program.opAt(pcs[b]))) {
                        long swapped = s & ~(0xFL << (2 * k)) | ((long) b << (2 * k)) | ((long) a << (2 * k + 2));
                        Integer j = index.get(swapped);
                        assertThat(j).as("a swap of independent steps stays a schedule").isNotNull();
                        union(i, j);
                    }
                    pcs[a]++;
                }
            }
        }

        static int thread(long s, int k) {
            return (int) (s >>> (2 * k)) & 3;
        }

        void enumerate(int[] pcs, long s, int k, int holder) {
            boolean any = false;
            for (int t = 0; t < pcs.length; t++) {
                if (pcs[t] >= program.length()) {
                    continue;
                }
                MicroOp op = program.opAt(pcs[t]);
                if (op == MicroOp.ACQUIRE && holder >= 0) {
                    continue;
                }
                any = true;
                pcs[t]++;
                int h = op == MicroOp.ACQUIRE ? t : op == MicroOp.RELEASE ? -1 : holder;
                enumerate(pcs, s | ((long) t << (2 * k)), k + 1, h);
                pcs[t]--;
            }
            if (!any) {
                schedules.add(s);
                finals.add(finalValue(s, k));
            }
        }

        int finalValue(long s, int length) {
            int counter = config.start();
            int[] reg = new int[config.threads()];
            int[] pcs = new int[config.threads()];
            for (int k = 0; k < length; k++) {
                int t = thread(s, k);
                switch (program.opAt(pcs[t]++)) {
                    case LOAD -> reg[t] = counter;
                    case ADD -> reg[t]++;
                    case STORE -> counter = reg[t];
                    default -> { }
                }
            }
            return counter;
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            parent[find(a)] = find(b);
        }

        /** {classes, losing classes}; checks that every schedule of a class ends at the same value. */
        long[] classes() {
            Map<Integer, Integer> finalOfClass = new HashMap<>();
            for (int i = 0; i < parent.length; i++) {
                Integer before = finalOfClass.putIfAbsent(find(i), finals.get(i));
                assertThat(before == null || before.equals(finals.get(i))).as("one execution, one outcome").isTrue();
            }
            long losing = finalOfClass.values().stream().filter(f -> f != config.expectedFinal()).count();
            return new long[] {finalOfClass.size(), losing};
        }
    }

    private static void matchesBruteForce(RaceConfig config, RaceProgram program) {
        BruteForce brute = new BruteForce(config, program);
        long[] expected = brute.classes();
        Executions e = ExecutionCount.of(config, program);
        assertThat(e.count()).as("%s %s: executions of %d schedules", config, program, brute.schedules.size())
                .isEqualTo(BigInteger.valueOf(expected[0]));
        assertThat(e.losing()).as("%s %s: losing executions", config, program).isEqualTo(BigInteger.valueOf(expected[1]));
        assertThat(e.count()).isLessThanOrEqualTo(BigInteger.valueOf(brute.schedules.size()));
    }

    @Test
    void twoThreadsOfOneIncrementAreFourExecutionsTwoOfThemLosing() {
        Executions e = ExecutionCount.of(new RaceConfig(2, 1, 0, false));
        assertThat(e.count()).isEqualTo(4);
        assertThat(e.losing()).isEqualTo(2);
        assertThat(e.correct()).isEqualTo(2);
        matchesBruteForce(new RaceConfig(2, 1, 5, false), RaceProgram.COUNT);
    }

    @Test
    void matchesBruteForceWithoutTheLock() {
        int[][] sizes = {{1, 1}, {1, 3}, {2, 2}, {2, 3}, {3, 1}, {4, 1}};
        for (int[] s : sizes) {
            matchesBruteForce(new RaceConfig(s[0], s[1], 0, false), RaceProgram.COUNT);
        }
    }

    @Test
    void matchesBruteForceWithTheLock() {
        int[][] sizes = {{2, 1}, {2, 2}, {3, 1}, {4, 1}};
        for (int[] s : sizes) {
            RaceConfig config = new RaceConfig(s[0], s[1], 0, true);
            matchesBruteForce(config, RaceProgram.COUNT);
            assertThat(ExecutionCount.of(config).losing()).isZero();
        }
    }

    @Test
    void withTheLockAnExecutionIsAnOrderOfTheCriticalSections() {
        // Every step inside a critical section conflicts with nothing another thread can do meanwhile, so only the
        // order of the threads' critical sections tells executions apart: (n·k)! / (k!)^n of them.
        for (int n = 2; n <= 5; n++) {
            for (int k = 1; k <= 5; k++) {
                BigInteger orders = factorial(n * k).divide(factorial(k).pow(n));
                assertThat(ExecutionCount.of(new RaceConfig(n, k, 0, true)).count()).as("%d x %d", n, k)
                        .isEqualTo(orders);
            }
        }
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    @Test
    void matchesBruteForceForTheOtherPrograms() {
        for (RaceProgram p : List.of(RaceProgram.CALL, RaceProgram.SLEEP)) {
            matchesBruteForce(new RaceConfig(2, 1, 0, false), p);
            matchesBruteForce(new RaceConfig(2, 2, 0, false), p);
            matchesBruteForce(new RaceConfig(3, 1, 0, false), p);
            matchesBruteForce(new RaceConfig(2, 1, 0, true), p);
        }
    }

    @Test
    void threadLocalStepsAddSchedulesButNoExecutions() {
        RaceConfig config = new RaceConfig(3, 2, 0, false);
        assertThat(ExecutionCount.of(config, RaceProgram.CALL)).isEqualTo(
                new Executions(config, RaceProgram.CALL, ExecutionCount.of(config).count(),
                        ExecutionCount.of(config).losing()));
    }

    @Test
    void givesUpPastItsStateBudgetSayingWhy() {
        assertThatThrownBy(() -> ExecutionCount.of(new RaceConfig(6, 9, 0, false)))
                .isInstanceOf(ExplorationTooLargeException.class)
                .hasMessageContaining("6 threads × 9 increments").hasMessageContaining("states");
        assertThat(ExecutionCount.of(new RaceConfig(4, 5, 0, false)).losing()).isPositive();
    }
}
