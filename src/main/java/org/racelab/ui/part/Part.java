package org.racelab.ui.part;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;

/**
 * One part of the window (stepper, lab, explorer, queue, pool): what the shell needs to show it in a tab, route
 * its keys, export it and dispose of it.
 *
 * <p>The shell knows parts only through this interface, and parts never import each other: adding a part is a new
 * package plus one line in the composition root. The shell calls every method on the JavaFX thread.
 */
public interface Part {

    /** The tab's title, e.g. "Queue". */
    String title();

    /** The digit key (1–9) that shows this part; also its place in the tab strip. */
    int number();

    /** The part's whole view; built on the first call, the same node on every later call. */
    Node view();

    /** The keys this part handles while it is on show; the help lists them under {@link #title()}. */
    default List<PartKey> keys() {
        return List.of();
    }

    /**
     * CSS selectors (usually {@code #id}) of the nodes a teacher needs whole on screen: the fit test checks that
     * each lies inside the window at every screen size and zoom, and that its text is large enough when presenting.
     */
    default List<String> essentials() {
        return List.of();
    }

    /** Called each time the part's tab is selected (and once when the window opens on it). */
    default void shown() {
    }

    /** The node that "Export PNG" snapshots: by default the whole view; a part may pick a larger, whole node. */
    default Node exportNode() {
        return view();
    }

    /** The run as Markdown-friendly text for "Copy run as text", or empty if the part has none. */
    default Optional<String> copyText() {
        return Optional.empty();
    }

    /** How this part saves and opens scenario files, or empty if it has none. */
    default Optional<ScenarioHooks> scenario() {
        return Optional.empty();
    }

    /** Stops the part's background work within 200 ms; called once when the window closes. */
    void dispose();
}
