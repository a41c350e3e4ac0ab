package org.racelab.ui.queue;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.racelab.ui.controls.FitTriggers;
import org.racelab.ui.controls.Stylesheets;
import org.racelab.ui.controls.TypeSize;
import org.racelab.ui.part.Part;
import org.racelab.ui.part.PartStyle;

/**
 * The queue part: a switch between step mode (the teacher schedules producers, consumers and main by hand) and
 * run mode (real threads, live charts). Built in code, binds to its two view-models; its frame timer is the only
 * clock-driven thing and just calls their {@code pulse()}.
 *
 * <p>When the window's root has the {@code :presentation} pseudo-class, the part sizes its type from the screen's
 * height (at least 2.5 % of it, more at higher zoom), so a student in the back row can read it; everything else
 * is in em and follows.
 */
public final class QueueView extends BorderPane {

    static final String STYLESHEET = "queue-view.css";
    static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    /** Type height as a share of the screen's when presenting at 100 %. */
    static final double PRESENTING_FONT_SHARE = 0.026;
    /** The shell's root font in presentation mode at 100 % (15 px × 1.25). */
    static final double PRESENTING_ROOT_PX = 18.75;
    /** Windowed, the type never shrinks under this to fit (px). */
    static final double MIN_WINDOWED_PX = 11;
    /** Room kept for the step pane's vertical scroll bar, in em. */
    static final double SCROLL_BAR_EM = 1.1;

    private final QueueViewModel step;
    private final QueueRunViewModel run;
    private final StackPane body;
    private final Label probe = new Label();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            step.pulse();
            run.pulse();
        }
    };
    private final QueueStepPane stepPane;
    private final QueueRunPane runPane;
    private final HBox top;
    private final Label heading;
    /** The area and type the view was last fitted for; the fit runs again only when one of them changes. */
    private FitArea fittedArea;
    /** The step pane's story the view was last fitted for: read in step mode only (see fitType). */
    private Story fittedStory;
    private boolean fitting;
    /** Whether the view is presenting, as its fit triggers follow it. */
    private final ReadOnlyBooleanProperty presenting;
    private final ToggleButton stepMode = new ToggleButton("Step by hand");
    private final ToggleButton runMode = new ToggleButton("Run for real");

    public QueueView(QueueViewModel step, QueueRunViewModel run) {
        this.step = step;
        this.run = run;
        getStyleClass().add("queue-view");
        setId("queue-view");
        getStylesheets().add(Stylesheets.url(QueueView.class, STYLESHEET));
        stepPane = new QueueStepPane(step, run.fullSpeedProperty().not());
        runPane = new QueueRunPane(run);
        ScrollPane stepScroll = scroll(stepPane);
        ScrollPane runScroll = scroll(runPane);
        runScroll.setFitToHeight(true);
        body = new StackPane(stepScroll, runScroll);
        body.getStyleClass().add("queue-body");
        ToggleGroup modes = new ToggleGroup();
        stepMode.setToggleGroup(modes);
        runMode.setToggleGroup(modes);
        stepMode.setId("queue-mode-step");
        runMode.setId("queue-mode-run");
        stepMode.setSelected(true);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            }
        });
        stepScroll.visibleProperty().bind(stepMode.selectedProperty());
        stepMode.selectedProperty().addListener((o, a, b) -> requestLayout());
        runScroll.visibleProperty().bind(runMode.selectedProperty());
        runMode.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                run.rehearse();
            }
        });
        Label title = new Label("Queue: producers → q → consumers (Slides 9–10)");
        title.getStyleClass().add("queue-heading");
        // The mode switch keeps its words; the heading gives way first when the line is short.
        stepMode.setMinWidth(Region.USE_PREF_SIZE);
        runMode.setMinWidth(Region.USE_PREF_SIZE);
        // The heading shows whole or not at all (see fitType): an ellipsis would hide what it says.
        title.setMinWidth(Region.USE_PREF_SIZE);
        heading = title;
        top = new HBox(stepMode, runMode, title);
        top.getStyleClass().add("queue-top");
        top.setAlignment(Pos.CENTER_LEFT);
        probe.setManaged(false);
        probe.setVisible(false);
        getChildren().add(probe);
        setTop(top);
        setCenter(body);
        sceneProperty().addListener((o, a, scene) -> attach(scene));
        presenting = FitTriggers.install(this, probe);
    }

    /** What the fit depends on besides the story: the view's area, the zoom's type and the screen's height. */
    private record FitArea(boolean presenting, double width, double height, double rootPx, double sceneHeight) {
    }

    /** What the fit depends on in the step pane: the run on screen, the code's language, the narration's length. */
    private record Story(int traceIdentity, Object language, int narrationLength) {
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.getStyleClass().add("queue-scroll");
        return s;
    }

    /** Shows step mode (true) or run mode (false). */
    public void showStepMode(boolean stepping) {
        (stepping ? stepMode : runMode).setSelected(true);
    }

    public boolean isStepMode() {
        return stepMode.isSelected();
    }

    private void attach(Scene scene) {
        if (scene == null) {
            timer.stop();
            return;
        }
        timer.start();
    }

    /** Any size will do: the type shrinks until the view fits (see the fit in layoutChildren). */
    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        if (!fitting && getScene() != null) {
            fitting = true;
            try {
                fitType(getScene());
            } finally {
                fitting = false;
            }
        }
        super.layoutChildren();
    }

    /**
     * Presenting, the type the zoom asks for is sized from the screen's height (never under 2.5 % of it);
     * windowed, it is the root's em as everywhere. Either way, if the step pane's story (threads, queue, counters,
     * narration, code) or the run pane would not fit the part's area at that size, the type shrinks, like a slide,
     * to the largest size at which it fits: presenting never under the 2.5 % rule, windowed never under half the
     * zoom's size.
     */
    private void fitType(Scene scene) {
        boolean presenting = this.presenting.get();
        double w = getWidth();
        double h = getHeight();
        double rootPx = probe.getFont().getSize();
        FitArea area = new FitArea(presenting, tenths(w), tenths(h), Math.rint(rootPx * 100) / 100,
                tenths(scene.getHeight()));
        // The story is fitted whenever it changes in step mode. In run mode it is not on screen and does not change,
        // and what the run pane shows (counts, the readout) never decides the type: a run's changing text must not
        // lay the whole view out again at several sizes while the cores are busy with the run.
        Story story = isStepMode() || fittedStory == null
                ? new Story(System.identityHashCode(step.trace()), step.languageProperty().get(),
                        step.narrationProperty().get().length())
                : fittedStory;
        if (area.equals(fittedArea) && story.equals(fittedStory) || w <= 0 || h <= 0) {
            return;
        }
        fittedArea = area;
        fittedStory = story;
        // The shell hides secondary controls when presenting; alone (tests, screenshots) the part does it itself.
        for (Node n : lookupAll("." + PartStyle.SECONDARY)) {
            if (!n.visibleProperty().isBound() && !n.managedProperty().isBound()) {
                n.setVisible(!presenting);
                n.setManaged(!presenting);
            }
        }
        double wished = presenting
                ? Math.max(scene.getHeight() * PRESENTING_FONT_SHARE * Math.max(1, rootPx / PRESENTING_ROOT_PX), rootPx)
                : rootPx;
        double floor = presenting ? scene.getHeight() * Part.MIN_TEXT_SHARE + 0.1
                : Math.min(wished, Math.max(MIN_WINDOWED_PX, wished / 2));
        double px = TypeSize.largestFitting(wished, floor, size -> fits(size, w, h));
        apply(presenting || px != rootPx ? px : -1);
        applyCss();
        boolean room = top.getChildren().stream().filter(n -> n != heading)
                .mapToDouble(n -> n.prefWidth(-1) + top.getSpacing()).sum() + heading.prefWidth(-1)
                + top.snappedLeftInset() + top.snappedRightInset() <= w;
        heading.setVisible(room);
        heading.setManaged(room);
    }

    private static double tenths(double px) {
        return Math.rint(px * 10) / 10;
    }

    /**
     * True if, with type of {@code px}, the mode switch and both the step pane's story and the run pane fit a
     * {@code w}×{@code h} area.
     */
    private boolean fits(double px, double w, double h) {
        apply(px);
        applyCss();
        if (stepMode.prefWidth(-1) + runMode.prefWidth(-1) + top.getSpacing() + top.snappedLeftInset()
                + top.snappedRightInset() > w) {
            return false;
        }
        double topH = top.prefHeight(w);
        // The step pane scrolls its code listings: keep room for the scroll bar beside it.
        double paneW = w - SCROLL_BAR_EM * px;
        if (stepPane.minWidth(-1) > paneW) {
            return false;
        }
        // One type for both modes, fitted once per area: switching modes never lays the view out again, and the run
        // pane's settings, chart, rows and readout stay on screen without scrolling.
        return topH + stepPane.storyHeight(paneW) <= h && topH + runPane.neededHeight(paneW) <= h;
    }

    private void apply(double px) {
        String style = px < 0 ? "" : String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px);
        if (!style.equals(body.getStyle())) {
            body.setStyle(style);
            top.setStyle(style);
        }
    }

    /** Stops the frame timer; the run's threads are stopped by the run view-model's dispose. */
    public void dispose() {
        timer.stop();
    }
}
