package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.racelab.model.RaceConfig;

/**
 * Every complete schedule of a race counted exactly by its number of preemptions, with how many of them lose an
 * update, and a losing schedule with the fewest preemptions (bugs need few preemptions: the CHESS insight).
 *
 * <p>Immutable; safe to share between threads.
 */
public final class PreemptionProfile {

    private final RaceConfig config;
    private final List<PreemptionCount> counts;
    private final Optional<PreemptionWitness> fewestLoss;
    private final ExecutionSummary executions;

    private PreemptionProfile(RaceConfig config, List<PreemptionCount> counts, Optional<PreemptionWitness> fewest,
            ExecutionSummary executions) {
        this.config = config;
        this.counts = counts;
        this.fewestLoss = fewest;
        this.executions = executions;
    }

    /** Counts every schedule of {@code config} by preemptions. */
    public static PreemptionProfile of(RaceConfig config) {
        try {
            return of(config, fraction -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Counts every schedule of {@code config} by preemptions, reporting progress (0 to 1) from this thread.
     *
     * @throws InterruptedException when the thread is interrupted; the count is then abandoned
     */
    public static PreemptionProfile of(RaceConfig config, DoubleConsumer progress) throws InterruptedException {
        PreemptionSpace.Tally tally = new PreemptionSpace(config).run(progress);
        List<PreemptionCount> list = new ArrayList<>();
        int fewest = -1;
        int top = tally.schedules().length - 1;
        while (top > 0 && tally.schedules()[top].signum() == 0) {
            top--;
        }
        for (int p = 0; p <= top; p++) {
            list.add(new PreemptionCount(p, tally.schedules()[p], tally.losing()[p]));
            if (fewest < 0 && tally.losing()[p].signum() > 0) {
                fewest = p;
            }
        }
        Optional<PreemptionWitness> witness = fewest < 0 ? Optional.empty()
                : Optional.of(new PreemptionWitness(fewest, WitnessSearch.losingWithin(config, fewest)));
        // Counted here, on the caller's background thread, so a view can show it without counting on its own.
        return new PreemptionProfile(config, Collections.unmodifiableList(list), witness, ExecutionSummary.of(config));
    }

    public RaceConfig config() {
        return config;
    }

    /** One entry per preemption count from 0 to the most any schedule has, ascending (some may count zero). */
    public List<PreemptionCount> counts() {
        return counts;
    }

    /** A losing schedule with the fewest preemptions; empty when no schedule loses (e.g. with the lock). */
    public Optional<PreemptionWitness> fewestPreemptionLoss() {
        return fewestLoss;
    }

    /** All schedules (the sum over every preemption count). */
    public BigInteger total() {
        return counts.stream().map(PreemptionCount::schedules).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The race's really different executions, or why they were not counted. */
    public ExecutionSummary executions() {
        return executions;
    }

    /** All losing schedules. */
    public BigInteger losing() {
        return counts.stream().map(PreemptionCount::losing).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
