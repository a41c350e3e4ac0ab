package org.racelab.lab.reality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** The words that read theory and reality out side by side, shared by the command line and the window. */
public final class RealityNarration {

    private RealityNarration() {
    }

    /** e.g. "All schedules: 90 % lose an update. A random scheduler: 75 %. Real threads on this machine: 6.4 % of 10,000,000 races." */
    public static String headline(RealityReport r) {
        String real = r.trials() == 0 ? "Real threads on this machine: not run yet."
                : String.format(Locale.ROOT, "Real threads on this machine: %s of %,d races%s.", percent(r.lostShare()),
                        r.trials(), r.delay().kind() == WindowDelay.Kind.NONE ? "" : " (delay " + r.delay().label() + ")");
        return String.format(Locale.ROOT, "All schedules: %s lose an update. A random scheduler: %s. %s",
                percent(r.losingScheduleShare()), percent(r.randomSchedulerLoss()), real);
    }

    /** A loud line when a forbidden value was ever observed; empty otherwise. */
    public static String forbiddenWarning(RealityReport r) {
        if (r.forbiddenObserved() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "FORBIDDEN: %,d trials ended outside every schedule's reach [%s]: "
                + "the model or the JVM is wrong.", r.forbiddenObserved(), range(r));
    }

    private static String range(RealityReport r) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (RealityReport.Row row : r.rows()) {
            if (row.grade() != Grade.FORBIDDEN) {
                min = Math.min(min, row.finalValue());
                max = Math.max(max, row.finalValue());
            }
        }
        return min + ", " + max;
    }

    /** A share as a percentage with sensible digits: 90 %, 6.4 %, 0.012 %. */
    public static String percent(double share) {
        double p = share * 100;
        if (p == 0 || p == 100) {
            return String.format(Locale.ROOT, "%.0f %%", p);
        }
        if (p > 99) {
            // 99.99984 %, not "100 %": 2 × 5 loses in all but 252 of 155,117,520 schedules, and that matters.
            BigDecimal rest = new BigDecimal(100 - p).round(new MathContext(2));
            return BigDecimal.valueOf(100).subtract(rest).stripTrailingZeros().toPlainString() + " %";
        }
        if (p >= 10) {
            return String.format(Locale.ROOT, "%.1f %%", p).replace(".0 %", " %");
        }
        if (p >= 1) {
            return String.format(Locale.ROOT, "%.1f %%", p);
        }
        if (p >= 0.1) {
            return String.format(Locale.ROOT, "%.2f %%", p);
        }
        return new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString() + " %";
    }
}
