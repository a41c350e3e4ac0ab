package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.racelab.model.MachineState;
import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.Schedule;
import org.racelab.model.StepResult;
import org.racelab.model.SwitchRule;
import org.racelab.model.ThreadProgram;

/**
 * Every complete schedule of a race running any {@link RaceProgram} under any {@link SwitchRule}, counted exactly
 * by final value: a dynamic program over machine states in which the rule decides which threads may step next
 * (under the GIL rule the state includes the thread holding the GIL while it stands between switch points).
 *
 * <p>It steps the stepper's own {@link MachineState}, so the two cannot disagree. Meant for the small races the
 * lecture shows: it keeps every distinct state and refuses beyond {@link #MAX_STATES}. {@link Interleavings}
 * remains the fast engine for {@code count += 1} under {@link SwitchRule#ANY}. Immutable once explored.
 */
public final class RuledInterleavings {

    /** The most distinct machine states kept before the exploration is refused as too large. */
    public static final int MAX_STATES = 2_000_000;

    private final RaceConfig config;
    private final RaceProgram program;
    private final SwitchRule rule;
    private final BigInteger total;
    private final List<InterleavingOutcome> outcomes;
    private final Map<Key, Map<Integer, BigInteger[]>> memo;
    private final MachineState initial;
    private final long lcm;

    private RuledInterleavings(RaceConfig config, RaceProgram program, SwitchRule rule) {
        this.config = config;
        this.program = program;
        this.rule = rule;
        this.initial = MachineState.initial(config, program, rule);
        this.lcm = lcm(config.threads());
        this.memo = new HashMap<>();
        Map<Integer, BigInteger[]> root = explore(initial);
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger[] e : root.values()) {
            sum = sum.add(e[0]);
        }
        this.total = sum;
        BigInteger denominator = BigInteger.valueOf(lcm).pow(initial.scheduleLength());
        List<InterleavingOutcome> list = new ArrayList<>();
        for (Map.Entry<Integer, BigInteger[]> e : root.entrySet()) {
            list.add(new InterleavingOutcome(e.getKey(), e.getValue()[0], ExactFraction.of(e.getValue()[0], total),
                    ExactFraction.of(e.getValue()[1], denominator)));
        }
        this.outcomes = Collections.unmodifiableList(list);
    }

    /**
     * Counts every schedule of {@code program} on {@code config} that {@code rule} allows.
     *
     * @throws ExplorationTooLargeException when the race has more than {@link #MAX_STATES} distinct states
     */
    public static RuledInterleavings explore(RaceConfig config, RaceProgram program, SwitchRule rule) {
        return new RuledInterleavings(config, program, rule);
    }

    public RaceConfig config() {
        return config;
    }

    public RaceProgram program() {
        return program;
    }

    public SwitchRule rule() {
        return rule;
    }

    /** Micro-steps in every complete schedule. */
    public int scheduleLength() {
        return initial.scheduleLength();
    }

    /** How many complete schedules the rule allows. */
    public BigInteger total() {
        return total;
    }

    /** One entry per reachable final value, ascending, with the random scheduler's odds under the rule. */
    public List<InterleavingOutcome> outcomes() {
        return outcomes;
    }

    /** Schedules that lose at least one update. */
    public BigInteger losingCount() {
        return outcomes.stream().filter(o -> o.finalValue() != config.expectedFinal())
                .map(InterleavingOutcome::count).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Distinct machine states the dynamic program kept. */
    public int stateCount() {
        return memo.size();
    }

    /** The lexicographically first allowed schedule ending at {@code finalValue}, or null if none does. */
    public Schedule firstEndingAt(int finalValue) {
        MachineState state = initial;
        StringBuilder letters = new StringBuilder();
        if (!explore(state).containsKey(finalValue)) {
            return null;
        }
        while (!state.complete()) {
            for (int i = 0; i < state.threadCount(); i++) {
                if (state.canStep(i)) {
                    MachineState child = ((StepResult.Stepped) state.step(i)).state();
                    if (explore(child).containsKey(finalValue)) {
                        letters.append(RaceConfig.threadName(i));
                        state = child;
                        break;
                    }
                }
            }
        }
        return new Schedule(letters.toString());
    }

    /** Per final value: {schedules, random-scheduler numerator over lcm^(steps left)}. */
    private Map<Integer, BigInteger[]> explore(MachineState state) {
        if (state.complete()) {
            return Map.of(state.counter(), new BigInteger[] {BigInteger.ONE, BigInteger.ONE});
        }
        Key key = key(state);
        Map<Integer, BigInteger[]> known = memo.get(key);
        if (known != null) {
            return known;
        }
        List<MachineState> children = new ArrayList<>();
        for (int i = 0; i < state.threadCount(); i++) {
            if (state.canStep(i)) {
                children.add(((StepResult.Stepped) state.step(i)).state());
            }
        }
        BigInteger weight = BigInteger.valueOf(lcm / children.size());
        Map<Integer, BigInteger[]> result = new TreeMap<>();
        for (MachineState child : children) {
            for (Map.Entry<Integer, BigInteger[]> e : explore(child).entrySet()) {
                BigInteger[] acc = result.computeIfAbsent(e.getKey(),
                        k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
                acc[0] = acc[0].add(e.getValue()[0]);
                acc[1] = acc[1].add(e.getValue()[1].multiply(weight));
            }
        }
        if (memo.size() >= MAX_STATES) {
            throw new ExplorationTooLargeException(config.sizeText() + " running " + program.source() + " has more "
                    + "than " + MAX_STATES + " states for this explorer: choose fewer threads or increments");
        }
        result = Collections.unmodifiableMap(result);
        memo.put(key, result);
        return result;
    }

    /** What decides the future: program counters, live registers, the counter, and the GIL holder if it matters. */
    private static Key key(MachineState state) {
        int n = state.threadCount();
        ThreadProgram code = state.program();
        int[] k = new int[2 * n + 2];
        for (int i = 0; i < n; i++) {
            int pc = state.thread(i).pc();
            k[i] = pc;
            k[n + i] = live(code, pc) ? state.register(i) : 0;
        }
        k[2 * n] = state.counter();
        k[2 * n + 1] = state.switchAllowed() ? -1 : state.gilHolder();
        return new Key(k);
    }

    /** Whether the register will still be stored: after the load, up to and including the store. */
    private static boolean live(ThreadProgram code, int pc) {
        if (pc >= code.length()) {
            return false;
        }
        int phase = pc % code.opsPerIncrement();
        int load = code.ops().subList(0, code.opsPerIncrement()).indexOf(MicroOp.LOAD);
        return phase > load && phase <= code.storeIndex();
    }

    private static long lcm(int n) {
        long l = 1;
        for (int i = 2; i <= n; i++) {
            l = l / BigInteger.valueOf(l).gcd(BigInteger.valueOf(i)).longValue() * i;
        }
        return l;
    }

    /** A machine state's deciding numbers, compared by value. */
    private record Key(int[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
