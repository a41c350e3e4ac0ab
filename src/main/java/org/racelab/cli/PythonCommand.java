package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.racelab.lab.python.PythonInterpreter;
import org.racelab.lab.python.PythonReport;
import org.racelab.lab.python.PythonRun;
import org.racelab.lab.python.PythonRunException;
import org.racelab.lab.python.PythonRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab python}: runs the race for real on this machine's Python and counts what it lost. */
@Command(name = "python",
        mixinStandardHelpOptions = true,
        // One element a sentence: the top-level --help lists each command by its first element only.
        description = {"Runs count += 1 (or count += one(), or a sleep between load and store) in real Python"
                + " threads on this machine's interpreter and counts the lost updates.",
            "Example: racelab python --program call --threads 2 --increments 1000000 --runs 3"})
public final class PythonCommand implements Callable<Integer> {

    /** A run of the slide's sizes takes well under a second; the sleep program with many increments far longer. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Mixin
    ProgramOption program;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Python threads: 1 to " + PythonRunner.MAX_THREADS + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--increments", paramLabel = "K", defaultValue = "1000000",
            description = "Loop iterations per thread: 1 to " + PythonRunner.MAX_INCREMENTS
                    + " (default: ${DEFAULT-VALUE}).")
    int increments;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "3",
            description = "Separate runs, each in a fresh interpreter: 1 to " + PythonRunner.MAX_RUNS
                    + " (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--interpreter", paramLabel = "PATH",
            description = "The Python to run (default: python3 or python on the PATH; py -3 on Windows).")
    Path interpreter;

    @Override
    public Integer call() throws InterruptedException {
        range("--threads", threads, PythonRunner.MAX_THREADS);
        range("--increments", increments, PythonRunner.MAX_INCREMENTS);
        range("--runs", runs, PythonRunner.MAX_RUNS);
        var chosen = program.program();
        PythonInterpreter python = PythonInterpreter.find(Optional.ofNullable(interpreter))
                .orElseThrow(() -> new UserInputException(interpreter != null
                        ? "--interpreter " + interpreter + " is not an executable file"
                        : "no Python found: install Python 3 (python.org) or give --interpreter PATH"));
        PythonReport report;
        try {
            report = new PythonRunner(TIMEOUT).run(python, chosen, threads, increments, runs);
        } catch (PythonRunException e) {
            spec.commandLine().getErr().println(RaceLabCli.oneLine("racelab: " + e.getMessage()));
            return RaceLabCli.FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        format.print(out, json(report), w -> table(w, report));
        return 0;
    }

    private static void range(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new UserInputException(name + " must be between 1 and " + max + ", got " + value);
        }
    }

    /** The issue's JSON, keys in this order. */
    static ObjectNode json(PythonReport r) {
        ObjectNode o = FormatOption.object();
        o.put("interpreter", r.interpreter());
        o.put("version", r.version());
        o.put("freeThreaded", r.freeThreaded());
        o.put("program", r.program().cliName());
        ArrayNode runs = o.putArray("runs");
        for (PythonRun run : r.runs()) {
            ObjectNode n = runs.addObject();
            n.put("expected", run.expected());
            n.put("final", run.finalCount());
            n.put("lost", run.lost());
            n.put("seconds", Math.round(run.seconds() * 1000) / 1000.0);
        }
        return o;
    }

    static void table(PrintWriter out, PythonReport r) {
        out.println("Python " + r.version() + (r.freeThreaded() ? " (free-threaded: no GIL)" : " (with the GIL)")
                + " at " + r.interpreter());
        out.println(r.threads() + " threads × " + String.format(Locale.ROOT, "%,d", r.increments()) + " of "
                + r.program().source());
        out.println();
        out.printf(Locale.ROOT, "%4s  %13s  %13s  %13s  %7s  %8s%n", "run", "expected", "final", "lost", "lost %",
                "seconds");
        int i = 1;
        for (PythonRun run : r.runs()) {
            out.printf(Locale.ROOT, "%4d  %,13d  %,13d  %,13d  %6.1f%%  %8.3f%n", i++, run.expected(),
                    run.finalCount(), run.lost(), 100.0 * run.lost() / run.expected(), run.seconds());
        }
        out.println();
        out.println(r.runsThatLost() + " of " + r.runs().size() + " runs lost updates.");
    }
}
