package org.racelab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.racelab.model.scenario.InputText;
import picocli.CommandLine;

/** Builds the picocli command line and runs it, turning every error into a message and an exit code. */
public final class RaceLabCli {

    /** Exit code for bad input: unknown options, out-of-range numbers, invalid schedules. */
    public static final int USAGE_ERROR = 2;
    /** Exit code when the output could not be written (a full disk, a closed pipe) or an internal error. */
    public static final int FAILURE = 1;
    /** Longest error line; longer picocli texts are cut. */
    static final int MAX_LINE = 200;

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private RaceLabCli() {
    }

    /** Says on stderr why the window cannot open and how to use the command line instead; returns the exit code. */
    public static int cannotOpenWindow(String reason) {
        PrintWriter err = new PrintWriter(System.err, true);
        err.println("racelab: cannot open the window: " + reason);
        err.println("The command line needs no display: java -jar racelab.jar --help");
        return 1;
    }

    /**
     * Runs the command line on the process's standard streams. Standard output is written through the file
     * descriptor itself, not {@code System.out}: a {@code PrintStream} swallows write errors, and a command whose
     * output was lost (e.g. {@code > /dev/full}) must not exit 0.
     */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                stdoutCharset()));
        return run(out, new PrintWriter(System.err, true), args);
    }

    /** Runs the command line on the given streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = execute(cli, err, args);
        // checkError flushes, then reports whether any write to out failed.
        if (out.checkError()) {
            err.println("racelab: cannot write the output: standard output failed (disk full or pipe closed?)");
            code = FAILURE;
        }
        err.flush();
        return code;
    }

    /**
     * Executes {@code cli}; a {@link LinkageError} from a command (picocli hands only exceptions to the execution
     * handler) becomes one line and {@link #FAILURE}, not a stack trace: a runtime linked without a module a
     * command needs (the app image once lacked the pool's HTTP server) says so and which class it missed.
     */
    static int execute(CommandLine cli, PrintWriter err, String... args) {
        try {
            return cli.execute(args);
        } catch (LinkageError e) {
            err.println(oneLine("racelab: internal error: this Java runtime cannot run the command: " + e));
            return FAILURE;
        }
    }

    /** The configured command line, for tests and for the launcher. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RaceLabCommand());
        // "@file" would read any file (or /dev/zero) as arguments, and "--schedule @notes.txt" as a schedule.
        cli.setExpandAtFiles(false);
        AsciiNumber.register(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(RaceLabCli::handleParameterException);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserInputException) {
                err.println(oneLine("racelab: " + ex.getMessage()));
                return USAGE_ERROR;
            }
            // An unexpected failure is a bug: one line, not a stack trace, and a distinct exit code.
            err.println(oneLine("racelab: internal error: " + ex));
            return FAILURE;
        });
        return cli;
    }

    /** One line for a parse error; the usage is for {@code --help} only. */
    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String message = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + suggestions.get(0) + "?)";
            }
        }
        String help = "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        cmd.getErr().println(oneLine("racelab: " + message, help));
        return USAGE_ERROR;
    }

    /** Our own message on one line: control characters escaped, at most 200 characters. */
    static String oneLine(String message) {
        return InputText.shortenTo(message.strip().replaceAll("\\R+", " "), MAX_LINE - 1);
    }

    /** A picocli message on one line: its 'quoted' values cut to 40 characters, then as {@link #oneLine}. */
    static String oneLine(String message, String ending) {
        String first = message.strip().replaceAll("\\R+", " ");
        Matcher m = QUOTED.matcher(first);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("'" + InputText.shorten(m.group(1)) + "'"));
        }
        m.appendTail(b);
        String line = InputText.shortenTo(b.toString(), MAX_LINE - 1 - ending.length());
        return line + ending;
    }

    private static Charset stdoutCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }
}
