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
 *
 * <p><b>Fitting the screen (issue #11).</b> At 1024×768 up to 2560×1440, windowed and presenting, at every zoom
 * from 75 % to 250 %, every node in {@link #essentials()} must lie whole inside the window, unclipped, and show its
 * text without an ellipsis; presenting, its text must be at least {@link #MIN_TEXT_SHARE} of the screen height.
 * The shell's {@code PartFitTest} checks this for every part of the composition root. A part meets it in one of
 * two ways, chosen by {@link #fit()}:
 * <ul>
 *   <li>{@link Fit#REFLOW} (default): the part's own layout reflows (wraps, folds secondary settings, grows
 *       charts); up to 150 % nothing may need scrolling; above it, content may scroll in a ScrollPane as long as
 *       the labels that explain it (row and axis labels) stay in view.</li>
 *   <li>{@link Fit#SCALE_TO_SCREEN}: while presenting, the shell lays the view out at its minimum size and scales
 *       it down uniformly to fit the part's area, like a slide; it never scales so far that the view's smallest
 *       visible text falls below {@link #MIN_TEXT_SHARE} of the screen height. Windowed, the view is shown as
 *       it is. The part declares a meaningful {@code minWidth}/{@code minHeight} (the size below which it cannot
 *       reflow) and keeps its text in em, so the zoom still changes the reading size inside the slide.</li>
 * </ul>
 */
public interface Part {

    /** Presenting, the smallest text a student must read, as a share of the screen height (27 px at 1080 rows). */
    double MIN_TEXT_SHARE = 0.025;

    /** How the shell fits a part's view to the screen when presenting; see the interface's javadoc. */
    enum Fit {
        /** The part reflows or scrolls by itself. */
        REFLOW,
        /** The shell scales the part's whole layout down to fit the screen when presenting, text kept legible. */
        SCALE_TO_SCREEN
    }

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

    /** How this part fits the screen when presenting: by default it reflows by itself. */
    default Fit fit() {
        return Fit.REFLOW;
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
