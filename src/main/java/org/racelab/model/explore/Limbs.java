package org.racelab.model.explore;

import java.math.BigInteger;

/**
 * Fixed-width non-negative integers stored as {@value #BITS}-bit limbs in a {@code long[]}, least significant first.
 *
 * <p>The explorer's counts pass 2^64 but their size is known before the search starts, so every number gets the
 * same few limbs and the inner loop multiplies by small weights without allocating a {@link BigInteger}.
 * The weights summed into one number stay below 2^{@value #MAX_WEIGHT_BITS}, so limbs can be added without
 * carrying and carried once at the end.
 */
final class Limbs {

    static final int BITS = 52;
    static final long MASK = (1L << BITS) - 1;
    static final int MAX_WEIGHT_BITS = 10;

    private Limbs() {
    }

    /** Limbs needed for numbers up to {@code bound}. */
    static int widthFor(BigInteger bound) {
        return Math.max(1, (bound.bitLength() + BITS - 1) / BITS);
    }

    static BigInteger toBig(long[] a, int at, int width) {
        if (width == 1) {
            return BigInteger.valueOf(a[at]);
        }
        BigInteger r = BigInteger.ZERO;
        for (int i = width - 1; i >= 0; i--) {
            r = r.shiftLeft(BITS).or(BigInteger.valueOf(a[at + i]));
        }
        return r;
    }
}
