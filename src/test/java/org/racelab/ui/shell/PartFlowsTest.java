package org.racelab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.ui.stepper.StepperViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cross-part flows through the coordinator, each once per user action, and keys that respect typing. */
@ExtendWith(ApplicationExtension.class)
class PartFlowsTest {

    private final Map<String, AtomicInteger> submitted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> cancelled = new ConcurrentHashMap<>();
    private RaceLabRoot root;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = new RaceLabRoot(new MainViewModel(), name -> new Counting(name, FxBackground.create(name)));
        Scene scene = new Scene(root.window(), 1280, 800);
        Themes.apply(scene);
        root.keyMap().install(scene);
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

    private int explorations() {
        return submitted.getOrDefault("racelab-explorer", new AtomicInteger()).get();
    }

    private int cancels() {
        return cancelled.getOrDefault("racelab-explorer", new AtomicInteger()).get();
    }

    @Test
    void openingTheExplorerAfterChangingTheStepperStartsExactlyOneExploration(FxRobot robot) throws Exception {
        StepperViewModel stepper = root.stepper().viewModel();
        robot.interact(() -> {
            stepper.threadsProperty().set(3);
            stepper.incrementsProperty().set(2);
            stepper.lockProperty().set(true);
        });
        assertThat(root.stepper().settings()).isEqualTo(new RaceConfig(3, 2, RaceConfig.SLIDE_8.start(), true));
        assertThat(explorations()).isZero();

        assertThat(explorationsWhile(robot, () -> root.viewModel().select(root.explorer()))).isEqualTo(1);
        assertThat(cancels()).isZero();
        assertThat(root.explorer().viewModel().exploredConfigProperty().get())
                .isEqualTo(new RaceConfig(3, 2, RaceConfig.SLIDE_8.start(), true));

        // Back and forth with nothing changed: no new exploration. A change in the stepper: one more.
        robot.interact(() -> root.viewModel().select(root.stepper()));
        assertThat(explorationsWhile(robot, () -> root.viewModel().select(root.explorer()))).isZero();
        robot.interact(() -> root.viewModel().select(root.stepper()));
        robot.interact(() -> stepper.incrementsProperty().set(1));
        assertThat(explorationsWhile(robot, () -> root.viewModel().select(root.explorer()))).isEqualTo(1);
        // An edit in the explorer itself still explores at once, once.
        assertThat(explorationsWhile(robot, () -> root.explorer().viewModel().threadsProperty().set(2))).isEqualTo(1);
    }

    /**
     * The explorations an action starts: explorations are submitted right away on the JavaFX thread, while the page
     * of schedules the explorer fetches after a result arrives comes later, so it is not counted.
     */
    private int explorationsWhile(FxRobot robot, Runnable action) {
        int[] started = new int[1];
        robot.interact(() -> {
            int before = explorations();
            action.run();
            started[0] = explorations() - before;
        });
        return started[0];
    }

    @Test
    void replayInStepperOpensTheScheduleAndShowsTheStepperOnce(FxRobot robot) {
        robot.interact(() -> root.viewModel().select(root.explorer()));
        int[] replays = new int[1];
        StepperViewModel stepper = root.stepper().viewModel();
        robot.interact(() -> stepper.snapshotProperty().addListener((o, a, b) -> replays[0]++));
        robot.interact(() -> new PartCoordinator(root.stepper(), root.explorer().viewModel(), root.viewModel()::select)
                .replayInStepper(new RaceConfig(2, 1, 0, false), new Schedule("AABBBA")));
        TabPane tabs = robot.lookup(".part-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("stepper-tab");
        assertThat(root.viewModel().getSelectedPart()).isSameAs(root.stepper());
        assertThat(stepper.aheadProperty().get()).isEqualTo("AABBBA");
        assertThat(replays[0]).isEqualTo(1);
    }

    @Test
    void digitsTypedIntoASpinnerTypeInsteadOfSwitchingTabs(FxRobot robot) {
        robot.interact(() -> root.viewModel().select(root.explorer()));
        WaitForAsyncUtils.waitForFxEvents();
        TextField start = robot.lookup("#explorer-start .text-field").queryAs(TextField.class);
        robot.doubleClickOn(start);
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.viewModel().getSelectedPart()).isSameAs(root.explorer());
        assertThat(start.getText()).isEqualTo("12");
        // Out of the field, the same key switches the tab again.
        robot.interact(() -> root.window().requestFocus());
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.viewModel().getSelectedPart()).isSameAs(root.stepper());
    }

    /** Counts the work submitted to and cancelled on each named executor, and hands it on. */
    private final class Counting implements BackgroundExecutor {
        private final String name;
        private final BackgroundExecutor delegate;

        Counting(String name, BackgroundExecutor delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            submitted.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            Cancellable job = delegate.submit(work, onSuccess, onFailure);
            return new Cancellable() {
                @Override
                public void cancel() {
                    if (!job.isDone()) {
                        cancelled.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    }
                    job.cancel();
                }

                @Override
                public boolean isDone() {
                    return job.isDone();
                }
            };
        }

        @Override
        public Executor handoff() {
            return delegate.handoff();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
