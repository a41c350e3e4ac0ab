package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import org.racelab.model.explore.ExplorationTooLargeException;
import org.racelab.model.explore.ExploredSchedule;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.explore.MemoryBudget;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;
import org.racelab.model.explore.RuledInterleavings;
import org.racelab.model.RaceRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab explore}: counts every interleaving of a race exactly, by final value, and lists any of them. */
@Command(name = "explore",
        mixinStandardHelpOptions = true,
        defaultValueProvider = ExploreCommand.Defaults.class,
        description = {"Counts every possible schedule (interleaving of micro-steps) exactly, grouped by the "
                + "counter's final value, with the odds under a random scheduler; lists schedules on request.",
            "Schedules are numbered from 1 in lexicographic order (A < B < C), as in the window."})
public final class ExploreCommand implements Callable<Integer> {

    /** explore's defaults: the lecture's 2 threads × 1 increment from 0. */
    static final class Defaults extends RaceOptions.Defaults {
        Defaults() {
            super(2, 1, 0);
        }
    }

    /** Most schedules one call lists. */
    static final int MAX_LIST = 100_000;

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

    @Option(names = "--outcome", paramLabel = "V", description = "List only schedules ending at final value V.")
    Integer outcome;

    @Option(names = "--list", paramLabel = "N", description = "List N schedules in lexicographic order (A < B < C).")
    Integer list;

    @Option(names = "--first", paramLabel = "I",
            description = "Number of the first listed schedule, counting from 1 as the window does "
                    + "(default: 1); any size.")
    BigInteger firstNumber;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Refuse races estimated to need more memory than this, e.g. 512m or 6g (default and "
                    + "upper limit: the JVM's heap, see -Xmx).")
    String maxMemory;

    @Override
    public Integer call() {
        RaceConfig config = race.config(RaceRange.EXPLORE);
        if (list != null && (list < 1 || list > MAX_LIST)) {
            throw new UserInputException("--list must be 1 to " + MAX_LIST + ", not " + list);
        }
        if (list == null && (outcome != null || firstNumber != null)) {
            throw new UserInputException((outcome != null ? "--outcome" : "--first")
                    + " chooses which schedules to list: add --list N");
        }
        if (firstNumber != null && firstNumber.signum() <= 0) {
            throw new UserInputException("--first counts from 1, not " + firstNumber);
        }
        if (program.program() != RaceProgram.COUNT || switches.rule() != SwitchRule.ANY
                || spec.commandLine().getParseResult().hasMatchedOption("--program")
                || spec.commandLine().getParseResult().hasMatchedOption("--switches")) {
            return ruled(config);
        }
        Interleavings result;
        try {
            result = Interleavings.explore(config, budget(), fraction -> { });
        } catch (ExplorationTooLargeException e) {
            throw new UserInputException(e.getMessage());
        } catch (OutOfMemoryError e) {
            // The half-built space is garbage now; say what to do instead of failing with a bare error.
            throw new UserInputException(config.sizeText() + " needs more memory than Java may use here: choose fewer threads or increments"
                    + " (or give Java more memory with -Xmx)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted");
        }
        List<ExploredSchedule> schedules = List.of();
        BigInteger first = firstNumber == null ? BigInteger.ZERO : firstNumber.subtract(BigInteger.ONE);
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
                throw new UserInputException("--first " + first.add(BigInteger.ONE) + " is beyond the last schedule: "
                        + "there are " + ExplorerNarration.grouped(among) + (outcome != null ? " ending at " + outcome : "")
                        + " (1 to " + among + ")");
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

    /** Counts under a program and a switch rule: counts and witnesses, no listing yet. */
    private int ruled(RaceConfig config) {
        if (list != null) {
            throw new UserInputException("--list is not available with --program or --switches yet: "
                    + "leave them out to list schedules of count += 1");
        }
        RuledInterleavings result;
        try {
            result = RuledInterleavings.explore(config, program.program(), switches.rule());
        } catch (ExplorationTooLargeException e) {
            throw new UserInputException(e.getMessage());
        }
        format.print(spec.commandLine().getOut(), RuledExploreRendering.json(result),
                w -> RuledExploreRendering.table(w, result));
        return 0;
    }

    private MemoryBudget budget() {
        try {
            return maxMemory == null ? MemoryBudget.heap()
                    : MemoryBudget.atMost(MemoryBudget.parseSize(maxMemory), "--max-memory");
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--max-memory: " + e.getMessage());
        }
    }

    private ObjectNode json(Interleavings result, List<ExploredSchedule> schedules) {
        ObjectNode root = FormatOption.object(result.config());
        // This fast path counts count += 1 at any point; the JSON says so, as the ruled path's JSON does.
        root.put("program", RaceProgram.COUNT.cliName());
        root.put("switches", SwitchRule.ANY.cliName());
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
        out.println("Explore: " + c.settingsText());
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
            BigInteger number = first.add(BigInteger.ONE);
            BigInteger last = number.add(BigInteger.valueOf(schedules.size() - 1L));
            out.printf("Schedules #%s to #%s of %s%s (numbered from 1, lexicographic):%n", number, last,
                    ExplorerNarration.grouped(among), outcome != null ? " ending at " + outcome : "");
            int indexWidth = Math.max(1, last.toString().length());
            for (int i = 0; i < schedules.size(); i++) {
                ExploredSchedule s = schedules.get(i);
                out.printf("%" + indexWidth + "s  %s  final %d%s%n", number.add(BigInteger.valueOf(i)), s.schedule(),
                        s.finalValue(), s.staleSteps().isEmpty() ? ""
                                : "  stale store" + (s.staleSteps().size() == 1 ? "" : "s") + " at step "
                                        + String.join(", ",
                                        s.staleSteps().stream().map(String::valueOf).toList()));
            }
        }
    }
}
