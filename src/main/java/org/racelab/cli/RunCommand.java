package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.racelab.model.MachineState;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;
import org.racelab.model.RaceRange;
import org.racelab.model.RunResult;
import org.racelab.model.Schedule;
import org.racelab.model.ScheduleException;
import org.racelab.model.Step;
import java.nio.file.Path;
import java.util.List;
import org.racelab.model.scenario.Scenario;
import org.racelab.model.scenario.ScenarioCodec;
import org.racelab.model.scenario.ScenarioException;
import org.racelab.model.scenario.ScheduleText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab run}: runs one schedule through the stepper's model and prints every step and the summary. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        defaultValueProvider = RunCommand.Defaults.class,
        description = {"Runs a schedule through the stepper's model, or replays a scenario file.",
            "Slide 8: racelab run --threads 2 --increments 1 --start 5 --schedule ABBBAA",
            "A file:  racelab run --scenario slide8.json"})
public final class RunCommand implements Callable<Integer> {

    /** run's defaults: Slide 8's 2 threads, 1 increment, start 5. */
    static final class Defaults extends RaceOptions.Defaults {
        Defaults() {
            super(2, 1, 5);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Mixin
    RaceOptions race;

    @Mixin
    ProgramOption program;

    @Mixin
    SwitchesOption switches;

    @Option(names = "--schedule", paramLabel = "LETTERS",
            description = "Which thread takes each micro-step, e.g. ABBBAA; may stop before every thread is done.")
    String schedule;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Replay a scenario file saved by the window (File > Save scenario) instead of the options"
                    + " above; a bad file is refused with one line, as in the window.")
    Path scenario;

    @Override
    public Integer call() {
        RaceConfig config;
        Schedule steps;
        RaceProgram loopBody = program.program();
        SwitchRule rule = switches.rule();
        if (scenario != null) {
            for (String o : List.of("--threads", "--increments", "--start", "--lock", "--schedule", "--program",
                    "--switches")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new UserInputException("--scenario gives the whole race: leave out " + o);
                }
            }
            try {
                Scenario s = ScenarioCodec.read(scenario);
                config = s.config();
                steps = s.schedule();
                loopBody = s.program();
                rule = s.rule();
            } catch (ScenarioException e) {
                throw new UserInputException(e.getMessage());
            }
        } else {
            if (schedule == null) {
                throw new UserInputException("give --schedule LETTERS (e.g. ABBBAA) or --scenario FILE");
            }
            config = race.config(RaceRange.RUN);
            steps = schedule(config);
        }
        RunResult result;
        try {
            result = RunResult.replay(MachineState.initial(config, loopBody, rule), steps);
        } catch (ScheduleException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        format.print(out, json(result), w -> {
            if (namesProgram()) {
                w.println("Program: " + program.program().source() + ", switches: " + switches.rule().title());
            }
            table(w, result);
        });
        return 0;
    }

    /** The table names the program only when chosen, so the table of the slide's own run stays as it was. */
    private boolean namesProgram() {
        var parsed = spec.commandLine().getParseResult();
        return parsed.hasMatchedOption("--program") || parsed.hasMatchedOption("--switches");
    }

    private Schedule schedule(RaceConfig config) {
        try {
            return ScheduleText.parse(schedule, config.threads());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--schedule " + e.getMessage());
        }
    }

    /** The JSON the issue specifies, keys in this order. */
    static ObjectNode json(RunResult r) {
        ObjectNode o = FormatOption.object(r.config());
        // Always named, so a reader never has to know that a missing key meant count += 1 at any point.
        o.put("program", r.program().cliName());
        o.put("switches", r.rule().cliName());
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
                        : " (stopped after " + r.steps().size() + " of " + r.scheduleLength()
                                + " steps; expected counts the stores done so far)"));
    }
}
