package org.racelab.model.explore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** A non-negative rational number kept exactly, in lowest terms, such as a random scheduler's probability. */
public record ExactFraction(BigInteger numerator, BigInteger denominator) implements Comparable<ExactFraction> {

    public static final ExactFraction ZERO = new ExactFraction(BigInteger.ZERO, BigInteger.ONE);
    public static final ExactFraction ONE = new ExactFraction(BigInteger.ONE, BigInteger.ONE);

    public ExactFraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        BigInteger g = numerator.gcd(denominator);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
    }

    public static ExactFraction of(BigInteger numerator, BigInteger denominator) {
        return new ExactFraction(numerator, denominator);
    }

    public ExactFraction add(ExactFraction other) {
        return new ExactFraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** The nearest double; exact enough for display and JSON, even when both parts exceed a double's range. */
    public double doubleValue() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(ExactFraction o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
