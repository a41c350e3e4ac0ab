package org.racelab.ui.stepper;

import org.racelab.ui.controls.Stylesheets;

import org.racelab.ui.controls.CounterDisplay;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.TranslateTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.ImageView;
import javafx.scene.transform.Transform;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.racelab.model.MachineState;
import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;
import org.racelab.model.Step;

/**
 * The stepper screen: the teacher plays the scheduler. Lanes per thread around the big shared counter, the
 * narration, the Slide-8-style timeline and the controls; it only binds to a {@link StepperViewModel}.
 */
public final class StepperView extends BorderPane {

    private static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass HELD = PseudoClass.getPseudoClass("held");
    private static final Duration FLY = Duration.millis(320);
    /** At about 1920×1080 the stepper uses a larger type (see .roomy in stepper-view.css). */
    private static final double ROOMY_WIDTH = 1500;
    private static final double ROOMY_HEIGHT = 950;

    private final StepperViewModel vm;
    private final List<ThreadLane> lanes = new ArrayList<>();
    private final HBox lanesRow = new HBox();
    private final VBox centerColumn = new VBox();
    private final CounterDisplay counter = new CounterDisplay();
    private final Label lockState = new Label();
    private final Label narration = new Label();
    private final Label expected = new Label();
    private final Label actual = new Label();
    private final Label lost = new Label();
    private final VBox lostBox;
    private final HBox summaryRow = new HBox();
    private final VBox summaryColumn = new VBox();
    private final TimelineGrid timeline = new TimelineGrid();
    private final TimelineStrip timelineStrip = new TimelineStrip(timeline);
    private final BorderPane layout = new BorderPane();
    private final SlideFit fit = new SlideFit(layout);
    private final Pane overlay = new Pane();
    private TranslateTransition flying;
    private RaceConfig shownConfig;
    private Label token;

    public StepperView(StepperViewModel viewModel) {
        this.vm = viewModel;
        getStyleClass().add("stepper-view");
        getStylesheets().add(Stylesheets.url(StepperView.class, "stepper-view.css"));
        setId("stepper-view");

        StepperControls controls = new StepperControls(vm, this);
        layout.setTop(controls.top());

        counter.setId("counter");
        lockState.getStyleClass().add("lock-state");
        lockState.setId("lock-state");
        expected.setId("summary-expected");
        actual.setId("summary-actual");
        lost.setId("summary-lost");
        VBox expectedBox = summaryBox("expected", expected);
        VBox actualBox = summaryBox("actual", actual);
        lostBox = summaryBox("lost", lost);
        lostBox.getStyleClass().add("lost-box");
        summaryRow.getChildren().setAll(expectedBox, actualBox, lostBox);
        summaryRow.getStyleClass().add("summary");
        summaryRow.setAlignment(Pos.CENTER);
        summaryColumn.getStyleClass().addAll("summary", "summary-column");
        summaryColumn.setAlignment(Pos.CENTER);
        centerColumn.getChildren().addAll(counter, lockState, summaryRow);
        centerColumn.getStyleClass().add("center-column");
        centerColumn.setAlignment(Pos.TOP_CENTER);
        centerColumn.setMinWidth(Region.USE_PREF_SIZE);

        narration.getStyleClass().add("narration");
        narration.setId("narration");
        narration.setWrapText(true);
        narration.setMaxWidth(Double.MAX_VALUE);
        narration.setMinHeight(Region.USE_PREF_SIZE);

        lanesRow.getStyleClass().add("lanes");
        VBox.setVgrow(lanesRow, Priority.ALWAYS);

        timelineStrip.getStyleClass().add("timeline-scroll");

        VBox stage = new VBox(narration, lanesRow, timelineStrip);
        stage.getStyleClass().add("stage");
        overlay.setMouseTransparent(true);
        overlay.setManaged(true);
        overlay.getStyleClass().add("fly-overlay");
        StackPane center = new StackPane(stage, overlay);
        layout.setCenter(center);
        layout.setBottom(controls.scheduleBar());
        // Everything the teacher needs stays whole on any screen and zoom: the layout scales down like a slide
        // when the window is smaller than it needs.
        setCenter(fit);

        // One snapshot per action: lanes, counter, summary and timeline update from it, then the narration.
        vm.snapshotProperty().addListener((o, a, snap) -> {
            show(snap);
            onFeedback(snap.feedback());
        });
        vm.codeViewProperty().addListener((o, a, b) -> refreshLanes(vm.getSnapshot()));
        narration.setText(vm.getSnapshot().feedback().text());
        show(vm.getSnapshot());
        // On a big screen everything grows, so the back row can read it; zoom still scales on top of this.
        widthProperty().addListener((o, a, b) -> fitToScreen());
        heightProperty().addListener((o, a, b) -> fitToScreen());
    }

    // ---- building ----------------------------------------------------------------------------------------------

    private static VBox summaryBox(String caption, Label value) {
        Label c = new Label(caption);
        c.getStyleClass().add("summary-caption");
        value.getStyleClass().add("summary-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(c, value);
        box.getStyleClass().add("summary-box");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    // ---- updating ----------------------------------------------------------------------------------------------

    private void rebuildLanes(RaceConfig config) {
        finishFlight();
        lanes.forEach(ThreadLane::dispose);
        lanes.clear();
        shownConfig = config;
        int n = config.threads();
        for (int i = 0; i < n; i++) {
            int index = i;
            lanes.add(new ThreadLane(i, () -> vm.step(index)));
        }
        // Three or four lanes share the width with the counter: the CSS makes them denser.
        lanesRow.getStyleClass().removeAll("dense", "few");
        boolean dense = n >= 3;
        lanesRow.getStyleClass().add(dense ? "dense" : "few");
        getStyleClass().remove("few");
        if (!dense) {
            getStyleClass().add("few");
        }
        // Dense lanes need the width: the summary stacks under the counter instead of beside each other.
        var boxes = new ArrayList<Node>(dense ? summaryRow.getChildren() : summaryColumn.getChildren());
        if (!boxes.isEmpty()) {
            (dense ? summaryColumn : summaryRow).getChildren().setAll(boxes);
            centerColumn.getChildren().set(2, dense ? summaryColumn : summaryRow);
        }
        int left = (n + 1) / 2;
        lanesRow.getChildren().setAll(lanes.subList(0, left));
        lanesRow.getChildren().add(centerColumn);
        lanesRow.getChildren().addAll(lanes.subList(left, n));
    }

    private void fitToScreen() {
        boolean roomy = getWidth() >= ROOMY_WIDTH && getHeight() >= ROOMY_HEIGHT;
        if (roomy != getStyleClass().contains("roomy")) {
            if (roomy) {
                getStyleClass().add("roomy");
            } else {
                getStyleClass().remove("roomy");
            }
        }
    }

    /** Shows a snapshot: lanes (rebuilt for a new run), counter, lock, summary and the timeline. */
    private void show(StepperSnapshot snap) {
        if (!snap.config().equals(shownConfig)) {
            rebuildLanes(snap.config());
        }
        refreshLanes(snap);
        MachineState s = snap.state();
        counter.setValue(s.counter());
        boolean held = s.lockHolder() != MachineState.FREE;
        lockState.setVisible(s.config().lock());
        lockState.setText(held ? "lock: held by " + RaceConfig.threadName(s.lockHolder()) : "lock: free");
        lockState.pseudoClassStateChanged(HELD, held);
        expected.setText(String.valueOf(s.expected()));
        actual.setText(String.valueOf(s.counter()));
        lost.setText(String.valueOf(s.lost()));
        lostBox.pseudoClassStateChanged(LOST, s.lost() > 0);
        if (timeline.show(snap.config(), snap.steps())) {
            timelineStrip.followNewest();
        }
    }

    private void refreshLanes(StepperSnapshot snap) {
        for (int i = 0; i < lanes.size(); i++) {
            lanes.get(i).show(snap.state(), vm.codeViewProperty().get(), snap.nextQueuedThread() == i);
        }
    }

    private void onFeedback(Feedback f) {
        narration.setText(f.text());
        narration.pseudoClassStateChanged(LOST, f.kind() == Feedback.Kind.LOST
                || f.kind() == Feedback.Kind.INFO && vm.getState().lost() > 0 && vm.getState().complete());
        narration.pseudoClassStateChanged(REFUSED, f.kind() == Feedback.Kind.REFUSED);
        finishFlight();
        switch (f.kind()) {
            case STEP, LOST -> animate(f.step());
            case REFUSED -> {
                if (f.thread() >= 0 && f.thread() < lanes.size()) {
                    lanes.get(f.thread()).flash(false);
                }
            }
            default -> counter.clearLost();
        }
    }

    private void animate(Step step) {
        if (step == null || step.threadIndex() >= lanes.size()) {
            return;
        }
        ThreadLane lane = lanes.get(step.threadIndex());
        if (step.op() == MicroOp.STORE) {
            if (step.stale()) {
                counter.flashLost();
                lane.flash(true);
            } else {
                counter.flashChanged();
            }
            fly(String.valueOf(step.counter()), lane.registerNode(), counter, step);
        } else if (step.op() == MicroOp.LOAD) {
            fly(String.valueOf(step.register()), counter, lane.registerNode(), step);
        }
    }

    /** Moves a value token from one node to another; a new step finishes the previous flight at once. */
    private void fly(String value, Node from, Node to, Step step) {
        if (getScene() == null) {
            return;
        }
        Point2D a = centre(from);
        Point2D b = centre(to);
        if (a == null || b == null) {
            return;
        }
        token = new Label(value);
        token.getStyleClass().addAll("fly-token", "thread-" + Character.toLowerCase(step.thread()));
        if (step.stale()) {
            token.getStyleClass().add("lost");
        }
        overlay.getChildren().add(token);
        token.applyCss();
        token.autosize();
        token.relocate(a.getX() - token.getWidth() / 2, a.getY() - token.getHeight() / 2);
        flying = new TranslateTransition(FLY, token);
        flying.setToX(b.getX() - a.getX());
        flying.setToY(b.getY() - a.getY());
        Label mine = token;
        flying.setOnFinished(e -> overlay.getChildren().remove(mine));
        flying.play();
    }

    private Point2D centre(Node n) {
        if (n.getScene() == null) {
            return null;
        }
        Bounds sceneBounds = n.localToScene(n.getBoundsInLocal());
        Point2D p = overlay.sceneToLocal(sceneBounds.getCenterX(), sceneBounds.getCenterY());
        return p;
    }

    private void finishFlight() {
        if (flying != null) {
            flying.stop();
            flying = null;
        }
        overlay.getChildren().clear();
        token = null;
    }

    /**
     * What "Export PNG" renders: the stepper as on screen, but with the whole timeline (every step, not only the
     * columns scrolled into view), drawn in a scene of its own so the window is not disturbed.
     */
    Node exportNode() {
        Scene scene = getScene();
        if (scene == null || timeline.config() == null || getWidth() <= 0) {
            return this;
        }
        Bounds strip = sceneToLocal(timelineStrip.localToScene(timelineStrip.getBoundsInLocal()));
        TimelineGrid whole = new TimelineGrid();
        whole.show(timeline.config(), timeline.steps());
        StackPane wholeBox = new StackPane(whole);
        wholeBox.getStyleClass().addAll("timeline-scroll", "timeline-export");
        wholeBox.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(part(0, strip.getMinY()), wholeBox, part(strip.getMaxY(), getHeight()));
        page.getStyleClass().addAll("stepper-view", "stepper-export");
        page.getStylesheets().setAll(getStylesheets());
        Scene exportScene = new Scene(page);
        exportScene.getStylesheets().setAll(scene.getStylesheets());
        page.applyCss();
        page.layout();
        return page;
    }

    /** A crisp (2×) picture of the rows {@code fromY} to {@code toY} of this view, shown at its size. */
    private ImageView part(double fromY, double toY) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(2, 2));
        p.setViewport(new Rectangle2D(0, fromY * 2, getWidth() * 2, Math.max(1, (toY - fromY) * 2)));
        ImageView image = new ImageView(snapshot(p, null));
        image.setFitWidth(getWidth());
        image.setPreserveRatio(true);
        return image;
    }

    /** The factor the stepper is drawn at: 1 when it fits the window unscaled, less when it is scaled to fit. */
    double fitFactor() {
        return fit.factor();
    }

    /** The view-model this view shows. */
    public StepperViewModel viewModel() {
        return vm;
    }

    /** Stops animations and auto-play; called when the window closes. */
    public void dispose() {
        finishFlight();
        lanes.forEach(ThreadLane::dispose);
        vm.dispose();
    }
}
