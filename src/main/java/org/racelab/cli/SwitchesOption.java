package org.racelab.cli;

import org.racelab.model.SwitchRule;
import picocli.CommandLine.Option;

/** The shared {@code --switches any|cpython} option: where the scheduler may switch threads. */
public final class SwitchesOption {

    @Option(names = "--switches", paramLabel = "any|cpython", defaultValue = "any",
            description = "Where a thread may be switched out: any (between any two steps: the OS, Java, "
                    + "free-threaded Python) or cpython (CPython with the GIL: only at a loop's back-edge, a "
                    + "function's entry, a sleep, or when done or blocked) (default: ${DEFAULT-VALUE}).")
    String switches = "any";

    /** The rule named; an unknown name is a one-line error. */
    public SwitchRule rule() {
        return SwitchRule.parse(switches).orElseThrow(() -> new UserInputException(
                "--switches must be any or cpython, got '" + switches + "'"));
    }
}
