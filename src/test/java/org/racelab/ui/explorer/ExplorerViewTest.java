package org.racelab.ui.explorer;

import org.racelab.ui.stepper.StepperViewModel;

import org.racelab.ui.shell.RaceLabApp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.racelab.model.RaceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExplorerViewTest {

    private RaceLabApp app;

    @Start
    void start(Stage stage) {
        app = new RaceLabApp();
        app.show(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void pickTwoByOneClickTheOutcomeOneBarAndReplayAScheduleInTheStepper(FxRobot robot) throws Exception {
        robot.clickOn("Explorer");
        ExplorerView view = robot.lookup(".explorer-view").queryAs(ExplorerView.class);
        Label headline = robot.lookup("#explorer-headline").queryAs(Label.class);
        // 2 x 1 is the default; start the counter at 0 like the figures.
        // Select the field's text with Ctrl+A: a double click on a loaded machine can arrive as two single clicks.
        robot.clickOn("#explorer-start .text-field").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("0").type(KeyCode.ENTER);
        waitUntil(() -> view.viewModel().exploredConfigProperty().get().start() == 0
                && view.viewModel().resultProperty().get() != null);
        assertThat(headline.getText())
                .isEqualTo("Of 20 ways two threads can interleave one increment each, 18 lose an update (90%).");

        @SuppressWarnings("unchecked")
        ListView<ScheduleRow> list = robot.lookup("#explorer-schedules").queryAs(ListView.class);
        robot.clickOn("#outcome-bar-2");
        waitUntil(() -> list.getItems().size() == 2);
        robot.clickOn("#outcome-bar-1");
        waitUntil(() -> list.getItems().size() == 18);
        assertThat(robot.lookup("#explorer-page-text").queryAs(Label.class).getText())
                .isEqualTo("Schedules 1–18 of 18 ending at 1 (1 update lost)");
        Node firstRow = cell(robot, 1);
        assertThat(((ListCell<?>) firstRow).getText()).isEqualTo("AABABB");
        assertThat(robot.from(firstRow).lookup(".step-letter.stale").queryAll()).hasSize(1);

        robot.clickOn(cell(robot, 3));
        ScheduleRow chosen = view.viewModel().selectedRowProperty().get();
        assertThat(chosen.number()).isEqualTo(3);
        assertThat(chosen.schedule().schedule().letters()).isEqualTo("AABBBA");
        robot.clickOn("#explorer-replay");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup(".part-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("stepper-tab");
        StepperViewModel stepper = app.root().stepper().viewModel();
        assertThat(stepper.currentConfig()).isEqualTo(new RaceConfig(2, 1, 0, false));
        assertThat(stepper.aheadProperty().get()).isEqualTo("AABBBA");
        // Run it in the stepper: it ends where the explorer said, with the lost update it marked.
        robot.press(KeyCode.CONTROL).type(KeyCode.Y, 6).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stepper.getState().complete()).isTrue();
        assertThat(stepper.getState().counter()).isEqualTo(chosen.schedule().finalValue()).isEqualTo(1);
        assertThat(stepper.getState().lost()).isEqualTo(1);
    }

    private static Node cell(FxRobot robot, int number) {
        return robot.lookup(".schedule-cell").match(n -> {
            Object item = ((ListCell<?>) n).getItem();
            return item instanceof ScheduleRow r && r.number().intValue() == number;
        }).query();
    }

    @Test
    void goToAndRandomOneFromTheKeyboardAndMouse(FxRobot robot) throws Exception {
        robot.clickOn("Explorer");
        ExplorerView view = robot.lookup(".explorer-view").queryAs(ExplorerView.class);
        robot.clickOn("#explorer-increments .increment-arrow-button");
        waitUntil(() -> view.viewModel().resultProperty().get() != null
                && view.viewModel().resultProperty().get().config().increments() == 2);
        robot.clickOn("#explorer-goto").write("5").type(KeyCode.ENTER);
        waitUntil(() -> view.viewModel().selectedRowProperty().get() != null
                && view.viewModel().selectedRowProperty().get().number().intValue() == 5);
        robot.clickOn("#explorer-goto").eraseText(1).write("1000000").type(KeyCode.ENTER);
        assertThat(robot.lookup("#explorer-input-error").queryAs(Label.class).getText()).startsWith("There are ");
        robot.clickOn("#explorer-random");
        waitUntil(() -> view.viewModel().selectedRowProperty().get() != null);
        assertThat(robot.lookup("#explorer-input-error").queryAs(Label.class).isVisible()).isFalse();
    }
}
