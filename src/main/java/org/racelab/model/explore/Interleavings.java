package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

/**
 * Every complete schedule of a race, counted exactly and grouped by final counter value, and any single one of
 * them fetched by its position in lexicographic order (A before B before C before D) without listing the rest.
 *
 * <p>Counts come from a dynamic program over canonical machine states ({@link InterleavingSpace}), never from
 * enumerating schedules, so even 4 threads × 5 increments (about 2.8 × 10^33 schedules) take seconds.
 * Immutable once explored; every query may run on any thread.
 */
public final class Interleavings {

    private final InterleavingSpace space;
    private final BigInteger total;
    private final List<InterleavingOutcome> outcomes;

    private Interleavings(InterleavingSpace space) {
        this.space = space;
        List<InterleavingOutcome> list = new ArrayList<>();
        BigInteger sum = BigInteger.ZERO;
        for (int d : space.rootDeltas()) {
            sum = sum.add(space.rootCount(d));
        }
        this.total = sum;
        BigInteger denominator = BigInteger.valueOf(space.shape.lcm()).pow(space.shape.length());
        int start = space.config.start();
        for (int delta : space.rootDeltas()) {
            BigInteger count = space.rootCount(delta);
            if (count.signum() > 0) {
                list.add(new InterleavingOutcome(start + delta, count, ExactFraction.of(count, total),
                        ExactFraction.of(space.rootProbability(delta), denominator)));
            }
        }
        this.outcomes = Collections.unmodifiableList(list);
    }

    /** Explores every schedule of {@code config}. */
    public static Interleavings explore(RaceConfig config) {
        try {
            return explore(config, ExplorationProgress.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Explores every schedule of {@code config} within the JVM's heap, reporting progress from this thread.
     *
     * @throws InterruptedException when the thread is interrupted (the exploration is then abandoned)
     * @throws ExplorationTooLargeException when the race does not fit the heap (refused before any work when
     *     its estimated size already does not)
     */
    public static Interleavings explore(RaceConfig config, ExplorationProgress progress)
            throws InterruptedException {
        return explore(config, MemoryBudget.heap(), progress);
    }

    /**
     * Explores every schedule of {@code config} within {@code budget}, reporting progress from this thread.
     *
     * @throws InterruptedException when the thread is interrupted (the exploration is then abandoned)
     * @throws ExplorationTooLargeException when the race does not fit the budget (refused before any work when
     *     its estimated size already does not)
     */
    public static Interleavings explore(RaceConfig config, MemoryBudget budget, ExplorationProgress progress)
            throws InterruptedException {
        budget.checkEstimate(config);
        return new Interleavings(InterleavingSpace.build(config, budget, progress));
    }

    /** Schedules without the lock: the multinomial (3NK)! / ((3K)!)^N. */
    public static BigInteger unlockedTotal(int threads, int increments) {
        return InterleavingSpace.multinomialBound(new RaceConfig(threads, increments, 0, false));
    }

    public RaceConfig config() {
        return space.config;
    }

    /** How many different complete schedules there are. */
    public BigInteger total() {
        return total;
    }

    /** One entry per reachable final value, ascending. */
    public List<InterleavingOutcome> outcomes() {
        return outcomes;
    }

    /** The outcome for {@code finalValue}, if any schedule ends there. */
    public Optional<InterleavingOutcome> outcome(int finalValue) {
        return outcomes.stream().filter(o -> o.finalValue() == finalValue).findFirst();
    }

    /** Schedules that lose at least one update. */
    public BigInteger losingCount() {
        int expected = space.config.expectedFinal();
        return outcomes.stream().filter(o -> o.finalValue() != expected)
                .map(InterleavingOutcome::count).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The smallest final value, with its lexicographically first schedule as a witness. */
    public ExploredSchedule min() {
        return schedule(outcomes.get(0).finalValue(), BigInteger.ZERO);
    }

    /** The largest final value, with its lexicographically first schedule as a witness. */
    public ExploredSchedule max() {
        return schedule(outcomes.get(outcomes.size() - 1).finalValue(), BigInteger.ZERO);
    }

    /** Reachable canonical states the dynamic program kept (a measure of its work). */
    public long stateCount() {
        return space.stateCount();
    }

    /** The {@code index}-th schedule (0-based) of all schedules in lexicographic order. */
    public ExploredSchedule schedule(BigInteger index) {
        checkIndex(index, total);
        return space.unrank(null, index);
    }

    /** The {@code index}-th schedule (0-based, lexicographic) among those ending at {@code finalValue}. */
    public ExploredSchedule schedule(int finalValue, BigInteger index) {
        checkIndex(index, countOf(finalValue));
        return space.unrank(finalValue - space.config.start(), index);
    }

    /** Up to {@code n} consecutive schedules from {@code offset}, among those ending at {@code finalValue} if given. */
    public List<ExploredSchedule> page(Integer finalValue, BigInteger offset, int n) throws InterruptedException {
        BigInteger size = finalValue == null ? total : countOf(finalValue);
        List<ExploredSchedule> page = new ArrayList<>();
        BigInteger i = offset;
        Integer delta = finalValue == null ? null : finalValue - space.config.start();
        while (page.size() < n && i.compareTo(size) < 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("page fetch cancelled");
            }
            page.add(space.unrank(delta, i));
            i = i.add(BigInteger.ONE);
        }
        return page;
    }

    /** The position of a complete schedule among all schedules (inverse of {@link #schedule(BigInteger)}). */
    public BigInteger rank(Schedule schedule) {
        return space.rank(null, schedule);
    }

    /** The position of a complete schedule among those ending at {@code finalValue}. */
    public BigInteger rank(int finalValue, Schedule schedule) {
        return space.rank(finalValue - space.config.start(), schedule);
    }

    /** How many schedules end at {@code finalValue} (zero if none). */
    public BigInteger countOf(int finalValue) {
        return outcome(finalValue).map(InterleavingOutcome::count).orElse(BigInteger.ZERO);
    }

    private static void checkIndex(BigInteger index, BigInteger size) {
        if (index.signum() < 0 || index.compareTo(size) >= 0) {
            throw new IndexOutOfBoundsException("schedule #" + index + " does not exist: there are " + size);
        }
    }
}
