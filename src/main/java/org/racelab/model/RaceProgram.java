package org.racelab.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The loop body each thread runs: the slide's {@code count += 1}, the same with a function call, or with a sleep. */
public enum RaceProgram {
    /** Load, add, store: the slide's code. */
    COUNT("count += 1"),
    /** Load, call {@code one()}, add, store: entering a Python function is a switch point under the GIL. */
    CALL("count += one()"),
    /** Load, sleep, add and store: {@code time.sleep(0)} releases the GIL. */
    SLEEP("tmp = count; time.sleep(0); count = tmp + 1");

    private final String source;

    RaceProgram(String source) {
        this.source = source;
    }

    /** The Python source of one loop iteration. */
    public String source() {
        return source;
    }

    /** The name on the command line and in JSON: count, call, sleep. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The program named {@code name} (count, call or sleep), if there is one. */
    public static Optional<RaceProgram> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.cliName().equals(name)).findFirst();
    }
}
