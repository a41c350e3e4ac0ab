package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceRange;
import org.racelab.model.RunResult;
import org.racelab.model.Schedule;
import org.racelab.model.ScheduleException;
import org.racelab.model.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab run}: runs one schedule through the stepper's model and prints every step and the summary. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Runs a schedule through the stepper's model, e.g. Slide 8:",
            "  racelab run --threads 2 --increments 1 --start 5 --schedule ABBBAA"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Threads A, B, ...: " + RaceRange.RUN_MIN_THREADS + " to " + RaceRange.MAX_THREADS + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--increments", paramLabel = "K", defaultValue = "1",
            description = "count += 1 per thread: 1 to " + RaceRange.MAX_INCREMENTS + " (default: ${DEFAULT-VALUE}).")
    int increments;

    @Option(names = "--start", paramLabel = "S", defaultValue = "5",
            description = "The counter's start value: " + RaceRange.MIN_START + " to " + RaceRange.MAX_START
                    + " (default: ${DEFAULT-VALUE}).")
    int start;

    @Option(names = "--lock", description = "Hold the lock around each increment (acquire, load, add, store, release).")
    boolean lock;

    @Option(names = "--schedule", paramLabel = "LETTERS", required = true,
            description = "Which thread takes each micro-step, e.g. ABBBAA; may stop before every thread is done.")
    String schedule;

    @Override
    public Integer call() {
        RunResult result;
        try {
            result = RunResult.replay(config(), schedule());
        } catch (ScheduleException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        format.print(out, json(result), w -> table(w, result));
        return 0;
    }

    private RaceConfig config() {
        String refusal = RaceRange.RUN.refusal(threads, increments, start, "--");
        if (refusal != null) {
            throw new UserInputException(refusal);
        }
        return new RaceConfig(threads, increments, start, lock);
    }

    private Schedule schedule() {
        try {
            return Schedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--schedule " + e.getMessage());
        }
    }

    /** The JSON the issue specifies, keys in this order. */
    static ObjectNode json(RunResult r) {
        ObjectNode o = FormatOption.object(r.config());
        o.put("schedule", r.schedule().letters());
        o.put("complete", r.complete());
        o.put("final", r.finalValue());
        o.put("expected", r.expected());
        o.put("lost", r.lost());
        ArrayNode steps = o.putArray("steps");
        for (Step s : r.steps()) {
            ObjectNode n = steps.addObject();
            n.put("index", s.index());
            n.put("thread", String.valueOf(s.thread()));
            n.put("op", s.op().label());
            if (s.register() == null) {
                n.putNull("register");
            } else {
                n.put("register", s.register());
            }
            n.put("counter", s.counter());
            n.put("stale", s.stale());
        }
        return o;
    }

    static void table(PrintWriter out, RunResult r) {
        out.println("Run: " + r.settingsText());
        out.println("Schedule: " + (r.schedule().isEmpty() ? "(no steps)" : r.schedule().letters()));
        out.println();
        out.printf("%5s  %-6s  %-7s  %8s  %7s%n", "step", "thread", "op", "register", "counter");
        out.printf("%5s  %-6s  %-7s  %8s  %7s%n", "0", "", "(start)", "", r.config().start());
        for (Step s : r.steps()) {
            out.printf("%5d  %-6s  %-7s  %8s  %7d%s%n", s.index(), s.thread(), s.op().label(),
                    s.register() == null ? "-" : s.register(), s.counter(),
                    s.lostUpdate().map(lu -> "  LOST UPDATE: " + lu.narration()).orElse(""));
        }
        out.println();
        out.println("Final " + r.finalValue() + ", expected " + r.expected() + ", lost " + r.lost()
                + (r.complete() ? " (complete: every thread is done)"
                        : " (stopped after " + r.steps().size() + " of " + r.config().scheduleLength()
                                + " steps; expected counts the stores done so far)"));
    }
}
