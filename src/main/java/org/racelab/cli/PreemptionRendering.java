package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.RaceConfig;
import org.racelab.model.explore.PreemptionCount;
import org.racelab.model.explore.PreemptionProfile;
import org.racelab.model.explore.PreemptionWitness;

/** Renders a race's preemption counts and fewest-preemption losing witness for {@code explore}'s JSON and table. */
final class PreemptionRendering {

    private PreemptionRendering() {
    }

    /**
     * Adds {@code "preemptions":[…]}, {@code "fewestPreemptionLoss":{…}} (null when nothing loses) and the really
     * different executions ({@link ExecutionRendering}).
     */
    static void addJson(ObjectNode root, RaceConfig config) {
        PreemptionProfile profile = profile(config);
        ArrayNode array = root.putArray("preemptions");
        for (PreemptionCount c : profile.counts()) {
            ObjectNode n = array.addObject();
            n.put("preemptions", c.preemptions());
            n.put("schedules", c.schedules());
            n.put("losing", c.losing());
        }
        if (profile.fewestPreemptionLoss().isPresent()) {
            PreemptionWitness w = profile.fewestPreemptionLoss().get();
            ObjectNode n = root.putObject("fewestPreemptionLoss");
            n.put("preemptions", w.preemptions());
            n.put("witness", w.schedule().letters());
        } else {
            root.putNull("fewestPreemptionLoss");
        }
        ExecutionRendering.addJson(root, profile.executions());
    }

    /** Prints the preemption table and the witness below {@code explore}'s outcome table. */
    static void table(PrintWriter out, RaceConfig config) {
        PreemptionProfile profile = profile(config);
        out.println();
        out.println("Preemptions (switches away from a thread that could still run):");
        int width = "schedules".length();
        for (PreemptionCount c : profile.counts()) {
            width = Math.max(width, ExplorerNarration.grouped(c.schedules()).length());
        }
        String row = "%11s  %" + width + "s  %" + width + "s%n";
        out.printf(row, "preemptions", "schedules", "losing");
        for (PreemptionCount c : profile.counts()) {
            out.printf(row, c.preemptions(), ExplorerNarration.grouped(c.schedules()),
                    ExplorerNarration.grouped(c.losing()));
        }
        out.println(profile.fewestPreemptionLoss()
                .map(w -> "Fewest preemptions that lose an update: " + w.preemptions() + ", e.g. " + w.schedule())
                .orElse("No schedule loses an update."));
        ExecutionRendering.table(out, profile.executions());
    }

    private static PreemptionProfile profile(RaceConfig config) {
        try {
            return PreemptionProfile.of(config, fraction -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted");
        } catch (OutOfMemoryError e) {
            throw new UserInputException(config.threads() + " threads × " + config.increments()
                    + " increments needs more memory to count preemptions than Java may use here");
        }
    }
}
