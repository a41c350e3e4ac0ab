package org.racelab.lab.pool;

import java.util.Locale;

/** What one pool task does: wait on the network, burn CPU, or both (half the time each). */
public enum TaskKind {
    /** Fetches a URL from the in-app server: the thread waits on a socket for the latency. */
    IO(0.0),
    /** Real CPU work that takes about the latency on one free core. */
    COMPUTE(1.0),
    /** Computes for half the latency, then fetches with the other half. */
    MIXED(0.5);

    private final double computeShare;

    TaskKind(double computeShare) {
        this.computeShare = computeShare;
    }

    /** The share of a task's latency spent computing (0 for I/O, 1 for compute). */
    public double computeShare() {
        return computeShare;
    }

    /** The lower-case name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code io}, {@code compute} or {@code mixed}, in any case. */
    public static TaskKind parse(String text) {
        for (TaskKind k : values()) {
            if (k.id().equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown task kind '" + text.strip() + "' (expected io, compute or mixed)");
    }
}
