package org.racelab.model.explore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import org.racelab.model.RaceConfig;

/** Sentences a teacher can read out about an exploration; shared by the window and the command line. */
public final class ExplorerNarration {

    private static final String[] NUMBER_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine"};

    /** Numbers from here on are read out as "about 2.4 × 10²⁶" rather than digit by digit. */
    private static final BigInteger READABLE = BigInteger.TEN.pow(12);
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private ExplorerNarration() {
    }

    private static String spoken(BigInteger n) {
        return n.compareTo(READABLE) >= 0 ? "about " + approximately(n) : grouped(n);
    }

    /** "Of 20 ways two threads can interleave one increment each, 18 lose an update (90%)." */
    public static String headline(Interleavings result) {
        RaceConfig c = result.config();
        BigInteger losing = result.losingCount();
        String threads = word(c.threads()) + " thread" + (c.threads() == 1 ? "" : "s");
        String increments = word(c.increments()) + (c.lock() ? " locked" : "") + " increment"
                + (c.increments() == 1 ? "" : "s") + " each";
        BigInteger total = result.total();
        BigInteger safe = total.subtract(losing);
        String lose;
        if (losing.signum() == 0) {
            lose = "none loses an update";
        } else if (safe.signum() == 0) {
            lose = "every one loses an update";
        } else if (total.compareTo(READABLE) >= 0 && safe.compareTo(READABLE) < 0) {
            lose = "all but " + grouped(safe) + " lose an update";
        } else {
            lose = spoken(losing) + (losing.equals(BigInteger.ONE) ? " loses" : " lose") + " an update";
        }
        return "Of " + spoken(total) + " ways " + threads + " can interleave " + increments + ", "
                + lose + " (" + percent(ExactFraction.of(losing, total)) + ").";
    }

    /** One sentence on why the schedules' share and the random scheduler's probability differ. */
    public static String oddsExplanation(Interleavings result) {
        ExactFraction odds = ExactFraction.ZERO;
        int expected = result.config().expectedFinal();
        for (InterleavingOutcome o : result.outcomes()) {
            if (o.finalValue() != expected) {
                odds = odds.add(o.randomSchedulerProbability());
            }
        }
        if (odds.numerator().signum() == 0) {
            return "No schedule loses an update, so the counter ends at " + expected
                    + " whichever thread the scheduler picks at each step, random or not.";
        }
        return "The share counts every schedule once; a random scheduler, picking each step among the threads "
                + "that can run, makes some schedules likelier than others (once a thread is done or blocked the "
                + "rest stop competing), so it loses an update in " + percent(odds) + " of runs.";
    }

    /** Digit grouping with commas: 2,845,616,726,065,971,560. */
    public static String grouped(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A compact size such as "2.8 × 10³³" for numbers of 10¹² and more, else the grouped digits. */
    public static String approximately(BigInteger n) {
        if (n.compareTo(READABLE) < 0) {
            return grouped(n);
        }
        String digits = n.toString();
        BigDecimal mantissa = new BigDecimal(n).movePointLeft(digits.length() - 1).setScale(1, RoundingMode.HALF_UP);
        int exponent = digits.length() - 1;
        if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
            mantissa = mantissa.movePointLeft(1).setScale(1, RoundingMode.HALF_UP);
            exponent++;
        }
        StringBuilder sup = new StringBuilder();
        for (char ch : Integer.toString(exponent).toCharArray()) {
            sup.append(SUPERSCRIPTS.charAt(ch - '0'));
        }
        return mantissa.toPlainString() + " × 10" + sup;
    }

    /**
     * A percentage that never rounds a non-zero share to 0% or a partial one to 100%:
     * 90%, 2.34%, 0.0041%, {@literal <} 0.0001%, {@literal >} 99.9999%.
     */
    public static String percent(ExactFraction f) {
        if (f.numerator().signum() == 0) {
            return "0%";
        }
        if (f.numerator().equals(f.denominator())) {
            return "100%";
        }
        BigDecimal p = new BigDecimal(f.numerator()).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(f.denominator()), 12, RoundingMode.HALF_EVEN);
        BigDecimal floor = new BigDecimal("0.0001");
        if (p.compareTo(floor) < 0) {
            return "< 0.0001%";
        }
        if (p.compareTo(BigDecimal.valueOf(100).subtract(floor)) > 0) {
            return "> 99.9999%";
        }
        // Two significant decimals below 1%, else at most two decimals.
        int scale = p.compareTo(BigDecimal.ONE) >= 0 ? 2 : Math.max(2, 1 - p.precision() + p.scale() + 1);
        BigDecimal shown = p.setScale(Math.min(scale, 6), RoundingMode.HALF_EVEN);
        // Close to 100%, show as many decimals as it takes not to round up to 100 (99.9998%).
        while (shown.compareTo(BigDecimal.valueOf(100)) >= 0 && shown.scale() < 6) {
            shown = p.setScale(shown.scale() + 1, RoundingMode.HALF_EVEN);
        }
        return shown.stripTrailingZeros().toPlainString() + "%";
    }

    private static String word(int n) {
        return n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : Integer.toString(n);
    }
}
