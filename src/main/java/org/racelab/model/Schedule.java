package org.racelab.model;

import java.util.Locale;

/**
 * A sequence of thread letters, one per micro-step, such as Slide 8's {@code ABBBAA}.
 *
 * <p>A schedule only names who stepped; whether each step is allowed is for {@code MachineState} to decide.
 */
public record Schedule(String letters) {

    public static final Schedule EMPTY = new Schedule("");

    public Schedule {
        if (letters == null) {
            throw new IllegalArgumentException("a schedule cannot be null");
        }
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (c < 'A' || c > 'Z') {
                throw new IllegalArgumentException(
                        "step " + (i + 1) + ": '" + c + "' is not a thread letter (use A, B, C, ...)");
            }
        }
    }

    /** Reads user text: case-insensitive, spaces, commas and dashes between letters ignored. */
    public static Schedule parse(String text) {
        if (text == null) {
            return EMPTY;
        }
        String cleaned = text.replaceAll("[\\s,\\-]", "").toUpperCase(Locale.ROOT);
        return new Schedule(cleaned);
    }

    public int length() {
        return letters.length();
    }

    public boolean isEmpty() {
        return letters.isEmpty();
    }

    /** The thread index (A = 0) of step {@code i}, counting from 0. */
    public int threadAt(int i) {
        return letters.charAt(i) - 'A';
    }

    /** This schedule with one more step by thread {@code index}. */
    public Schedule append(int index) {
        return new Schedule(letters + RaceConfig.threadName(index));
    }

    /** The first {@code n} steps. */
    public Schedule prefix(int n) {
        return new Schedule(letters.substring(0, n));
    }

    @Override
    public String toString() {
        return letters;
    }
}
