package org.racelab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the picocli command line and runs it, turning every error into a message and an exit code. */
public final class RaceLabCli {

    /** Exit code for bad input: unknown options, out-of-range numbers, invalid schedules. */
    public static final int USAGE_ERROR = 2;

    private RaceLabCli() {
    }

    /** Says on stderr why the window cannot open and how to use the command line instead; returns the exit code. */
    public static int cannotOpenWindow(String reason) {
        PrintWriter err = new PrintWriter(System.err, true);
        err.println("racelab: cannot open the window: " + reason);
        err.println("The command line needs no display: java -jar racelab.jar --help");
        return 1;
    }

    /** Runs the command line on the process's standard streams. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line on the given streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line, for tests and for the launcher. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RaceLabCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(RaceLabCli::handleParameterException);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserInputException) {
                err.println("racelab: " + ex.getMessage());
                return USAGE_ERROR;
            }
            // An unexpected failure is a bug: one line, not a stack trace, and a distinct exit code.
            err.println("racelab: internal error: " + ex);
            return 1;
        });
        return cli;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("racelab: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        cmd.usage(err);
        return USAGE_ERROR;
    }
}
