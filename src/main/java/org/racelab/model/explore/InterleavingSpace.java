package org.racelab.model.explore;

import java.math.BigInteger;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

/**
 * The counting dynamic program behind {@link Interleavings}: every reachable canonical machine state, layer by
 * layer, with the number of complete schedules from it per final value, and the random scheduler's odds.
 *
 * <p>A canonical state keeps only what can change the future. The counter is not stored: registers are kept
 * relative to it, and a state's counts are indexed by {@code delta = final - counter}, so states that differ
 * by a shift of every value share one entry. A register is stored only while it is live (between load and
 * store). Threads are identical programs, so a state is the sorted multiset of per-thread states
 * ({@link ThreadStates}, packed by {@link StateKeys}): one of {@code m} identical threads stepping contributes
 * {@code m} times the same successor. The layer of a state is the number of steps taken, so the states form
 * layers 0..L; the {@link ForwardPass} discovers each layer, the {@link BackwardPasses} fill the counts, and the
 * {@link ScheduleRanker} walks single schedules.
 *
 * <p>Immutable: built completely before construction and held in final fields, so any thread may read it.
 */
final class InterleavingSpace {

    /** The sizes every pass agrees on: steps, the delta range [-span, span], lcm(1..threads), limbs per number. */
    record Shape(int length, int span, long lcm, int countWidth, int probWidth) {

        static Shape of(RaceConfig config) {
            long lcm = 1;
            for (int i = 2; i <= config.threads(); i++) {
                lcm = lcm / BigInteger.valueOf(lcm).gcd(BigInteger.valueOf(i)).longValue() * i;
            }
            if (64 - Long.numberOfLeadingZeros(config.threads() * lcm) > Limbs.MAX_WEIGHT_BITS) {
                throw new IllegalStateException("too many threads for the limb arithmetic");
            }
            int length = config.scheduleLength();
            return new Shape(length, config.threads() * config.increments(), lcm,
                    Limbs.widthFor(multinomialBound(config)), Limbs.widthFor(BigInteger.valueOf(lcm).pow(length)));
        }
    }

    final RaceConfig config;
    final Shape shape;
    /** Per layer, the packed state keys in ascending order; a state's number is its position. */
    private final long[][] keys;
    private final CountLayer[] counts;
    /** Root's random-scheduler numerators over lcm^length, per delta index. */
    private final BigInteger[] rootProbability;
    private final ScheduleRanker ranker;

    private InterleavingSpace(RaceConfig config, Shape shape, ThreadStates states, StateKeys codec, long[][] keys,
            BackwardPasses.Result filled) {
        this.config = config;
        this.shape = shape;
        this.keys = keys;
        this.counts = filled.counts();
        this.rootProbability = filled.rootProbability();
        this.ranker = new ScheduleRanker(this, states, codec);
    }

    /** Builds the whole space within {@code budget}; checks for interruption throughout. */
    static InterleavingSpace build(RaceConfig config, MemoryBudget budget, ExplorationProgress progress)
            throws InterruptedException {
        Shape shape = Shape.of(config);
        StateKeys codec = new StateKeys(config.threads());
        ThreadStates states = new ThreadStates(config, codec.maxId());
        ForwardPass.Layers layers = new ForwardPass(config, states, codec, budget).run(progress);
        states.freeze();
        BackwardPasses.Result filled = new BackwardPasses(shape, states, codec, layers).run(progress);
        progress.progress(1.0);
        return new InterleavingSpace(config, shape, states, codec, layers.keys(), filled);
    }

    /** Schedules without the lock: (3NK)! / ((3K)!)^N; with the lock there are fewer. */
    static BigInteger multinomialBound(RaceConfig config) {
        int perThread = config.increments() * config.opsPerIncrement();
        BigInteger r = factorial(perThread * config.threads());
        BigInteger d = factorial(perThread).pow(config.threads());
        return r.divide(d);
    }

    static BigInteger factorial(int n) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }

    /** Reachable canonical states over all layers. */
    long stateCount() {
        long n = 0;
        for (long[] k : keys) {
            n += k.length;
        }
        return n;
    }

    /** The deltas (final minus start) that some schedule reaches, ascending. */
    int[] rootDeltas() {
        CountLayer root = counts[0];
        int[] r = new int[root.len[0]];
        for (int d = 0; d < r.length; d++) {
            r[d] = root.lo[0] + d - shape.span();
        }
        return r;
    }

    BigInteger rootCount(int delta) {
        return count(0, 0, delta);
    }

    /** Numerator over {@code lcm^length} of the probability of ending at start + delta under a random scheduler. */
    BigInteger rootProbability(int delta) {
        int i = delta + shape.span();
        if (i < 0 || i >= rootProbability.length || rootProbability[i] == null) {
            return BigInteger.ZERO;
        }
        return rootProbability[i];
    }

    /** The number of the state with {@code key} in layer {@code t}. */
    int indexOf(int t, long key) {
        return java.util.Arrays.binarySearch(keys[t], key);
    }

    /** Completions of state {@code index} of layer {@code t} ending at counter + delta. */
    BigInteger count(int t, int index, int delta) {
        return counts[t].entry(index, delta + shape.span());
    }

    /** All completions of state {@code index} of layer {@code t}. */
    BigInteger total(int t, int index) {
        return counts[t].total(index);
    }

    ExploredSchedule unrank(Integer targetDelta, BigInteger index) {
        return ranker.unrank(targetDelta, index);
    }

    BigInteger rank(Integer targetDelta, Schedule schedule) {
        return ranker.rank(targetDelta, schedule);
    }
}
