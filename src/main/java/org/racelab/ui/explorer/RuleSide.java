package org.racelab.ui.explorer;

import java.math.BigInteger;
import java.util.List;
import org.racelab.model.RaceConfig;
import org.racelab.model.SwitchRule;
import org.racelab.model.explore.ExactFraction;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.RuledInterleavings;

/**
 * One side of the switch-rule comparison: a rule's exact count of the program's schedules, as a title, a sentence
 * a teacher can read out and one bar per final value.
 */
public record RuleSide(SwitchRule rule, String title, String summary, BigInteger total, BigInteger losing,
        List<Bar> bars) {

    /** A final value's share of the rule's schedules, in percent. */
    public record Bar(int finalValue, double percent, boolean expected) {
    }

    public RuleSide {
        bars = List.copyOf(bars);
    }

    /** The words a teacher reads for each rule, naming who switches that way. */
    public static String title(SwitchRule rule) {
        return rule == SwitchRule.ANY ? "Any point (the OS, Java, free-threaded Python)" : "CPython with the GIL";
    }

    /** The side of an exact count under its rule. */
    public static RuleSide of(RuledInterleavings counted) {
        RaceConfig c = counted.config();
        BigInteger total = counted.total();
        BigInteger losing = counted.losingCount();
        ExactFraction randomLoss = ExactFraction.ZERO;
        List<Bar> bars = new java.util.ArrayList<>();
        for (InterleavingOutcome o : counted.outcomes()) {
            boolean expected = o.finalValue() == c.expectedFinal();
            bars.add(new Bar(o.finalValue(), o.share().doubleValue() * 100, expected));
            if (!expected) {
                randomLoss = randomLoss.add(o.randomSchedulerProbability());
            }
        }
        String summary;
        if (losing.signum() == 0) {
            summary = (total.equals(BigInteger.ONE) ? "The one schedule" : "Every one of the "
                    + ExplorerNarration.grouped(total) + " schedules") + " ends at " + c.expectedFinal()
                    + " ✓: no update is lost.";
        } else {
            summary = ExplorerNarration.grouped(losing) + " of " + ExplorerNarration.grouped(total)
                    + " schedules lose an update (" + ExplorerNarration.percent(ExactFraction.of(losing, total))
                    + "); a random scheduler loses in " + ExplorerNarration.percent(randomLoss) + " of runs.";
        }
        return new RuleSide(counted.rule(), title(counted.rule()), summary, total, losing, bars);
    }
}
