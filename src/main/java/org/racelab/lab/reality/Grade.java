package org.racelab.lab.reality;

import java.util.Locale;

/** How a real final value is graded, as jcstress grades outcomes. */
public enum Grade {
    /** The expected value: no update lost. */
    ACCEPTABLE,
    /** A value the model allows but that lost an update: the race the lecture is about. */
    INTERESTING,
    /** Outside every schedule's reach: the model or the JVM would be wrong. */
    FORBIDDEN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
