package org.racelab.cli;

import org.racelab.model.RaceProgram;
import picocli.CommandLine.Option;

/** The shared {@code --program count|call|sleep} option: which loop body each thread runs. */
public final class ProgramOption {

    @Option(names = "--program", paramLabel = "count|call|sleep", defaultValue = "count",
            description = "The loop body: count (count += 1), call (count += one()), "
                    + "sleep (tmp = count; time.sleep(0); count = tmp + 1) (default: ${DEFAULT-VALUE}).")
    String program = "count";

    /** The program named; an unknown name is a one-line error. */
    public RaceProgram program() {
        return RaceProgram.parse(program).orElseThrow(() -> new UserInputException(
                "--program must be count, call or sleep, got '" + program + "'"));
    }
}
