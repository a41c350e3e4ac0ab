package org.racelab.ui.lab;

import org.racelab.ui.shell.FxBackground;
import org.racelab.ui.shell.Themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.racelab.lab.Counter;
import org.racelab.lab.CounterKind;
import org.racelab.lab.LabThreads;
import org.racelab.lab.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LabViewTest {

    private LabViewModel vm;
    private LabView view;

    @Start
    void start(Stage stage) {
        vm = new LabViewModel(FxBackground.create("racelab-lab-test"), kind -> kind == CounterKind.LOCK
                ? new ThrowingCounter() : kind.create());
        // With the developer tools, so the frame-gap line is there to check.
        view = new LabView(vm, true);
        Scene scene = new Scene(view, 1280, 800);
        Themes.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::dispose).get(5, TimeUnit.SECONDS);
        assertThat(LabThreads.awaitNone(2_000)).as("lab threads left: %s", LabThreads.alive()).isTrue();
    }

    @Test
    void liveRunFillsTheChartFlipsTheLockAndStopsIntoATableRow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.counterProperty().set(CounterKind.SWITCHABLE);
            vm.workersProperty().set(2);
            vm.tasksProperty().set(2);
        });
        robot.clickOn("#lab-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> vm.chart().lines()
                .stream().anyMatch(l -> l.points().size() >= 3)).get());
        LineChart<?, ?> lost = robot.lookup("#lab-lost-chart").queryAs(LineChart.class);
        assertThat(lost.lookupAll(".chart-series-line.lab-line-unlocked")).isNotEmpty();
        assertThat(vm.isRunning()).isTrue();
        assertThat(robot.lookup("#lab-readout").queryAs(Label.class).getText()).contains("lost so far ≈");

        robot.clickOn("#lab-lock .thumb-area");
        assertThat(vm.lockOnProperty().get()).isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !lost.lookupAll(".chart-series-line.lab-line-locked").isEmpty());

        robot.clickOn("#lab-stop");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.isRunning());
        TableView<?> table = robot.lookup("#lab-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        LabRow row = vm.rows().get(0);
        assertThat(row.result().status()).isEqualTo(RunStatus.STOPPED);
        assertThat(row.result().lost()).isEqualTo(row.result().attempts() - row.result().finalValue());
        assertThat(row.explanation()).startsWith("switchable: ").contains("stopped after");
        assertThat(LabThreads.awaitNone(2_000)).isTrue();
    }

    @Test
    void compareAllAddsARowPerKindAndLockedKindsLoseNothing(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.workersProperty().set(2);
            vm.tasksProperty().set(2);
            vm.incrementsProperty().set(300_000);
        });
        robot.clickOn("#lab-compare");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.isRunning() && vm.rows().size() == 5);
        assertThat(vm.rows()).extracting(r -> r.result().counter())
                .containsExactly(CounterKind.UNSAFE, CounterKind.SYNCHRONIZED, CounterKind.LOCK, CounterKind.ATOMIC,
                        CounterKind.ADDER);
        // The factory made LOCK a counter that throws: that run is failed and shown inline.
        for (LabRow row : vm.rows()) {
            if (row.result().counter() == CounterKind.LOCK) {
                assertThat(row.result().status()).isEqualTo(RunStatus.FAILED);
                assertThat(row.explanation()).contains("FAILED").contains("boom");
            } else {
                assertThat(row.result().status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(row.result().expected()).isEqualTo(600_000);
                if (row.result().counter() != CounterKind.UNSAFE) {
                    assertThat(row.result().lost()).isZero();
                    assertThat(row.explanation()).contains("0 lost").containsPattern("(than|as fast as) unsafe");
                }
            }
        }
        Label error = robot.lookup("#lab-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("lock run failed").contains("boom");
        Node failedRow = robot.lookup(".table-row-cell:failed").query();
        assertThat(failedRow).isNotNull();
        assertThat(robot.lookup("#lab-frame-gaps").queryAs(Label.class).getText()).contains("p99");
        assertThat(view.frameGaps().frames()).isPositive();
    }

    @Test
    void theTeachersScreenHasNoFrameGapLineUnlessTheDeveloperFlagIsSet(FxRobot robot) throws Exception {
        LabViewModel other = new LabViewModel(new org.racelab.lab.SameThreadBackgroundExecutor());
        String before = System.getProperty(LabView.DEV_PROPERTY);
        try {
            System.clearProperty(LabView.DEV_PROPERTY);
            LabView plain = WaitForAsyncUtils.asyncFx(() -> new LabView(other)).get();
            assertThat(plain.lookup("#lab-frame-gaps")).isNull();
            assertThat(plain.lookup("#lab-clear")).isNotNull();
            System.setProperty(LabView.DEV_PROPERTY, "true");
            LabView dev = WaitForAsyncUtils.asyncFx(() -> new LabView(other)).get();
            assertThat(dev.lookup("#lab-frame-gaps")).isNotNull();
        } finally {
            if (before == null) {
                System.clearProperty(LabView.DEV_PROPERTY);
            } else {
                System.setProperty(LabView.DEV_PROPERTY, before);
            }
            other.dispose();
        }
    }

    @Test
    void closingStopsARunningLab(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.counterProperty().set(CounterKind.SWITCHABLE);
            vm.workersProperty().set(4);
        });
        robot.clickOn("#lab-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !LabThreads.alive().isEmpty());
        WaitForAsyncUtils.asyncFx(vm::dispose).get(5, TimeUnit.SECONDS);
        assertThat(LabThreads.awaitNone(1_000)).as("left: %s", LabThreads.alive()).isTrue();
    }

    @Test
    void typedNonsenseIsReportedInlineAndTheLastGoodValueKept(FxRobot robot) {
        javafx.scene.control.TextField editor = robot.lookup("#lab-workers .text-field")
                .queryAs(javafx.scene.control.TextField.class);
        Label error = robot.lookup("#lab-error").queryAs(Label.class);

        type(robot, editor, "lots");
        assertThat(error.getText()).contains("Workers: 'lots' is not a whole number");
        assertThat(error.isVisible()).isTrue();
        assertThat(vm.workersProperty().get()).isEqualTo(org.racelab.lab.LabSettings.defaultWorkers());
        assertThat(editor.getText()).isEqualTo(String.valueOf(org.racelab.lab.LabSettings.defaultWorkers()));

        type(robot, editor, "99");
        assertThat(error.getText()).contains("Workers must be between 1 and 64; set to 64");
        assertThat(vm.workersProperty().get()).isEqualTo(64);

        type(robot, editor, "3");
        assertThat(vm.workersProperty().get()).isEqualTo(3);
        assertThat(error.isVisible()).isFalse();

        // With real keys: Enter in the field commits the number and does not start a run.
        robot.doubleClickOn(editor).write("x").type(javafx.scene.input.KeyCode.ENTER);
        assertThat(vm.isRunning()).isFalse();
        assertThat(error.getText()).contains("Workers: 'x' is not a whole number; kept 3");
    }

    /** Types into a spinner's editor and presses Enter, the way a user commits a value. */
    private static void type(FxRobot robot, javafx.scene.control.TextField editor, String text) {
        robot.interact(() -> {
            editor.setText(text);
            editor.fireEvent(new javafx.event.ActionEvent());
        });
    }

    /** A counter that throws part-way, to check that failures are reported rather than hidden. */
    private static final class ThrowingCounter implements Counter {
        private final AtomicLong value = new AtomicLong();

        @Override
        public void increment() {
            if (value.incrementAndGet() == 100_000) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public long get() {
            return value.get();
        }

        @Override
        public CounterKind kind() {
            return CounterKind.LOCK;
        }
    }
}
