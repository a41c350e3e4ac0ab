package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRun;
import org.racelab.lab.LabSample;
import org.racelab.lab.LabSettings;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.RunStatus;
import org.racelab.model.scenario.InputText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab lab}: races real counters on real pool threads and prints the exact lost-update truth. */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        description = {
            "Runs T tasks of I increments each on a pool of W threads against one shared counter.",
            "Reports expected (T × I), final, and lost = attempts - final, counted exactly."})
public final class LabCommand implements Callable<Integer> {

    /**
     * Most increments one run may attempt (tasks × increments): 10^11 takes about 45 minutes at the slowest rate
     * measured here (38 M/s, docs/benchmarks.md) and under 4 at the fastest; anything longer shows nothing a
     * shorter run does not, and a mistyped {@code --increments 9223372036854775807} would run for centuries.
     */
    static final BigInteger MAX_TOTAL = BigInteger.TEN.pow(11);

    /** How often {@code --progress} prints a line, in milliseconds. */
    static final long PROGRESS_EVERY_MILLIS = 250;

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Option(names = "--counter", paramLabel = "unsafe|synchronized|lock|atomic|adder|all", defaultValue = "all",
            description = "Counter kind to race, or all of them in turn (default: ${DEFAULT-VALUE}).")
    String counter;

    @Option(names = "--workers", paramLabel = "W",
            description = "Pool threads, 1-64 (default: min(32, processors + 4) = ${DEFAULT-VALUE}, "
                    + "Python's ThreadPoolExecutor rule).")
    int workers = LabSettings.defaultWorkers();

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "8", description = "Tasks submitted (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--increments", paramLabel = "I", defaultValue = "1000000",
            description = "Increments per task (default: ${DEFAULT-VALUE}).")
    long increments;

    @Option(names = "--progress", description = "Print a progress line on stderr while it runs.")
    boolean progress;

    @Override
    public Integer call() {
        List<CounterKind> kinds = kinds(counter);
        if (BigInteger.valueOf(tasks).multiply(BigInteger.valueOf(increments)).compareTo(MAX_TOTAL) > 0) {
            throw new UserInputException("tasks × increments (" + tasks + " × " + increments + ") is more than the "
                    + "10^11 increments one run may do (about 45 min at 38 M/s, the slowest rate measured)");
        }
        LabSettings settings;
        try {
            settings = new LabSettings(workers, tasks, increments);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CounterRunResult> results = new ArrayList<>();
        try (LabShutdown shutdown = LabShutdown.install()) {
            for (CounterKind kind : kinds) {
                CounterRun run = CounterRun.of(kind, settings);
                if (!shutdown.track(run)) {
                    break;
                }
                results.add(run.run(progress ? progressPrinter(err) : CounterRun.Listener.none()));
                if (Thread.currentThread().isInterrupted() || shutdown.requested()) {
                    break;
                }
            }
            format.print(out, json(results), table -> printTable(table, results));
            List<CounterRunResult> failed = results.stream().filter(r -> r.status() != RunStatus.COMPLETED).toList();
            for (CounterRunResult r : failed) {
                err.println("racelab: " + r.counter().id() + " run " + r.status().name().toLowerCase(Locale.ROOT)
                        + ": " + r.failure().orElse("unknown reason"));
            }
            out.flush();
            err.flush();
            return failed.isEmpty() ? 0 : 1;
        }
    }

    static List<CounterKind> kinds(String spec) {
        String valid = CounterKind.comparable().stream().map(CounterKind::id).collect(Collectors.joining(", "));
        if (spec.strip().equalsIgnoreCase("all")) {
            return CounterKind.comparable();
        }
        List<CounterKind> kinds = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            if (part.isBlank()) {
                continue;
            }
            if (part.strip().equalsIgnoreCase("all")) {
                throw new UserInputException("--counter all runs every counter and cannot be combined with others; "
                        + "give all alone, or a list of " + valid);
            }
            CounterKind kind;
            try {
                kind = CounterKind.parse(part);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("unknown counter " + InputText.quote(part.strip()) + badCharacter(part)
                        + " (expected all, or one or more of " + valid + ")");
            }
            if (kind == CounterKind.SWITCHABLE) {
                throw new UserInputException("the switchable counter needs the window's live lock switch; "
                        + "use all, or one or more of " + valid);
            }
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.isEmpty()) {
            throw new UserInputException("--counter " + InputText.quote(spec) + " names no counter, so nothing would "
                    + "run (expected all, or one or more of " + valid + ")");
        }
        return kinds;
    }

    /** Names the first character no counter id has, e.g. " ('ß' (U+00DF) is not a letter a-z)". */
    private static String badCharacter(String part) {
        return part.strip().codePoints().filter(c -> c < 'a' || c > 'z').filter(c -> c < 'A' || c > 'Z')
                .mapToObj(c -> ": " + InputText.character(c) + " is not a letter a-z").findFirst().orElse("");
    }

    private static CounterRun.Listener progressPrinter(PrintWriter err) {
        AtomicLong lastPrint = new AtomicLong();
        return sample -> {
            long now = System.nanoTime();
            boolean last = sample.progress() >= 1.0;
            if (last || now - lastPrint.get() >= PROGRESS_EVERY_MILLIS * 1_000_000) {
                lastPrint.set(now);
                err.println(progressLine(sample));
                err.flush();
            }
        };
    }

    static String progressLine(LabSample s) {
        String left = s.progress() >= 1.0 || s.incrementsPerSecond() <= 0 ? ""
                : ", about " + duration((s.expected() - s.attempts()) / s.incrementsPerSecond()) + " left";
        return String.format(Locale.ROOT, "%s: %5.1f%% %,d/%,d increments, counter %,d, ~%,d lost so far, %,.0f/s, %.2f s%s",
                s.counter().id(), 100 * s.progress(), s.attempts(), s.expected(), s.counterValue(), s.lostSoFar(),
                s.incrementsPerSecond(), s.elapsedSeconds(), left);
    }

    /** A rough duration for the progress line: "12 s", "7 min", "2.5 h". */
    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(0, seconds));
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    /** The JSON, keys in this exact order; failed or stopped runs add attempts, status and failure. */
    static ObjectNode json(List<CounterRunResult> results) {
        ObjectNode root = FormatOption.object();
        ArrayNode runs = root.putArray("runs");
        for (CounterRunResult r : results) {
            ObjectNode run = runs.addObject();
            run.put("counter", r.counter().id());
            run.put("workers", r.workers());
            run.put("tasks", r.tasks());
            run.put("increments", r.increments());
            run.put("expected", r.expected());
            run.put("final", r.finalValue());
            run.put("lost", r.lost());
            run.put("lostPercent", round(r.lostPercent(), 2));
            run.put("seconds", round(r.seconds(), 3));
            run.put("incrementsPerSecond", Math.round(r.incrementsPerSecond()));
            run.put("complete", r.status() == RunStatus.COMPLETED);
            if (r.status() != RunStatus.COMPLETED) {
                run.put("attempts", r.attempts());
                run.put("status", r.status().name().toLowerCase(Locale.ROOT));
                run.put("failure", r.failure().orElse(""));
            }
        }
        return root;
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static void printTable(PrintWriter out, List<CounterRunResult> results) {
        Optional<CounterRunResult> unsafe = results.stream().filter(r -> r.counter() == CounterKind.UNSAFE).findFirst();
        String header = String.format(Locale.ROOT, "%-13s %7s %5s %13s %15s %15s %15s %8s %8s %14s",
                "counter", "workers", "tasks", "increments", "expected", "final", "lost", "lost %", "seconds",
                "increments/s");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (CounterRunResult r : results) {
            out.println(String.format(Locale.ROOT, "%-13s %7d %5d %,13d %,15d %,15d %,15d %7.2f%% %8.3f %,14.0f",
                    r.counter().id() + (r.status() == RunStatus.COMPLETED ? "" : "*"), r.workers(), r.tasks(),
                    r.increments(), r.expected(), r.finalValue(), r.lost(), r.lostPercent(), r.seconds(),
                    r.incrementsPerSecond()));
        }
        out.println();
        for (CounterRunResult r : results) {
            out.println(r.explanation(unsafe));
        }
        for (CounterRunResult r : results) {
            out.println(r.counter().id() + " tasks finished in order: " + r.completionOrder().stream()
                    .map(String::valueOf).collect(Collectors.joining(" ")));
        }
        if (results.stream().anyMatch(r -> r.status() != RunStatus.COMPLETED)) {
            out.println("* not completed: lost = attempted - final, over the increments actually attempted");
        }
    }
}
