package org.racelab.ui.stepper;

import org.racelab.ui.controls.ThreadBadges;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.racelab.model.CodeView;
import org.racelab.model.MachineState;
import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.ThreadStatus;

/** One thread's lane in the stepper: its letter, status, code with the next micro-op marked, register and button. */
final class ThreadLane extends VBox {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass NEXT = PseudoClass.getPseudoClass("next");
    private static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass HOLDS_LOCK = PseudoClass.getPseudoClass("holds-lock");
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    private final int index;
    private final char letter;
    private final Label status = new Label();
    private final VBox code = new VBox();
    private final List<Label> codeLines = new ArrayList<>();
    private final List<MicroOp> codeOps = new ArrayList<>();
    private final Label register = new Label();
    private final Label progress = new Label();
    private final Button stepButton;
    private final PauseTransition unflash = new PauseTransition(Duration.millis(2200));
    private CodeView shownView;
    private RaceConfig shownConfig;
    private RaceProgram shownProgram;

    ThreadLane(int index, Runnable onStep) {
        this.index = index;
        this.letter = RaceConfig.threadName(index);
        String threadClass = "thread-" + Character.toLowerCase(letter);
        getStyleClass().addAll("lane", threadClass);
        setId("lane-" + Character.toLowerCase(letter));

        Label badge = ThreadBadges.badge(index);
        Label title = new Label("Thread " + letter);
        title.getStyleClass().add("lane-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(badge, title);
        header.getStyleClass().add("lane-header");
        header.setAlignment(Pos.CENTER_LEFT);

        status.getStyleClass().add("lane-status");
        status.setId("status-" + Character.toLowerCase(letter));
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);

        code.getStyleClass().add("code");
        code.setMaxWidth(Double.MAX_VALUE);

        Label registerCaption = new Label("register");
        registerCaption.getStyleClass().add("register-caption");
        register.getStyleClass().add("register-value");
        register.setId("register-" + Character.toLowerCase(letter));
        register.setMinWidth(Region.USE_PREF_SIZE);
        HBox registerRow = new HBox(registerCaption, register);
        registerRow.getStyleClass().add("register-row");
        registerRow.setAlignment(Pos.BASELINE_LEFT);

        progress.getStyleClass().add("lane-progress");

        stepButton = new Button("Step " + letter);
        stepButton.getStyleClass().addAll("step-button", threadClass);
        stepButton.setId("step-" + Character.toLowerCase(letter));
        stepButton.setMaxWidth(Double.MAX_VALUE);
        stepButton.setFocusTraversable(false);
        stepButton.setOnAction(e -> onStep.run());
        stepButton.setTooltip(new Tooltip("Run thread " + letter + "'s next micro-step (key " + letter + ")"));

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        getChildren().addAll(header, status, code, grow, registerRow, progress, stepButton);
        // A lane is never narrower than its code and button: the stepper scales down to fit instead of cutting.
        stepButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(this, Priority.ALWAYS);
        unflash.setOnFinished(e -> {
            pseudoClassStateChanged(LOST, false);
            pseudoClassStateChanged(REFUSED, false);
        });
    }

    /** The node a value flies to or from on load and store. */
    Node registerNode() {
        return register;
    }

    /** Shows {@code state} for this thread; {@code nextQueued} is true when the queued schedule steps it next. */
    void show(MachineState state, CodeView view, boolean nextQueued) {
        RaceConfig config = state.config();
        if (view != shownView || !config.equals(shownConfig) || state.raceProgram() != shownProgram) {
            buildCode(view, state.raceProgram(), config);
        }
        ThreadStatus st = state.status(index);
        MicroOp next = state.nextOp(index).orElse(null);
        for (int i = 0; i < codeLines.size(); i++) {
            codeLines.get(i).pseudoClassStateChanged(CURRENT, next != null && codeOps.get(i) == next);
        }
        status.setText(switch (st) {
            case READY -> !state.canStep(index) ? "waits: " + RaceConfig.threadName(state.gilHolder())
                    + " holds the GIL" : state.lockHolder() == index ? "ready · holds the lock" : "ready";
            case BLOCKED -> "blocked: lock held by " + RaceConfig.threadName(state.lockHolder());
            case DONE -> "done";
        });
        pseudoClassStateChanged(BLOCKED, st == ThreadStatus.BLOCKED);
        pseudoClassStateChanged(DONE, st == ThreadStatus.DONE);
        pseudoClassStateChanged(NEXT, nextQueued);
        pseudoClassStateChanged(HOLDS_LOCK, state.lockHolder() == index);
        Integer r = state.register(index);
        register.setText(r == null ? "—" : String.valueOf(r));
        register.pseudoClassStateChanged(EMPTY, r == null);
        int done = state.incrementsDone(index);
        progress.setText("increments: " + done + " of " + config.increments());
        stepButton.setDisable(st == ThreadStatus.DONE);
        stepButton.setText(st == ThreadStatus.DONE ? letter + " is done" : "Step " + letter);
    }

    private void buildCode(CodeView view, RaceProgram program, RaceConfig config) {
        shownView = view;
        shownConfig = config;
        shownProgram = program;
        code.getChildren().clear();
        codeLines.clear();
        codeOps.clear();
        for (ProgramCode.Line line : ProgramCode.lines(view, program, config)) {
            Label l = new Label(line.text());
            l.getStyleClass().addAll("code-line", "indent-" + line.indent());
            if (line.op() == null) {
                l.getStyleClass().add("context");
            } else {
                l.getStyleClass().add("op-" + line.op().label());
            }
            if (line.switchPoint() != null) {
                l.getStyleClass().add("switch-point");
                l.setTooltip(new Tooltip(line.switchPoint()));
            }
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinWidth(Region.USE_PREF_SIZE);
            codeLines.add(l);
            codeOps.add(line.op());
            code.getChildren().add(l);
        }
    }

    /** Flashes the lane: red for a lost update it caused, shaken for a refused step. */
    void flash(boolean lost) {
        unflash.stop();
        pseudoClassStateChanged(LOST, lost);
        pseudoClassStateChanged(REFUSED, !lost);
        unflash.playFromStart();
    }

    void dispose() {
        unflash.stop();
    }
}
