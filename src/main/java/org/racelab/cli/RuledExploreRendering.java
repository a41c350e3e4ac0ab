package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.racelab.model.explore.ExecutionSummary;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.RuledInterleavings;

/** The explore command's JSON and table for a race counted under a program and a switch rule. */
final class RuledExploreRendering {

    private RuledExploreRendering() {
    }

    static ObjectNode json(RuledInterleavings r) {
        ObjectNode root = FormatOption.object(r.config());
        root.put("program", r.program().cliName());
        root.put("switches", r.rule().cliName());
        root.put("total", r.total());
        ArrayNode outcomes = root.putArray("outcomes");
        for (InterleavingOutcome o : r.outcomes()) {
            ObjectNode n = outcomes.addObject();
            n.put("final", o.finalValue());
            n.put("count", o.count());
            n.put("share", o.share().doubleValue());
            n.put("randomSchedulerProbability", o.randomSchedulerProbability().doubleValue());
        }
        witness(root.putObject("min"), r, r.outcomes().get(0).finalValue());
        witness(root.putObject("max"), r, r.outcomes().get(r.outcomes().size() - 1).finalValue());
        root.put("losing", r.losingCount());
        ExecutionRendering.addJson(root, ExecutionSummary.of(r.config(), r.program(), r.rule()));
        return root;
    }

    private static void witness(ObjectNode node, RuledInterleavings r, int finalValue) {
        node.put("final", finalValue);
        node.put("witness", r.firstEndingAt(finalValue).letters());
    }

    static void table(PrintWriter out, RuledInterleavings r) {
        out.println("Explore: " + r.config().settingsText());
        out.println("Program: " + r.program().source() + "; switches: " + r.rule().title());
        out.printf("Schedules: %s, each %d micro-steps long; expected final without lost updates: %d%n",
                ExplorerNarration.grouped(r.total()), r.scheduleLength(), r.config().expectedFinal());
        out.println();
        out.printf("%6s  %4s  %20s  %12s  %16s%n", "final", "lost", "schedules", "share", "random scheduler");
        for (InterleavingOutcome o : r.outcomes()) {
            out.printf("%6d  %4d  %20s  %12s  %16s%n", o.finalValue(), o.lostUpdates(r.config()),
                    ExplorerNarration.grouped(o.count()), ExplorerNarration.percent(o.share()),
                    ExplorerNarration.percent(o.randomSchedulerProbability()));
        }
        out.println();
        int min = r.outcomes().get(0).finalValue();
        int max = r.outcomes().get(r.outcomes().size() - 1).finalValue();
        out.printf("Minimum final %d, e.g. %s%n", min, r.firstEndingAt(min));
        out.printf("Maximum final %d, e.g. %s%n", max, r.firstEndingAt(max));
        out.println(r.losingCount().signum() == 0 ? "No schedule loses an update under this rule."
                : ExplorerNarration.grouped(r.losingCount()) + " of " + ExplorerNarration.grouped(r.total())
                        + " schedules lose at least one update.");
        ExecutionRendering.table(out, ExecutionSummary.of(r.config(), r.program(), r.rule()));
    }
}
