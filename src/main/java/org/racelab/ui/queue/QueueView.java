package org.racelab.ui.queue;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.racelab.ui.controls.Stylesheets;
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
    private final ToggleButton stepMode = new ToggleButton("Step by hand");
    private final ToggleButton runMode = new ToggleButton("Run for real");

    public QueueView(QueueViewModel step, QueueRunViewModel run) {
        this.step = step;
        this.run = run;
        getStyleClass().add("queue-view");
        setId("queue-view");
        getStylesheets().add(Stylesheets.url(QueueView.class, STYLESHEET));
        QueueStepPane stepPane = new QueueStepPane(step);
        QueueRunPane runPane = new QueueRunPane(run);
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
        runScroll.visibleProperty().bind(runMode.selectedProperty());
        Label title = new Label("Queue: producers → q → consumers (Slides 9–10)");
        title.getStyleClass().add("queue-heading");
        // The mode switch keeps its words; the heading gives way first when the line is short.
        stepMode.setMinWidth(Region.USE_PREF_SIZE);
        runMode.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        HBox top = new HBox(stepMode, runMode, title);
        top.getStyleClass().add("queue-top");
        top.setAlignment(Pos.CENTER_LEFT);
        probe.setManaged(false);
        probe.setVisible(false);
        getChildren().add(probe);
        setTop(top);
        setCenter(body);
        sceneProperty().addListener((o, a, scene) -> attach(scene));
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
        scene.heightProperty().addListener((o, a, b) -> fitType(scene));
        scene.rootProperty().addListener((o, a, root) -> watch(scene, root));
        watch(scene, scene.getRoot());
    }

    private void watch(Scene scene, Parent root) {
        if (root == null) {
            return;
        }
        root.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c -> fitType(scene));
        probe.fontProperty().addListener((o, a, b) -> fitType(scene));
        fitType(scene);
    }

    /** Presenting: type from the screen's height, scaled by the zoom; otherwise the root's em as everywhere. */
    private void fitType(Scene scene) {
        Parent root = scene.getRoot();
        boolean presenting = root != null && root.getPseudoClassStates().contains(PRESENTATION);
        // The shell hides secondary controls when presenting; alone (tests, screenshots) the part does it itself.
        for (Node n : lookupAll("." + PartStyle.SECONDARY)) {
            if (!n.visibleProperty().isBound() && !n.managedProperty().isBound()) {
                n.setVisible(!presenting);
                n.setManaged(!presenting);
            }
        }
        if (!presenting) {
            body.setStyle("");
            getTop().setStyle("");
            return;
        }
        double zoom = probe.getFont().getSize() / PRESENTING_ROOT_PX;
        double px = Math.max(scene.getHeight() * PRESENTING_FONT_SHARE * zoom, probe.getFont().getSize());
        String style = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px);
        body.setStyle(style);
        getTop().setStyle(style);
    }

    /** Stops the frame timer; the run's threads are stopped by the run view-model's dispose. */
    public void dispose() {
        timer.stop();
    }
}
