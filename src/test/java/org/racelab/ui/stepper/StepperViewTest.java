package org.racelab.ui.stepper;

import org.racelab.ui.controls.CounterDisplay;
import org.racelab.ui.shell.MainView;
import org.racelab.ui.shell.MainViewModel;
import org.racelab.ui.shell.RaceLabRoot;
import org.racelab.ui.shell.Themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.racelab.model.CodeView;
import org.racelab.model.Preset;
import org.racelab.model.RaceConfig;
import org.racelab.model.RunResult;
import org.racelab.model.Schedule;
import org.racelab.model.ScheduleException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StepperViewTest {

    private RaceLabRoot root;
    private MainView main;
    private StepperViewModel vm;
    private Stage stage;

    @Start
    void start(Stage primary) {
        root = new RaceLabRoot(new MainViewModel());
        main = root.window();
        vm = root.stepper().viewModel();
        showAt(1024, 768);
    }

    /**
     * Shows the view in a new window of this size. Resizing a shown window instead makes headless Glass's
     * software painter overflow its pixel buffer (a JavaFX bug that only prints stack traces).
     */
    private void showAt(double width, double height) {
        if (stage != null) {
            stage.hide();
            stage.getScene().setRoot(new javafx.scene.layout.Region());
        }
        stage = new Stage();
        Scene scene = new Scene(main, width, height);
        Themes.apply(scene);
        main.keyMap().install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            root.dispose();
            stage.hide();
        }).get(5, TimeUnit.SECONDS);
    }

    private int counter(FxRobot robot) {
        return robot.lookup("#counter").queryAs(CounterDisplay.class).getValue();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void click(FxRobot robot, String letters) {
        for (char c : letters.toCharArray()) {
            robot.clickOn("#step-" + Character.toLowerCase(c));
        }
    }

    @Test
    void clickingThroughSlide8ShowsSixAndOneLostUpdate(FxRobot robot) {
        click(robot, "ABBBAA");
        assertThat(counter(robot)).isEqualTo(6);
        assertThat(text(robot, "#summary-expected")).isEqualTo("7");
        assertThat(text(robot, "#summary-actual")).isEqualTo("6");
        assertThat(text(robot, "#summary-lost")).isEqualTo("1");
        assertThat(text(robot, "#narration"))
                .contains("A stores 6, computed from the 5 it loaded before B stored 6: A's increment is lost.");
        assertThat(text(robot, "#timeline-lost-6")).startsWith("store 6");
        assertThat(robot.lookup("#narration").query().getPseudoClassStates())
                .anyMatch(p -> p.getPseudoClassName().equals("lost"));
        assertThat(robot.lookup("#step-a").queryButton().isDisabled()).isTrue();
        assertThat(text(robot, "#status-a")).isEqualTo("done");
        assertThat(vm.currentSchedule()).isEqualTo(new Schedule("ABBBAA"));
    }

    @Test
    void withTheLockToggledOnSlide8EndsAtSevenAndBIsShownBlocked(FxRobot robot) {
        robot.clickOn(robot.lookup("#lock-switch .thumb-area").<Node>query());
        assertThat(robot.lookup("#lock-switch").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        assertThat(vm.currentConfig().lock()).isTrue();
        assertThat(text(robot, "#narration")).startsWith("Lock switched on: the run restarted with the same settings");
        click(robot, "A");
        assertThat(text(robot, "#status-b")).isEqualTo("blocked: lock held by A");
        assertThat(text(robot, "#lock-state")).isEqualTo("lock: held by A");
        click(robot, "B");
        assertThat(text(robot, "#narration")).isEqualTo("Cannot step: thread B is blocked: the lock is held by A.");
        assertThat(vm.currentSchedule().letters()).isEqualTo("A");
        click(robot, "AAAABBBBB");
        assertThat(counter(robot)).isEqualTo(7);
        assertThat(text(robot, "#summary-lost")).isEqualTo("0");
    }

    @Test
    void keysStepUndoRedoResetAndToggleTheLock(FxRobot robot) {
        robot.type(KeyCode.A, KeyCode.B, KeyCode.B, KeyCode.B, KeyCode.A, KeyCode.A);
        assertThat(counter(robot)).isEqualTo(6);
        assertThat(text(robot, "#summary-lost")).isEqualTo("1");
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        assertThat(text(robot, "#summary-lost")).isEqualTo("0");
        assertThat(vm.currentSchedule().letters()).isEqualTo("ABBBA");
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        assertThat(vm.currentSchedule().letters()).isEqualTo("ABB");
        robot.push(KeyCode.SHORTCUT, KeyCode.Y);
        robot.push(KeyCode.SHORTCUT, KeyCode.Y);
        robot.push(KeyCode.SHORTCUT, KeyCode.Y);
        assertThat(vm.currentSchedule().letters()).isEqualTo("ABBBAA");
        assertThat(text(robot, "#summary-lost")).isEqualTo("1");
        robot.type(KeyCode.R);
        assertThat(vm.currentSchedule().letters()).isEmpty();
        assertThat(counter(robot)).isEqualTo(5);
        assertThat(vm.aheadProperty().get()).isEqualTo("ABBBAA");
        robot.type(KeyCode.L);
        assertThat(vm.currentConfig().lock()).isTrue();
        assertThat(robot.lookup("#lock-switch").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        robot.type(KeyCode.RIGHT);
        assertThat(vm.currentSchedule().length()).isEqualTo(1);
        robot.type(KeyCode.C);
        assertThat(text(robot, "#narration")).startsWith("Cannot step: there is no thread C");
    }

    @Test
    void keysDoNothingWhileAnotherTabShows(FxRobot robot) {
        robot.clickOn("Lab");
        robot.type(KeyCode.A);
        assertThat(vm.currentSchedule().letters()).isEmpty();
        robot.clickOn("Stepper");
        robot.type(KeyCode.A);
        assertThat(vm.currentSchedule().letters()).isEqualTo("A");
    }

    @Test
    void spacePlaysUntilEveryThreadIsDoneAndTheSameSeedGivesTheSameRun(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            // Slow at first: at full speed the six steps can be over before a loaded machine checks "playing".
            vm.speedProperty().set(StepperViewModel.MIN_SPEED);
            vm.setSeed(1234);
        }).get();
        // Whether play started is recorded as it happens: on a loaded machine the key press itself can take longer
        // than the whole run at top speed.
        boolean[] started = new boolean[1];
        robot.interact(() -> vm.playingProperty().addListener((o, was, is) -> started[0] |= is));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(started[0]).isTrue();
        WaitForAsyncUtils.asyncFx(() -> vm.speedProperty().set(StepperViewModel.MAX_SPEED)).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.getState().complete());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.playingProperty().get()).isFalse();
        Schedule first = vm.currentSchedule();
        assertThat(first.length()).isEqualTo(6);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.replay(RaceConfig.SLIDE_8, Schedule.EMPTY);
            vm.runToCompletion();
        }).get();
        assertThat(vm.currentSchedule()).isEqualTo(first);
    }

    @Test
    void replayQueuesTheScheduleForRedoAndRunToCompletion(FxRobot robot) throws Exception {
        RaceConfig worst = Preset.WORST_CASE.config();
        WaitForAsyncUtils.asyncFx(() -> vm.replay(worst, Preset.WORST_CASE.schedule())).get();
        assertThat(vm.currentConfig()).isEqualTo(worst);
        assertThat(vm.currentSchedule().isEmpty()).isTrue();
        assertThat(robot.lookup("#lane-a").tryQuery()).isPresent();
        robot.push(KeyCode.SHORTCUT, KeyCode.Y);
        assertThat(vm.currentSchedule().letters()).isEqualTo("A");
        robot.clickOn("#run-to-end");
        assertThat(vm.currentSchedule()).isEqualTo(Preset.WORST_CASE.schedule());
        assertThat(counter(robot)).isEqualTo(2);
        assertThat(vm.runAsText()).isEqualTo(RunResult.replay(worst, Preset.WORST_CASE.schedule()).toMarkdown());
        assertThatThrownBy(() -> vm.replay(RaceConfig.SLIDE_8, new Schedule("AAAA")))
                .isInstanceOf(ScheduleException.class).hasMessage("step 4: thread A is done");
    }

    @Test
    void presetSlide8WithLockIsSteppedWithTheThreadKeys(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Preset> presets = robot.lookup("#presets").queryAs(ComboBox.class);
        robot.clickOn(presets);
        robot.clickOn(Preset.SLIDE_8_LOCK.title());
        assertThat(vm.currentConfig()).isEqualTo(Preset.SLIDE_8_LOCK.config());
        robot.type(KeyCode.A);
        assertThat(text(robot, "#status-b")).isEqualTo("blocked: lock held by A");
        robot.type(KeyCode.A, KeyCode.A, KeyCode.A, KeyCode.A, KeyCode.B, KeyCode.B, KeyCode.B, KeyCode.B, KeyCode.B);
        assertThat(counter(robot)).isEqualTo(7);
        assertThat(vm.currentSchedule()).isEqualTo(Preset.SLIDE_8_LOCK.schedule());
    }

    @Test
    void typedScheduleReplaysAndABadOneShowsAnInlineError(FxRobot robot) {
        robot.clickOn("#schedule-field").write("abbbaa");
        robot.clickOn("#replay");
        assertThat(vm.aheadProperty().get()).isEqualTo("ABBBAA");
        robot.clickOn("#run-to-end");
        assertThat(counter(robot)).isEqualTo(6);
        robot.doubleClickOn("#schedule-field").eraseText(6).write("AAAA");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#schedule-error")).isEqualTo("step 4: thread A is done");
        assertThat(robot.lookup("#schedule-error").query().isVisible()).isTrue();
        assertThat(counter(robot)).isEqualTo(6);
    }

    @Test
    void badStartValueShowsAnInlineErrorAndKeepsTheRun(FxRobot robot) {
        click(robot, "A");
        robot.doubleClickOn("#start").eraseText(3).write("5000");
        assertThat(text(robot, "#start-error")).isEqualTo("Start must be -1000 to 1000, not 5000.");
        assertThat(vm.currentConfig().start()).isEqualTo(5);
        assertThat(vm.currentSchedule().letters()).isEqualTo("A");
        robot.type(KeyCode.ENTER);
        assertThat(vm.currentConfig().start()).isEqualTo(5);
        robot.eraseText(4).write("-7");
        assertThat(vm.currentConfig().start()).isEqualTo(5);
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#start-error").query().isVisible()).isFalse();
        assertThat(vm.currentConfig().start()).isEqualTo(-7);
        assertThat(counter(robot)).isEqualTo(-7);
    }

    @Test
    void codeViewsShowTheBytecodeWithTheCurrentOpHighlighted(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.codeViewProperty().set(CodeView.PYTHON)).get();
        click(robot, "A");
        List<String> current = robot.lookup("#lane-a .code-line").queryAllAs(Label.class).stream()
                .filter(l -> l.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("current")))
                .map(Label::getText).toList();
        assertThat(current).containsExactly("LOAD_CONST   1", "BINARY_OP    +=");
    }

    @Test
    void fourLockedThreadsFitAt1024x768WithoutClippedText(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.threadsProperty().set(4);
            vm.incrementsProperty().set(5);
            vm.lockProperty().set(true);
            vm.codeViewProperty().set(CodeView.JVM);
        }).get();
        click(robot, "AAB");
        WaitForAsyncUtils.waitForFxEvents();
        StepperView view = robot.lookup("#stepper-view").queryAs(StepperView.class);
        assertThat(view.getHeight()).isLessThanOrEqualTo(768);
        List<String> clipped = new ArrayList<>();
        collectClipped(view, clipped);
        assertThat(clipped).isEmpty();
        Node laneD = robot.lookup("#lane-d").query();
        assertThat(laneD.localToScene(laneD.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(1024);
        for (String id : new String[] {"#code-view", "#run-to-end", "#copy-run"}) {
            Node n = robot.lookup(id).query();
            assertThat(n.localToScene(n.getBoundsInLocal()).getMaxX()).as(id).isLessThanOrEqualTo(1024);
        }
        Node bottom = robot.lookup("#copy-run").query();
        assertThat(bottom.localToScene(bottom.getBoundsInLocal()).getMaxY()).isLessThanOrEqualTo(768);
        assertThat(robot.lookup("#counter-value").queryAs(Label.class).getFont().getSize())
                .isGreaterThanOrEqualTo(72);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "1024, 768, 2, false, PLAIN", "1024, 768, 3, true, PYTHON", "1024, 768, 4, false, PYTHON",
        "1920, 1080, 2, true, PYTHON", "1920, 1080, 3, true, JVM", "1920, 1080, 4, true, JVM",
        "1920, 1080, 2, false, PLAIN"})
    void everyLayoutFitsWithoutClippedText(int width, int height, int threads, boolean lock, CodeView code,
            FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            showAt(width, height);
            vm.threadsProperty().set(threads);
            vm.incrementsProperty().set(5);
            vm.lockProperty().set(lock);
            vm.codeViewProperty().set(code);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        click(robot, lock ? "AAB" : "AB");
        WaitForAsyncUtils.waitForFxEvents();
        StepperView view = robot.lookup("#stepper-view").queryAs(StepperView.class);
        assertThat(stage.getScene().getWidth()).isEqualTo(width);
        assertThat(view.getStyleClass().contains("roomy")).isEqualTo(width >= 1920);
        List<String> clipped = new ArrayList<>();
        collectClipped(view, clipped);
        assertThat(clipped).isEmpty();
        for (String id : new String[] {"#code-view", "#run-to-end", "#copy-run", "#lane-" + (char) ('a' + threads - 1),
            "#timeline"}) {
            Node n = robot.lookup(id).query();
            var b = n.localToScene(n.getBoundsInLocal());
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(width);
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(height);
        }
        // Windowed, the stepper fits at (almost) full size: at most a few per cent scaled down to stay whole
        // (the timeline's scroll bar has a row of its own now, so it never covers the count row).
        assertThat(view.fitFactor()).as("windowed scale factor").isGreaterThanOrEqualTo(0.95);
        assertThat(robot.lookup("#counter-value").queryAs(Label.class).getFont().getSize())
                .isGreaterThanOrEqualTo(72);
    }

    @Test
    void timelineScrollsToTheNewestStep(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.threadsProperty().set(4);
            vm.incrementsProperty().set(5);
        }).get();
        robot.clickOn("#run-to-end");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollBar bar = robot.lookup("#timeline-bar")
                .queryAs(javafx.scene.control.ScrollBar.class);
        assertThat(bar.getMax()).isPositive();
        assertThat(bar.getValue()).isEqualTo(bar.getMax());
        Node newest = robot.lookup("#timeline").queryAs(javafx.scene.layout.GridPane.class).getChildren().stream()
                .filter(n -> n instanceof Label l && l.getText().equals("60")).findFirst().orElseThrow();
        var b = newest.localToScene(newest.getBoundsInLocal());
        assertThat(b.getMaxX()).isLessThanOrEqualTo(1024);
        assertThat(b.getMinX()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void copyButtonsPutTheScheduleAndTheRunAsMarkdownOnTheClipboard(FxRobot robot) throws Exception {
        click(robot, "ABBBAA");
        robot.clickOn("#copy-schedule");
        String schedule = WaitForAsyncUtils.asyncFx(
                () -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(schedule).isEqualTo("ABBBAA");
        robot.clickOn("#copy-run");
        String run = WaitForAsyncUtils.asyncFx(
                () -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(run).startsWith("Schedule: `ABBBAA`").contains("| 6 | store 6 **(lost update)** | | 6 |")
                .endsWith("Expected 7, actual 6, lost 1 (complete).\n");
    }

    @Test
    void theLockSwitchWorksEvenWhileTheStartFieldHoldsBadText(FxRobot robot) {
        robot.doubleClickOn("#start").eraseText(1).write("x");
        assertThat(robot.lookup("#start-error").query().isVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
        robot.clickOn(robot.lookup("#lock-switch .thumb-area").<Node>query());
        assertThat(vm.currentConfig()).isEqualTo(RaceConfig.SLIDE_8.withLock(true));
    }

    @Test
    void theGilRuleChosenInTheSettingsRefusesBBetweenAsLoadAndStoreAndSaysWhy(FxRobot robot) {
        robot.clickOn("#switches");
        robot.clickOn("CPython GIL");
        assertThat(vm.currentRule()).isEqualTo(org.racelab.model.SwitchRule.CPYTHON_GIL);
        click(robot, "AB");
        assertThat(text(robot, "#narration")).isEqualTo("Cannot step: CPython hands the GIL over only when a thread "
                + "enters a function, jumps back in a loop or blocks: B cannot run until A reaches one.");
        assertThat(text(robot, "#status-b")).isEqualTo("waits: A holds the GIL");
        assertThat(vm.currentSchedule().letters()).isEqualTo("A");
        robot.type(KeyCode.P);
        assertThat(vm.currentProgram()).isEqualTo(org.racelab.model.RaceProgram.CALL);
        assertThat(robot.lookup("#program").queryComboBox().getValue())
                .isEqualTo(org.racelab.model.RaceProgram.CALL);
        click(robot, "AAB");
        assertThat(vm.currentSchedule().letters()).isEqualTo("AAB");
        assertThat(robot.lookup("#lane-a .code-line.switch-point").queryAllAs(Label.class).stream()
                .map(Label::getText).toList()).contains("call  one() ⇄");
        assertThat(robot.lookup(".timeline-cell.op-call").queryAll()).hasSize(1);
    }

    @Test
    void threadKeysWorkRightAfterUsingASpinnerOrReplayingATypedSchedule(FxRobot robot) {
        Node up = robot.lookup("#threads .increment-arrow-button").query();
        robot.clickOn(up);
        assertThat(vm.currentConfig().threads()).isEqualTo(3);
        robot.type(KeyCode.C);
        assertThat(vm.currentSchedule().letters()).isEqualTo("C");
        robot.clickOn("#schedule-field").eraseText(1).write("ABC");
        robot.type(KeyCode.ENTER);
        assertThat(vm.aheadProperty().get()).isEqualTo("ABC");
        robot.type(KeyCode.A);
        assertThat(vm.currentSchedule().letters()).isEqualTo("A");
        assertThat(vm.aheadProperty().get()).isEqualTo("BC");
    }

    @Test
    void aThreadKeyOnAQueuedPresetAppendsOneTimelineColumnInOneUpdateAndUndoRemovesIt(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.loadPreset(Preset.SLIDE_8)).get();
        javafx.scene.layout.GridPane grid = robot.lookup("#timeline").queryAs(javafx.scene.layout.GridPane.class);
        int[] updates = new int[3];
        javafx.collections.ListChangeListener<Node> counting = c -> {
            updates[0]++;
            while (c.next()) {
                updates[1] += c.getAddedSize();
                updates[2] += c.getRemovedSize();
            }
        };
        WaitForAsyncUtils.asyncFx(() -> grid.getChildren().addListener(counting)).get();
        int before = grid.getChildren().size();

        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        // One step: one change of the grid that adds one column (step header, one cell per thread, the count).
        assertThat(updates).containsExactly(1, 2 + 2, 0);
        assertThat(grid.getChildren()).hasSize(before + 4);
        assertThat(vm.aheadProperty().get()).isEqualTo("BBBAA");

        updates[0] = updates[1] = updates[2] = 0;
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(updates).containsExactly(1, 0, 4);
        assertThat(grid.getChildren()).hasSize(before);
    }

    /** A label is clipped when its skin shows fewer characters than its text (an ellipsis). */
    private static void collectClipped(Parent parent, List<String> out) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof Label l && l.isVisible() && !l.getText().isEmpty()) {
                Node t = l.lookup(".text");
                if (t instanceof Text shown && !shown.getText().replace("\n", " ").equals(
                        l.getText().replace("\n", " ")) && !l.isWrapText()) {
                    out.add(l.getText() + " shown as " + shown.getText());
                }
            }
            if (n instanceof Button b && b.isVisible()) {
                Node t = b.lookup(".text");
                if (t instanceof Text shown && !shown.getText().equals(b.getText())) {
                    out.add(b.getText() + " shown as " + shown.getText());
                }
            }
            if (n instanceof Parent p) {
                collectClipped(p, out);
            }
        }
    }
}
