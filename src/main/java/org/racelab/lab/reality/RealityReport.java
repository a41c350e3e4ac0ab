package org.racelab.lab.reality;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.racelab.model.RaceConfig;

/**
 * Theory beside reality for one race: per final value the exact share of schedules, the random scheduler's
 * probability and what real trials showed, graded; rendered alike by the command line's table and JSON and by
 * the window.
 */
public record RealityReport(RaceConfig config, WindowDelay delay, long trials, double seconds, List<Row> rows,
        long forbiddenObserved, boolean finished) {

    /** One final value: its theory (zero where the model never reaches it) and its real count. */
    public record Row(int finalValue, long observed, double observedShare, double scheduleShare,
            double randomSchedulerProbability, Grade grade) {
    }

    public RealityReport {
        rows = List.copyOf(rows);
    }

    /** Grades a snapshot against the theory: every value the model reaches, plus any value real threads reached. */
    public static RealityReport of(RealityTheory theory, WindowDelay delay, RealitySnapshot snapshot) {
        TreeSet<Integer> values = new TreeSet<>(snapshot.observed().keySet());
        theory.outcomes().forEach(o -> values.add(o.finalValue()));
        List<Row> rows = new ArrayList<>();
        long forbidden = 0;
        for (int v : values) {
            long seen = snapshot.count(v);
            RealityTheory.Outcome o = theory.outcomes().stream().filter(x -> x.finalValue() == v).findFirst()
                    .orElse(new RealityTheory.Outcome(v, 0, 0));
            Grade grade = theory.grade(v);
            if (grade == Grade.FORBIDDEN) {
                forbidden += seen;
            }
            rows.add(new Row(v, seen, snapshot.trials() == 0 ? 0 : (double) seen / snapshot.trials(),
                    o.scheduleShare(), o.randomSchedulerProbability(), grade));
        }
        return new RealityReport(theory.config(), delay, snapshot.trials(), snapshot.nanos() / 1e9, rows, forbidden,
                snapshot.finished());
    }

    /** Trials per second. */
    public double trialsPerSecond() {
        return seconds <= 0 ? 0 : trials / seconds;
    }

    /** Trials that lost an update the model allows (forbidden values are counted apart). */
    public long lostTrials() {
        return rows.stream().filter(r -> r.grade() == Grade.INTERESTING).mapToLong(Row::observed).sum();
    }

    /** The share of trials that lost an update. */
    public double lostShare() {
        return trials == 0 ? 0 : (double) lostTrials() / trials;
    }

    /** The share of all schedules that lose an update. */
    public double losingScheduleShare() {
        return rows.stream().filter(r -> r.finalValue() != config.expectedFinal())
                .mapToDouble(Row::scheduleShare).sum();
    }

    /** The random scheduler's probability of losing an update. */
    public double randomSchedulerLoss() {
        return rows.stream().filter(r -> r.finalValue() != config.expectedFinal())
                .mapToDouble(Row::randomSchedulerProbability).sum();
    }
}
