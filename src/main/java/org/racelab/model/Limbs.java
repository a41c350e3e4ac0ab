package org.racelab.model;

import java.math.BigInteger;

/**
 * Fixed-width non-negative integers stored as {@value #BITS}-bit limbs in a {@code long[]}, least significant first.
 *
 * <p>The explorer's counts pass 2^64 but their size is known before the search starts, so every number gets the
 * same few limbs and the inner loop multiplies by small weights without allocating a {@link BigInteger}.
 * A limb times a weight below 2^{@value #MAX_WEIGHT_BITS} plus a limb and a carry still fits in a long.
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

    /** {@code acc[accAt..] += weight * src[srcAt..]}, both {@code width} limbs; the result must fit. */
    static void addScaled(long[] acc, int accAt, long[] src, int srcAt, long weight, int width) {
        long carry = 0;
        for (int i = 0; i < width; i++) {
            long t = acc[accAt + i] + src[srcAt + i] * weight + carry;
            acc[accAt + i] = t & MASK;
            carry = t >>> BITS;
        }
        if (carry != 0) {
            throw new ArithmeticException("count overflows its " + width + " limbs");
        }
    }

    static boolean isZero(long[] a, int at, int width) {
        for (int i = 0; i < width; i++) {
            if (a[at + i] != 0) {
                return false;
            }
        }
        return true;
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
