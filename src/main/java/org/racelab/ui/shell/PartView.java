package org.racelab.ui.shell;

import org.racelab.model.scenario.Scenario;

import java.util.Optional;
import javafx.scene.Node;

/**
 * What the window asks of the part on show (stepper, lab, explorer) for its File menu: the node to export as PNG,
 * the run as text for "Copy run as text", and the scenario to open and save.
 *
 * <p>A part's view implements this (or MainView wraps it in an adapter); every method has a sensible default so a
 * part only implements what it has.
 */
public interface PartView {

    /** The part's whole view, shown in its tab. */
    Node node();

    /** The node that "Export PNG" snapshots: by default the whole part; a part may pick its chart or lanes. */
    default Node exportNode() {
        return node();
    }

    /** The run as Markdown-friendly text (schedule, timeline table, summary), or empty if the part has none. */
    default Optional<String> copyText() {
        return Optional.empty();
    }

    /** The scenario to save, or empty if this part has none (then "Save scenario" uses the stepper's). */
    default Optional<Scenario> currentScenario() {
        return Optional.empty();
    }

    /**
     * Loads a scenario, replacing what the part shows; returns false if it has no use for scenarios.
     *
     * @throws IllegalArgumentException with a readable message when the schedule cannot be replayed (a blocked or
     *         finished thread); the part must then be left unchanged
     */
    default boolean openScenario(Scenario scenario) {
        return false;
    }

    /** Stops the part's background work; called once when the window closes. */
    default void dispose() {
    }

    /** A part that is only a node: exported as a whole, no text, no scenario. */
    static PartView of(Node node) {
        return () -> node;
    }
}
