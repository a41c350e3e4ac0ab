package org.racelab.ui.stepper;

import org.racelab.ui.controls.Stylesheets;
import org.racelab.ui.controls.ThreadBadges;
import org.racelab.ui.part.PartStyle;

import org.racelab.ui.controls.CounterDisplay;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.TranslateTransition;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.ToggleSwitch;
import org.racelab.model.CodeView;
import org.racelab.model.MachineState;
import org.racelab.model.MicroOp;
import org.racelab.model.Preset;
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
    private final GridPane timeline = new GridPane();
    private final ScrollPane timelineScroll = new ScrollPane(timeline);
    private final Pane overlay = new Pane();
    private TranslateTransition flying;
    private Label token;

    public StepperView(StepperViewModel viewModel) {
        this.vm = viewModel;
        getStyleClass().add("stepper-view");
        getStylesheets().add(Stylesheets.url(StepperView.class, "stepper-view.css"));
        setId("stepper-view");

        setTop(controls());

        counter.setId("counter");
        counter.valueProperty().bind(Bindings.createIntegerBinding(() -> vm.getState().counter(), vm.stateProperty()));
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

        timeline.getStyleClass().add("timeline");
        timeline.setId("timeline");
        timelineScroll.getStyleClass().add("timeline-scroll");
        timelineScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        timelineScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        timelineScroll.setFitToHeight(true);
        timelineScroll.setMinHeight(Region.USE_PREF_SIZE);
        timeline.widthProperty().addListener((o, a, b) -> timelineScroll.setHvalue(timelineScroll.getHmax()));

        VBox stage = new VBox(narration, lanesRow, timelineScroll);
        stage.getStyleClass().add("stage");
        overlay.setMouseTransparent(true);
        overlay.setManaged(true);
        overlay.getStyleClass().add("fly-overlay");
        StackPane center = new StackPane(stage, overlay);
        setCenter(center);
        setBottom(scheduleBar());

        vm.configProperty().addListener((o, a, b) -> rebuildLanes());
        vm.stateProperty().addListener((o, a, b) -> refresh());
        vm.codeViewProperty().addListener((o, a, b) -> refresh());
        vm.aheadProperty().addListener((o, a, b) -> refresh());
        vm.feedbackProperty().addListener((o, a, f) -> onFeedback(f));
        narration.setText(vm.getFeedback() == null ? "" : vm.getFeedback().text());
        rebuildLanes();
        // On a big screen everything grows, so the back row can read it; zoom still scales on top of this.
        widthProperty().addListener((o, a, b) -> fitToScreen());
        heightProperty().addListener((o, a, b) -> fitToScreen());
    }

    // ---- building ----------------------------------------------------------------------------------------------

    private Node controls() {
        ComboBox<Preset> presets = new ComboBox<>();
        presets.getItems().setAll(Preset.values());
        presets.setPromptText("Presets…");
        presets.setId("presets");
        presets.getStyleClass().add("preset-box");
        presets.setOnAction(e -> {
            Preset p = presets.getValue();
            if (p != null) {
                vm.loadPreset(p);
            }
        });
        tip(presets, "Load a ready-made race from the lecture, its schedule queued to be stepped");

        Spinner<Integer> threads = new Spinner<>(StepperViewModel.MIN_THREADS, StepperViewModel.MAX_THREADS,
                vm.threadsProperty().get());
        threads.setId("threads");
        threads.getStyleClass().add("small-spinner");
        vm.threadsProperty().addListener((o, a, b) -> threads.getValueFactory().setValue(b.intValue()));
        threads.valueProperty().addListener((o, a, b) -> vm.threadsProperty().set(b));
        tip(threads, "How many threads run count += 1 (2 to 4); changing it starts a new run");

        Spinner<Integer> increments = new Spinner<>(StepperViewModel.MIN_INCREMENTS, StepperViewModel.MAX_INCREMENTS,
                vm.incrementsProperty().get());
        increments.setId("increments");
        increments.getStyleClass().add("small-spinner");
        vm.incrementsProperty().addListener((o, a, b) -> increments.getValueFactory().setValue(b.intValue()));
        increments.valueProperty().addListener((o, a, b) -> vm.incrementsProperty().set(b));
        tip(increments, "How many times each thread runs count += 1 (1 to 5)");

        TextField start = new TextField();
        start.setId("start");
        start.getStyleClass().add("start-field");
        start.textProperty().bindBidirectional(vm.startTextProperty());
        start.setOnAction(e -> {
            vm.commitStart();
            if (vm.startErrorProperty().get().isEmpty()) {
                requestFocus();
            }
        });
        start.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.commitStart();
            }
        });
        tip(start, "The counter's start value, " + RaceConfig.MIN_START + " to " + RaceConfig.MAX_START
                + " (Enter applies it and starts a new run)");
        Label startError = new Label();
        startError.setId("start-error");
        startError.getStyleClass().add("input-error");
        startError.textProperty().bind(vm.startErrorProperty());
        startError.visibleProperty().bind(vm.startErrorProperty().isNotEmpty());
        startError.managedProperty().bind(startError.visibleProperty());
        startError.setWrapText(true);
        startError.setMinWidth(0);

        ToggleSwitch lock = new ToggleSwitch("Lock");
        lock.setId("lock-switch");
        lock.selectedProperty().bindBidirectional(vm.lockProperty());
        tip(lock, "Hold a lock around each count += 1 (key L); toggling restarts with the same settings");

        ComboBox<CodeView> codeView = new ComboBox<>();
        codeView.getItems().setAll(CodeView.values());
        codeView.valueProperty().bindBidirectional(vm.codeViewProperty());
        codeView.setId("code-view");
        codeView.getStyleClass().add("code-view-box");
        codeView.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(CodeView item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.shortTitle());
            }
        });
        tip(codeView, "Show the code as plain steps, Python bytecode or JVM bytecode: the same three micro-ops");

        HBox setup = new HBox(presets, sep(), label("Threads"), threads, label("Increments"),
                increments, label("Start"), start, startError, sep(), lock, sep(), label("Code"), codeView);
        // Settings are not needed while stepping: presentation mode hides them (see PartStyle.SECONDARY).
        setup.getStyleClass().addAll("toolbar-row", "setup-row", PartStyle.SECONDARY);
        setup.setId("setup-row");
        setup.setAlignment(Pos.CENTER_LEFT);

        Button undo = button("Undo", "undo", "Take back the last step (Ctrl+Z)", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("Redo", "redo", "Take the next step again, or the next queued step (Ctrl+Y)", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button reset = button("Reset", "reset", "Back to step 0 with the same settings (R)", vm::reset);
        Button random = button("Random step", "random-step", "One step of a thread picked by the seeded scheduler "
                + "(Right arrow)", vm::stepRandom);
        Button play = button("Play", "play", "Auto-play random steps at the chosen speed (Space)", vm::togglePlay);
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Play"));
        Slider speed = new Slider(StepperViewModel.MIN_SPEED, StepperViewModel.MAX_SPEED, vm.speedProperty().get());
        speed.setId("speed");
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.getStyleClass().add("speed-slider");
        tip(speed, "Auto-play speed in steps per second");
        Label speedText = new Label();
        speedText.textProperty().bind(Bindings.format("%.1f/s", vm.speedProperty()));
        speedText.getStyleClass().add("speed-text");
        speedText.setMinWidth(Region.USE_PREF_SIZE);
        TextField seed = new TextField();
        seed.setId("seed");
        seed.getStyleClass().add("seed-field");
        seed.textProperty().bindBidirectional(vm.seedTextProperty());
        seed.setOnAction(e -> {
            vm.applySeedText();
            if (vm.seedErrorProperty().get().isEmpty()) {
                requestFocus();
            }
        });
        seed.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.applySeedText();
            }
        });
        tip(seed, "The random scheduler's seed: the same seed from step 0 gives the same run (Enter applies)");
        Button newSeed = button("New seed", "new-seed", "Pick a fresh random seed", vm::newSeed);
        Label seedError = new Label();
        seedError.getStyleClass().add("input-error");
        seedError.textProperty().bind(vm.seedErrorProperty());
        seedError.visibleProperty().bind(vm.seedErrorProperty().isNotEmpty());
        seedError.managedProperty().bind(seedError.visibleProperty());
        Button finish = button("Run to end", "run-to-end", "Run every remaining step at once (queued steps first)",
                vm::runToCompletion);

        HBox playRow = new HBox(undo, redo, reset, sep(), random, play, speed, speedText, label("Seed"), seed,
                seedError, newSeed, sep(), finish);
        playRow.getStyleClass().addAll("toolbar-row", "play-row");
        playRow.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(setup, playRow);
        box.getStyleClass().add("stepper-controls");
        return box;
    }

    private Node scheduleBar() {
        TextField text = new TextField();
        text.setId("schedule-field");
        text.setPromptText("e.g. ABBBAA");
        text.getStyleClass().add("schedule-field");
        text.textProperty().bindBidirectional(vm.scheduleTextProperty());
        text.setOnAction(e -> replayTyped());
        tip(text, "Type or paste a schedule (one letter per micro-step) and press Enter or Replay");
        HBox.setHgrow(text, Priority.SOMETIMES);
        Button replay = button("Replay", "replay", "Load this schedule at step 0, ready to step or run",
                this::replayTyped);
        Button copy = button("Copy schedule", "copy-schedule", "Copy the schedule of the steps taken so far",
                () -> copy(vm.currentSchedule().letters()));
        Button copyRun = button("Copy run as text", "copy-run",
                "Copy the schedule, the timeline as a Markdown table and the summary, for lecture notes",
                () -> copy(vm.runAsText()));
        Label taken = new Label();
        taken.setId("schedule-taken");
        taken.getStyleClass().add("schedule-taken");
        taken.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = vm.scheduleProperty().get();
            String ahead = vm.aheadProperty().get();
            return "Steps: " + (s.isEmpty() ? "—" : s) + (ahead.isEmpty() ? "" : "   next: " + ahead);
        }, vm.scheduleProperty(), vm.aheadProperty()));
        taken.setMinWidth(0);
        HBox.setHgrow(taken, Priority.ALWAYS);
        taken.setMaxWidth(Double.MAX_VALUE);
        Label error = new Label();
        error.setId("schedule-error");
        error.getStyleClass().add("input-error");
        error.textProperty().bind(vm.scheduleErrorProperty());
        error.visibleProperty().bind(vm.scheduleErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        HBox row = new HBox(label("Schedule"), text, replay, error, copy, copyRun, taken);
        row.getStyleClass().addAll("toolbar-row", "schedule-row", PartStyle.SECONDARY);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Replays the typed schedule; if it is good, the keys step it at once (focus leaves the field). */
    private void replayTyped() {
        vm.replayScheduleText();
        if (vm.scheduleErrorProperty().get().isEmpty()) {
            requestFocus();
        }
    }

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

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("control-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Region sep() {
        Region r = new Region();
        r.getStyleClass().add("toolbar-gap");
        return r;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        tip(b, tip);
        return b;
    }

    private static void tip(Control c, String text) {
        c.setTooltip(new Tooltip(text));
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    // ---- updating ----------------------------------------------------------------------------------------------

    private void rebuildLanes() {
        finishFlight();
        lanes.forEach(ThreadLane::dispose);
        lanes.clear();
        int n = vm.configProperty().get().threads();
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
        refresh();
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

    private void refresh() {
        MachineState s = vm.getState();
        if (lanes.size() != s.threadCount()) {
            return;
        }
        String ahead = vm.aheadProperty().get();
        for (int i = 0; i < lanes.size(); i++) {
            lanes.get(i).show(s, vm.codeViewProperty().get(), !ahead.isEmpty() && ahead.charAt(0) - 'A' == i);
        }
        boolean held = s.lockHolder() != MachineState.FREE;
        lockState.setVisible(s.config().lock());
        lockState.setText(held ? "lock: held by " + RaceConfig.threadName(s.lockHolder()) : "lock: free");
        lockState.pseudoClassStateChanged(HELD, held);
        expected.setText(String.valueOf(s.expected()));
        actual.setText(String.valueOf(s.counter()));
        lost.setText(String.valueOf(s.lost()));
        lostBox.pseudoClassStateChanged(LOST, s.lost() > 0);
        rebuildTimeline();
    }

    private void rebuildTimeline() {
        timeline.getChildren().clear();
        RaceConfig c = vm.configProperty().get();
        Label stepHeader = cell("step", "timeline-header");
        timeline.add(stepHeader, 0, 0);
        for (int t = 0; t < c.threads(); t++) {
            Label badge = ThreadBadges.badge(t);
            badge.getStyleClass().add("timeline-badge");
            timeline.add(badge, 0, t + 1);
        }
        timeline.add(cell("count", "timeline-header"), 0, c.threads() + 1);
        timeline.add(cell("0", "timeline-header"), 1, 0);
        timeline.add(cell(String.valueOf(c.start()), "timeline-count"), 1, c.threads() + 1);
        List<Step> steps = vm.stepsProperty();
        for (Step s : steps) {
            int col = s.index() + 1;
            timeline.add(cell(String.valueOf(s.index()), "timeline-header"), col, 0);
            for (int t = 0; t < c.threads(); t++) {
                if (t == s.threadIndex()) {
                    Label l = cell(s.cell(), "timeline-cell");
                    l.getStyleClass().addAll("thread-" + Character.toLowerCase(s.thread()), "op-" + s.op().label());
                    if (s.stale()) {
                        l.setText(s.cell() + "\nLOST");
                        l.getStyleClass().add("lost");
                        l.setId("timeline-lost-" + s.index());
                    }
                    timeline.add(l, col, t + 1);
                } else {
                    timeline.add(cell("", "timeline-empty"), col, t + 1);
                }
            }
            Label count = cell(String.valueOf(s.counter()), "timeline-count");
            if (s.stale()) {
                count.getStyleClass().add("lost");
            }
            timeline.add(count, col, c.threads() + 1);
        }
        timelineScroll.layout();
        timelineScroll.setHvalue(timelineScroll.getHmax());
    }

    private static Label cell(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        return l;
    }

    private void onFeedback(StepperViewModel.Feedback f) {
        narration.setText(f.text());
        narration.pseudoClassStateChanged(LOST, f.kind() == StepperViewModel.Feedback.Kind.LOST
                || f.kind() == StepperViewModel.Feedback.Kind.INFO && vm.getState().lost() > 0
                && vm.getState().complete());
        narration.pseudoClassStateChanged(REFUSED, f.kind() == StepperViewModel.Feedback.Kind.REFUSED);
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
