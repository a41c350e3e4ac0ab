package org.racelab.model.explore;

import java.math.BigInteger;

/** How many complete schedules switch away from a still-runnable thread exactly {@code preemptions} times, and how many of them lose an update. */
public record PreemptionCount(int preemptions, BigInteger schedules, BigInteger losing) {
}
