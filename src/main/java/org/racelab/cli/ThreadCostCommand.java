package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.racelab.lab.pool.ThreadCost;
import org.racelab.lab.pool.ThreadCostResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab threadcost}: what a new thread costs here, beside a pool task, and what a parked thread commits. */
@Command(name = "threadcost",
        mixinStandardHelpOptions = true,
        description = {
            // One element a sentence: the top-level --help lists each command by its first element only.
            "Times new Thread + start + join (at least 1000 threads) against submit + get on a pool.",
            "Also compares the stack each thread reserves with the memory a parked thread really commits."})
public final class ThreadCostCommand implements Callable<Integer> {

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1000",
            description = "Tasks, 100-10000 (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (threads < ThreadCost.MIN_THREADS || threads > ThreadCost.MAX_THREADS) {
            throw new UserInputException("threads must be between " + ThreadCost.MIN_THREADS + " and "
                    + ThreadCost.MAX_THREADS + ", got " + threads);
        }
        ThreadCostResult r;
        try {
            r = ThreadCost.measure(threads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        format.print(out, json(r), table -> printTable(table, r));
        return 0;
    }

    /** The JSON, keys in this exact order; the committed memory is null where it cannot be measured. */
    static ObjectNode json(ThreadCostResult r) {
        ObjectNode root = FormatOption.object();
        root.put("threads", r.threads());
        percentiles(root.putObject("createStartJoinMicros"), r.createStartJoinMicros());
        percentiles(root.putObject("poolSubmitGetMicros"), r.poolSubmitGetMicros());
        root.put("reservedStackKiB", r.reservedStackKiB());
        if (r.committedKiBPerParkedThread().isPresent()) {
            root.put("committedKiBPerParkedThread", r.committedKiBPerParkedThread().getAsLong());
        } else {
            root.putNull("committedKiBPerParkedThread");
        }
        return root;
    }

    private static void percentiles(ObjectNode node, ThreadCostResult.Percentiles p) {
        node.put("median", BigDecimal.valueOf(p.median()).setScale(1, RoundingMode.HALF_UP).doubleValue());
        node.put("p90", BigDecimal.valueOf(p.p90()).setScale(1, RoundingMode.HALF_UP).doubleValue());
    }

    private static void printTable(PrintWriter out, ThreadCostResult r) {
        out.println(String.format(Locale.ROOT, "new Thread + start + join: median %.1f µs, p90 %.1f µs over %,d threads "
                + "(the slide says about 50-100 µs)", r.createStartJoinMicros().median(), r.createStartJoinMicros().p90(),
                r.createdThreads()));
        out.println(String.format(Locale.ROOT, "pool submit + get:         median %.1f µs, p90 %.1f µs over %,d tasks",
                r.poolSubmitGetMicros().median(), r.poolSubmitGetMicros().p90(), r.threads()));
        out.println(String.format(Locale.ROOT, "stack reserved per thread: %,d KiB (-Xss; address space, not memory)",
                r.reservedStackKiB()));
        out.println(r.committedKiBPerParkedThread().isPresent()
                ? String.format(Locale.ROOT, "memory committed per parked thread: %,d KiB (resident size with %,d "
                        + "threads parked)", r.committedKiBPerParkedThread().getAsLong(), r.parkedThreads())
                : "memory committed per parked thread: not measured on this OS");
    }
}
