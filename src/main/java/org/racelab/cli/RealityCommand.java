package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.racelab.lab.reality.RealityHarness;
import org.racelab.lab.reality.RealityNarration;
import org.racelab.lab.reality.RealityReport;
import org.racelab.lab.reality.RealitySnapshot;
import org.racelab.lab.reality.RealityTheory;
import org.racelab.lab.reality.WindowDelay;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceRange;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab reality}: runs the explorer's exact program on real threads millions of times beside the theory. */
@Command(name = "reality",
        mixinStandardHelpOptions = true,
        description = {"Runs a race's exact program (volatile load, add, volatile store) on real threads many times,"
                + " one fresh counter per trial, and sets the observed final values beside the explorer's exact"
                + " odds. Graded as jcstress does: expected = acceptable, lost update = interesting, outside the"
                + " model's [min, max] = forbidden."})
public final class RealityCommand implements Callable<Integer> {

    /** Most trials one call may ask for, and the longest run. */
    static final long MAX_TRIALS = 100_000_000_000L;
    static final double MAX_SECONDS = 3600;

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Threads: 2 to 4 (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--increments", defaultValue = "1", paramLabel = "K",
            description = "count += 1 per thread: 1 to 5 (default: ${DEFAULT-VALUE}).")
    int increments;

    @Option(names = "--start", defaultValue = "0", paramLabel = "S",
            description = "The counter's start value, -1000 to 1000 (default: ${DEFAULT-VALUE}).")
    int start;

    @Option(names = "--lock", description = "Every increment holds a ReentrantLock.")
    boolean lock;

    @Option(names = "--delay", defaultValue = "none", paramLabel = "none|spin:N|yield|print",
            description = "What runs between each load and its store, to widen the window (default: ${DEFAULT-VALUE}).")
    String delay;

    @ArgGroup(exclusive = true)
    Limit limit = new Limit();

    /** --trials and --seconds exclude each other. */
    static final class Limit {
        @Option(names = "--trials", paramLabel = "T", description = "Run T trials (rounded up to whole strides of "
                + RealityHarness.STRIDE + ").")
        Long trials;

        @Option(names = "--seconds", paramLabel = "S", description = "Run for S seconds (default: 2).")
        Double seconds;
    }

    @Override
    public Integer call() {
        RaceConfig config = config();
        WindowDelay window;
        try {
            window = WindowDelay.parse(delay);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--" + e.getMessage());
        }
        long trials = 0;
        long nanos = 0;
        if (limit.trials != null) {
            if (limit.trials < 1 || limit.trials > MAX_TRIALS) {
                throw new UserInputException("--trials must be 1 to " + MAX_TRIALS + ", not " + limit.trials);
            }
            trials = limit.trials;
        } else {
            double s = limit.seconds == null ? 2 : limit.seconds;
            if (!(s > 0 && s <= MAX_SECONDS)) {
                throw new UserInputException("--seconds must be more than 0 and at most " + (int) MAX_SECONDS
                        + ", not " + limit.seconds);
            }
            nanos = (long) (s * 1e9);
        }
        RealityTheory theory = RealityTheory.of(Interleavings.explore(config));
        RealitySnapshot snapshot = new RealityHarness(config, window, trials, nanos).run(s -> { });
        RealityReport report = RealityReport.of(theory, window, snapshot);
        PrintWriter out = spec.commandLine().getOut();
        format.print(out, json(report), w -> table(w, report));
        if (report.forbiddenObserved() > 0) {
            spec.commandLine().getErr().println("racelab: " + RealityNarration.forbiddenWarning(report));
            return 1;
        }
        return 0;
    }

    private RaceConfig config() {
        if (threads < 2 || threads > 4) {
            throw new UserInputException("--threads must be 2 to 4, not " + threads);
        }
        if (increments < 1 || increments > 5) {
            throw new UserInputException("--increments must be 1 to 5, not " + increments);
        }
        if (start < RaceRange.MIN_START || start > RaceRange.MAX_START) {
            throw new UserInputException("--start must be " + RaceRange.MIN_START + " to " + RaceRange.MAX_START
                    + ", not " + start);
        }
        return new RaceConfig(threads, increments, start, lock);
    }

    static ObjectNode json(RealityReport r) {
        ObjectNode root = FormatOption.object(r.config());
        root.put("delay", r.delay().label());
        root.put("trials", r.trials());
        root.put("seconds", r.seconds());
        root.put("trialsPerSecond", r.trialsPerSecond());
        ArrayNode outcomes = root.putArray("outcomes");
        for (RealityReport.Row row : r.rows()) {
            ObjectNode n = outcomes.addObject();
            n.put("final", row.finalValue());
            n.put("observed", row.observed());
            n.put("observedShare", row.observedShare());
            n.put("scheduleShare", row.scheduleShare());
            n.put("randomSchedulerProbability", row.randomSchedulerProbability());
            n.put("grade", row.grade().label());
        }
        root.put("forbiddenObserved", r.forbiddenObserved());
        return root;
    }

    private static void table(PrintWriter out, RealityReport r) {
        RaceConfig c = r.config();
        out.printf("Reality: %d threads × %d increment%s, start %d, %s, delay %s%n", c.threads(), c.increments(),
                c.increments() == 1 ? "" : "s", c.start(), c.lock() ? "with the lock" : "no lock", r.delay().label());
        out.printf("Trials: %,d in %.2f s (%,.0f trials/s)%n%n", r.trials(), r.seconds(), r.trialsPerSecond());
        out.printf("%6s  %14s  %9s  %9s  %16s  %s%n", "final", "observed", "observed", "schedules",
                "random scheduler", "grade");
        for (RealityReport.Row row : r.rows()) {
            out.printf("%6d  %,14d  %9s  %9s  %16s  %s%n", row.finalValue(), row.observed(),
                    RealityNarration.percent(row.observedShare()), RealityNarration.percent(row.scheduleShare()),
                    RealityNarration.percent(row.randomSchedulerProbability()), row.grade().label());
        }
        out.println();
        out.println(RealityNarration.headline(r));
        String warning = RealityNarration.forbiddenWarning(r);
        if (!warning.isEmpty()) {
            out.println(warning);
        }
    }
}
