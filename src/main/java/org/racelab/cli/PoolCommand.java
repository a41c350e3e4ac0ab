package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.racelab.lab.pool.PoolLab;
import org.racelab.lab.pool.PoolRunResult;
import org.racelab.lab.pool.PoolSettings;
import org.racelab.lab.pool.TaskKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab pool}: fetches from the in-app server on a real thread pool and prints the measured wall time. */
@Command(name = "pool",
        mixinStandardHelpOptions = true,
        description = {
            // One element a sentence: the top-level --help lists each command by its first element only.
            "Runs T tasks on a pool of W threads and prints the measured wall time beside the ideal.",
            "An io task fetches a URL from a server on 127.0.0.1 that answers after the latency; a compute task"
                + " computes about that long; a mixed task does half of each. The ideal is ceil(T / W) × latency;"
                + " the server's peak concurrency is counted."})
public final class PoolCommand implements Callable<Integer> {

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "100", description = "Tasks, 1-1000 (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "200",
            description = "Latency per request in ms, 10-2000 (default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--workers", paramLabel = "W",
            description = "Pool threads, 1-64 (default: min(32, processors + 4) = ${DEFAULT-VALUE}).")
    int workers = PoolSettings.defaultWorkers();

    @Option(names = "--kind", paramLabel = "io|compute|mixed", defaultValue = "io",
            description = "What each task does (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--gil", description = "Compute only while holding one global lock; I/O waits release it.")
    boolean gil;

    @Option(names = "--server-cap", paramLabel = "N", description = "The server serves at most N requests at once, 1-64.")
    Integer serverCap;

    @Option(names = "--sweep", paramLabel = "W,W,...", description = "Run once per worker count, e.g. 1,2,4,8,16,32,64.")
    String sweep;

    @Override
    public Integer call() throws IOException {
        PoolSettings settings;
        TaskKind taskKind;
        try {
            taskKind = TaskKind.parse(kind);
            if (serverCap != null && serverCap == 0) {
                throw new IllegalArgumentException("server cap must be between 1 and " + PoolSettings.MAX_CAP
                        + ", got 0 (leave --server-cap out for no cap)");
            }
            settings = new PoolSettings(tasks, latencyMs, workers, taskKind, gil, serverCap == null ? 0 : serverCap);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        List<Integer> counts = sweep == null ? List.of(settings.workers()) : workerCounts(sweep);
        List<PoolRunResult> results;
        try (PoolLab lab = PoolLab.open(settings.serverCap())) {
            results = lab.sweep(settings, counts, r -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        format.print(out, json(results), table -> printTable(table, results));
        return results.stream().allMatch(PoolRunResult::completed) && results.size() == counts.size() ? 0 : 1;
    }

    static List<Integer> workerCounts(String text) {
        List<Integer> counts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int w;
            try {
                w = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("--sweep expects worker counts like 1,2,4,8, got '" + part.strip() + "'");
            }
            if (w < PoolSettings.MIN_WORKERS || w > PoolSettings.MAX_WORKERS) {
                throw new UserInputException("--sweep: workers must be between " + PoolSettings.MIN_WORKERS + " and "
                        + PoolSettings.MAX_WORKERS + ", got " + w);
            }
            counts.add(w);
        }
        return counts;
    }

    /** The JSON, keys in this exact order, one entry per worker count. */
    static ObjectNode json(List<PoolRunResult> results) {
        ObjectNode root = FormatOption.object();
        ArrayNode runs = root.putArray("runs");
        for (PoolRunResult r : results) {
            ObjectNode run = runs.addObject();
            run.put("workers", r.workers());
            run.put("tasks", r.settings().tasks());
            run.put("latencyMs", r.settings().latencyMs());
            run.put("kind", r.settings().kind().id());
            run.put("gil", r.settings().gil());
            if (r.settings().capped()) {
                run.put("serverCap", r.settings().serverCap());
            } else {
                run.putNull("serverCap");
            }
            run.put("seconds", round(r.seconds(), 3));
            run.put("idealSeconds", round(r.idealSeconds(), 3));
            run.put("efficiency", round(r.efficiency(), 3));
            run.put("peakConcurrent", r.peakConcurrent());
            run.put("tasksPerSecond", round(r.tasksPerSecond(), 1));
            if (!r.completed()) {
                run.put("completed", false);
            }
        }
        return root;
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static void printTable(PrintWriter out, List<PoolRunResult> results) {
        PoolRunResult first = results.get(0);
        PoolSettings s = first.settings();
        out.println(String.format(Locale.ROOT, "%d %s tasks × %d ms, %s, server cap %s", s.tasks(), s.kind().id(),
                s.latencyMs(), s.gil() ? "GIL on" : "no GIL", s.capped() ? String.valueOf(s.serverCap()) : "off"));
        String header = String.format(Locale.ROOT, "%7s %9s %9s %10s %6s %8s", "workers", "seconds", "ideal s",
                "efficiency", "peak", "tasks/s");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (PoolRunResult r : results) {
            out.println(String.format(Locale.ROOT, "%7d %9.3f %9.3f %9.0f%% %6d %8.1f%s", r.workers(), r.seconds(),
                    r.idealSeconds(), 100 * r.efficiency(), r.peakConcurrent(), r.tasksPerSecond(),
                    r.completed() ? "" : "  (stopped)"));
        }
        out.println("ideal = max(ceil(tasks / min(workers, cap)) × latency, compute share × tasks × latency / "
                + "(1 with the GIL, else min(workers, cores)))");
    }
}
