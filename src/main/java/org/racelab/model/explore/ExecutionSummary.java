package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.Optional;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;

/**
 * A race's really different executions where they are counted, or the one-line reason they are not: too many
 * states for an exact count within about a second, or a switch rule the count does not cover.
 */
public record ExecutionSummary(Optional<Executions> executions, String notCounted) {

    public ExecutionSummary {
        if (executions.isPresent() == (notCounted != null)) {
            throw new IllegalArgumentException("either executions or a reason they were not counted");
        }
    }

    /** Counts {@code config} running {@code program} under {@code rule}, or says why not. */
    public static ExecutionSummary of(RaceConfig config, RaceProgram program, SwitchRule rule) {
        if (rule != SwitchRule.ANY) {
            // Under the GIL the schedules are not closed under swapping independent neighbours (a swap can move a
            // switch off a switch point), so the sleep-set count of least schedules does not apply.
            return new ExecutionSummary(Optional.empty(),
                    "counted only when threads may switch at any point, not under " + rule.title());
        }
        try {
            return new ExecutionSummary(Optional.of(ExecutionCount.of(config, program)), null);
        } catch (ExplorationTooLargeException e) {
            return new ExecutionSummary(Optional.empty(), e.getMessage());
        }
    }

    /** The count for {@code count += 1} at any switch point. */
    public static ExecutionSummary of(RaceConfig config) {
        return of(config, RaceProgram.COUNT, SwitchRule.ANY);
    }

    /** "20 schedules · 4 really different executions · 2 outcomes" (or "… · executions not counted · …"). */
    public String line(BigInteger schedules, int outcomes) {
        String middle = executions.map(e -> ExplorerNarration.grouped(e.count()) + " really different execution"
                + (e.count().equals(BigInteger.ONE) ? "" : "s")).orElse("really different executions not counted");
        return ExplorerNarration.grouped(schedules) + " schedule" + (schedules.equals(BigInteger.ONE) ? "" : "s")
                + " · " + middle + " · " + outcomes + " outcome" + (outcomes == 1 ? "" : "s");
    }

    /** "4 really different executions: 2 correct, 2 losing an update." or why they were not counted. */
    public String sentence() {
        return executions.map(e -> "Really different executions: " + ExplorerNarration.grouped(e.count()) + " ("
                + ExplorerNarration.grouped(e.correct()) + " correct, " + ExplorerNarration.grouped(e.losing())
                + " losing an update)").orElse("Really different executions: not counted, " + notCounted);
    }
}
