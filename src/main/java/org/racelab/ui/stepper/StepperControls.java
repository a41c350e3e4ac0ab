package org.racelab.ui.stepper;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;
import org.racelab.model.CodeView;
import org.racelab.model.Preset;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;
import org.racelab.ui.part.PartStyle;

/**
 * The stepper's control rows (settings, play, schedule), bound to a {@link StepperViewModel}. After a field is
 * applied, focus goes back to {@code home} so the thread keys step at once.
 */
final class StepperControls {

    private final StepperViewModel vm;
    private final Node home;

    StepperControls(StepperViewModel vm, Node home) {
        this.vm = vm;
        this.home = home;
    }

    /** The settings row and the play row. */
    Node top() {
        ComboBox<Preset> presets = new ComboBox<>();
        presets.getItems().setAll(Preset.values());
        presets.setPromptText("Presets…");
        presets.setId("presets");
        presets.getStyleClass().add("preset-box");
        presets.setOnAction(e -> {
            Preset p = presets.getValue();
            if (p != null && p != vm.presetProperty().get()) {
                vm.loadPreset(p);
            }
        });
        // A replay or a settings change ends the preset: the box must not go on naming it.
        vm.presetProperty().addListener((o, a, p) -> presets.setValue(p));
        tip(presets, "Load a ready-made race from the lecture, its schedule queued to be stepped");

        Spinner<Integer> threads = new Spinner<>(StepperViewModel.RANGE.minThreads(), StepperViewModel.RANGE.maxThreads(),
                vm.threadsProperty().get());
        threads.setId("threads");
        threads.getStyleClass().add("small-spinner");
        vm.threadsProperty().addListener((o, a, b) -> threads.getValueFactory().setValue(b.intValue()));
        threads.valueProperty().addListener((o, a, b) -> vm.threadsProperty().set(b));
        tip(threads, "How many threads run count += 1 (2 to 4); changing it starts a new run");

        Spinner<Integer> increments = new Spinner<>(StepperViewModel.RANGE.minIncrements(), StepperViewModel.RANGE.maxIncrements(),
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
                home.requestFocus();
            }
        });
        start.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.commitStart();
            }
        });
        tip(start, "The counter's start value, " + StepperViewModel.RANGE.startText()
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

        ComboBox<RaceProgram> program = choice("program", "program-box", RaceProgram.values(),
                vm.programProperty(), RaceProgram::source);
        tip(program, "The loop body each thread runs (key P); changing it starts a new run");
        // The list shows each loop body whole; the closed box a short name that never needs an ellipsis.
        program.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RaceProgram item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item == RaceProgram.SLEEP ? "sleep(0)" : item.source());
            }
        });
        ComboBox<SwitchRule> switches = choice("switches", "switches-box", SwitchRule.values(),
                vm.switchRuleProperty(), r -> r == SwitchRule.ANY ? "any point" : "CPython GIL");
        tip(switches, "Where a thread may be switched out (key G): at any point (the OS, Java, free-threaded "
                + "Python) or only where CPython with the GIL switches (a loop's back-edge, a call, a sleep)");

        HBox setup = new HBox(presets, sep(), label("Threads"), threads, label("Increments"),
                increments, label("Start"), start, startError, sep(), lock, sep(), label("Code"), codeView);
        // Settings are not needed while stepping: presentation mode hides them (see PartStyle.SECONDARY).
        setup.getStyleClass().addAll("toolbar-row", "setup-row", PartStyle.SECONDARY);
        setup.setId("setup-row");
        setup.setAlignment(Pos.CENTER_LEFT);

        Button undo = button("Undo", "undo", "Take back the last step (Ctrl+Z)", vm::undo);
        undo.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.getSnapshot().canUndo(),
                vm.snapshotProperty()));
        Button redo = button("Redo", "redo", "Take the next step again, or the next queued step (Ctrl+Y)", vm::redo);
        redo.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.getSnapshot().canRedo(),
                vm.snapshotProperty()));
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
                home.requestFocus();
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

        Label hint = new Label("Code marks ⇄ where CPython with the GIL may switch threads");
        hint.getStyleClass().add("switch-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        // A row of its own: the settings row has no room left at 1024 pixels, and presenting hides both (P, G).
        HBox programRow = new HBox(label("Program"), program, label("Switches"), switches, sep(), hint);
        programRow.getStyleClass().addAll("toolbar-row", "program-row", PartStyle.SECONDARY);
        programRow.setId("program-row");
        programRow.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(setup, programRow, playRow);
        box.getStyleClass().add("stepper-controls");
        return box;
    }

    /** The schedule row: type or paste a schedule, replay it, copy the run. */
    Node scheduleBar() {
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
            StepperSnapshot snap = vm.getSnapshot();
            String s = snap.schedule();
            String ahead = snap.ahead();
            return "Steps: " + (s.isEmpty() ? "—" : s) + (ahead.isEmpty() ? "" : "   next: " + ahead);
        }, vm.snapshotProperty()));
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
            home.requestFocus();
        }
    }

    /** A combo box bound both ways to {@code value}, naming its items by {@code name}. */
    private static <T> ComboBox<T> choice(String id, String styleClass, T[] items,
            javafx.beans.property.ObjectProperty<T> value, java.util.function.Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.valueProperty().bindBidirectional(value);
        box.setId(id);
        box.getStyleClass().add(styleClass);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
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

    static void tip(Control c, String text) {
        c.setTooltip(new Tooltip(text));
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

}
