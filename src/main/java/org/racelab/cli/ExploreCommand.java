package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import org.racelab.model.ExplorationTooLargeException;
import org.racelab.model.ExploredSchedule;
import org.racelab.model.ExplorerNarration;
import org.racelab.model.InterleavingOutcome;
import org.racelab.model.Interleavings;
import org.racelab.model.RaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab explore}: counts every interleaving of a race exactly, by final value, and lists any of them. */
@Command(name = "explore",
        mixinStandardHelpOptions = true,
        description = {"Counts every possible schedule (interleaving of micro-steps) exactly, grouped by the "
                + "counter's final value, with the odds under a random scheduler; lists schedules on request."})
public final class ExploreCommand implements Callable<Integer> {

    /** Most schedules one call lists. */
    static final int MAX_LIST = 100_000;

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Option(names = "--threads", required = true, paramLabel = "N",
            description = "Threads A, B, ...: 1 to 6.")
    int threads;

    @Option(names = "--increments", required = true, paramLabel = "K",
            description = "count += 1 per thread: 1 to 9 (large races need much time and memory).")
    int increments;

    @Option(names = "--start", defaultValue = "0", paramLabel = "S",
            description = "The counter's start value, -1000 to 1000 (default: ${DEFAULT-VALUE}).")
    int start;

    @Option(names = "--lock", description = "Every increment holds the lock (acquire, load, add, store, release).")
    boolean lock;

    @Option(names = "--outcome", paramLabel = "V", description = "List only schedules ending at final value V.")
    Integer outcome;

    @Option(names = "--list", paramLabel = "N", description = "List N schedules in lexicographic order (A < B < C).")
    Integer list;

    @Option(names = "--offset", paramLabel = "I",
            description = "0-based index of the first listed schedule (default: 0); any size.")
    BigInteger offset;

    @Override
    public Integer call() {
        RaceConfig config = config();
        if (list != null && (list < 1 || list > MAX_LIST)) {
            throw new UserInputException("--list must be 1 to " + MAX_LIST + ", not " + list);
        }
        if (list == null && (outcome != null || offset != null)) {
            throw new UserInputException((outcome != null ? "--outcome" : "--offset")
                    + " chooses which schedules to list: add --list N");
        }
        if (offset != null && offset.signum() < 0) {
            throw new UserInputException("--offset must be 0 or more, not " + offset);
        }
        Interleavings result;
        try {
            result = Interleavings.explore(config, fraction -> { });
        } catch (ExplorationTooLargeException e) {
            throw new UserInputException(e.getMessage());
        } catch (OutOfMemoryError e) {
            // The half-built space is garbage now; say what to do instead of failing with a bare error.
            throw new UserInputException(config.threads() + " threads x " + config.increments()
                    + " increments needs more memory than Java may use here: choose fewer threads or increments"
                    + " (or give Java more memory with -Xmx)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted");
        }
        List<ExploredSchedule> schedules = List.of();
        BigInteger first = offset == null ? BigInteger.ZERO : offset;
        BigInteger among = result.total();
        if (list != null) {
            if (outcome != null) {
                among = result.countOf(outcome);
                if (among.signum() == 0) {
                    throw new UserInputException("no schedule ends at " + outcome + "; the outcomes are "
                            + result.outcomes().stream().map(o -> Integer.toString(o.finalValue())).toList());
                }
            }
            if (first.compareTo(among) >= 0) {
                throw new UserInputException("--offset " + first + " is beyond the last schedule: there are "
                        + ExplorerNarration.grouped(among) + (outcome != null ? " ending at " + outcome : "")
                        + " (0 to " + among.subtract(BigInteger.ONE) + ")");
            }
            try {
                schedules = result.page(outcome, first, list);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserInputException("interrupted");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        List<ExploredSchedule> listed = schedules;
        BigInteger amongFinal = among;
        format.print(out, json(result, listed), w -> table(w, result, listed, first, amongFinal));
        return 0;
    }

    private RaceConfig config() {
        if (threads < 1 || threads > RaceConfig.MAX_THREADS) {
            throw new UserInputException("--threads must be 1 to " + RaceConfig.MAX_THREADS + ", not " + threads);
        }
        if (increments < 1 || increments > RaceConfig.MAX_INCREMENTS) {
            throw new UserInputException("--increments must be 1 to " + RaceConfig.MAX_INCREMENTS + ", not "
                    + increments);
        }
        if (start < RaceConfig.MIN_START || start > RaceConfig.MAX_START) {
            throw new UserInputException("--start must be " + RaceConfig.MIN_START + " to " + RaceConfig.MAX_START
                    + ", not " + start);
        }
        return new RaceConfig(threads, increments, start, lock);
    }

    private ObjectNode json(Interleavings result, List<ExploredSchedule> schedules) {
        ObjectNode root = FormatOption.object(result.config());
        root.put("total", result.total());
        ArrayNode outcomes = root.putArray("outcomes");
        for (InterleavingOutcome o : result.outcomes()) {
            ObjectNode n = outcomes.addObject();
            n.put("final", o.finalValue());
            n.put("count", o.count());
            n.put("share", o.share().doubleValue());
            n.put("randomSchedulerProbability", o.randomSchedulerProbability().doubleValue());
        }
        witness(root.putObject("min"), result.min());
        witness(root.putObject("max"), result.max());
        PreemptionRendering.addJson(root, result.config());
        if (list != null) {
            ArrayNode array = root.putArray("schedules");
            schedules.forEach(s -> array.add(s.schedule().letters()));
        }
        return root;
    }

    private static void witness(ObjectNode node, ExploredSchedule s) {
        node.put("final", s.finalValue());
        node.put("witness", s.schedule().letters());
    }

    private void table(PrintWriter out, Interleavings result, List<ExploredSchedule> schedules, BigInteger first,
            BigInteger among) {
        RaceConfig c = result.config();
        out.printf("Explore: %d thread%s x %d increment%s, start %d, %s%n", c.threads(), c.threads() == 1 ? "" : "s",
                c.increments(), c.increments() == 1 ? "" : "s", c.start(), c.lock() ? "with the lock" : "no lock");
        String approx = ExplorerNarration.approximately(result.total());
        out.printf("Schedules: %s%s, each %d micro-steps long; expected final without lost updates: %d%n",
                ExplorerNarration.grouped(result.total()),
                approx.equals(ExplorerNarration.grouped(result.total())) ? "" : " (about " + approx + ")",
                c.scheduleLength(), c.expectedFinal());
        out.println();
        String countHeader = "schedules";
        int countWidth = countHeader.length();
        for (InterleavingOutcome o : result.outcomes()) {
            countWidth = Math.max(countWidth, ExplorerNarration.grouped(o.count()).length());
        }
        out.printf("%6s  %4s  %" + countWidth + "s  %12s  %16s%n", "final", "lost", countHeader, "share",
                "random scheduler");
        for (InterleavingOutcome o : result.outcomes()) {
            out.printf("%6d  %4d  %" + countWidth + "s  %12s  %16s%n", o.finalValue(), o.lostUpdates(c),
                    ExplorerNarration.grouped(o.count()), ExplorerNarration.percent(o.share()),
                    ExplorerNarration.percent(o.randomSchedulerProbability()));
        }
        out.println();
        ExploredSchedule min = result.min();
        ExploredSchedule max = result.max();
        out.printf("Minimum final %d, e.g. %s%n", min.finalValue(), min.schedule());
        out.printf("Maximum final %d, e.g. %s%n", max.finalValue(), max.schedule());
        out.println();
        out.println(ExplorerNarration.headline(result));
        out.println(ExplorerNarration.oddsExplanation(result));
        PreemptionRendering.table(out, c);
        if (list != null) {
            out.println();
            BigInteger last = first.add(BigInteger.valueOf(schedules.size() - 1L));
            out.printf("Schedules #%s to #%s of %s%s (0-based, lexicographic):%n", first, last,
                    ExplorerNarration.grouped(among), outcome != null ? " ending at " + outcome : "");
            int indexWidth = Math.max(1, last.toString().length());
            for (int i = 0; i < schedules.size(); i++) {
                ExploredSchedule s = schedules.get(i);
                out.printf("%" + indexWidth + "s  %s  final %d%s%n", first.add(BigInteger.valueOf(i)), s.schedule(),
                        s.finalValue(), s.staleSteps().isEmpty() ? ""
                                : "  stale store" + (s.staleSteps().size() == 1 ? "" : "s") + " at step "
                                        + String.join(", ",
                                        s.staleSteps().stream().map(String::valueOf).toList()));
            }
        }
    }
}
