package org.racelab.lab.reality;

import java.util.Locale;

/**
 * What a real trial does between each load and its store, to widen the race window: nothing, a spin of N
 * iterations, {@code Thread.yield()}, or a simulated {@code print} (a small write to an in-memory stream).
 */
public record WindowDelay(Kind kind, int spins) {

    /** Most spin iterations accepted. */
    public static final int MAX_SPINS = 100_000;

    /** No delay. */
    public static final WindowDelay NONE = new WindowDelay(Kind.NONE, 0);

    /** The kinds of delay. */
    public enum Kind { NONE, SPIN, YIELD, PRINT }

    public WindowDelay {
        if (kind == Kind.SPIN ? spins < 1 || spins > MAX_SPINS : spins != 0) {
            throw new IllegalArgumentException("a spin delay takes 1 to " + MAX_SPINS + " iterations, not " + spins);
        }
    }

    /** A spin of {@code n} iterations of {@code Thread.onSpinWait()}. */
    public static WindowDelay spin(int n) {
        return new WindowDelay(Kind.SPIN, n);
    }

    /** Reads {@code none}, {@code spin:N}, {@code yield} or {@code print}; throws with a one-line reason otherwise. */
    public static WindowDelay parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "none":
                return NONE;
            case "yield":
                return new WindowDelay(Kind.YIELD, 0);
            case "print":
                return new WindowDelay(Kind.PRINT, 0);
            default:
                break;
        }
        if (t.startsWith("spin:")) {
            try {
                int n = Integer.parseInt(t.substring(5));
                if (n >= 1 && n <= MAX_SPINS) {
                    return spin(n);
                }
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
        }
        throw new IllegalArgumentException("delay must be none, spin:N (N = 1 to " + MAX_SPINS
                + "), yield or print, not '" + text + "'");
    }

    /** The name used in the chart and the JSON: none, spin:20, yield, print. */
    public String label() {
        return kind == Kind.SPIN ? "spin:" + spins : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
