package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.racelab.model.explore.ExecutionSummary;
import org.racelab.model.explore.Executions;

/** Renders a race's really different executions for {@code explore}'s JSON and table. */
final class ExecutionRendering {

    private ExecutionRendering() {
    }

    /**
     * Adds {@code "executions":{"count":4,"losing":2}}, or {@code "executions":null} with
     * {@code "executionsNotCounted":"<reason>"}.
     */
    static void addJson(ObjectNode root, ExecutionSummary summary) {
        if (summary.executions().isPresent()) {
            Executions e = summary.executions().get();
            ObjectNode n = root.putObject("executions");
            n.put("count", e.count());
            n.put("losing", e.losing());
        } else {
            root.putNull("executions");
            root.put("executionsNotCounted", summary.notCounted());
        }
    }

    /** Prints the one line below the outcome table. */
    static void table(PrintWriter out, ExecutionSummary summary) {
        out.println(summary.sentence());
    }
}
