package org.racelab.ui.queue;

import org.racelab.ui.controls.FitCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.racelab.lab.SameThreadBackgroundExecutor;
import org.racelab.model.queue.QueuePreset;
import org.racelab.ui.part.PartKey;
import org.racelab.ui.shell.Theme;
import org.racelab.ui.shell.Themes;
import org.racelab.ui.shell.Zoom;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class QueueViewTest {

    private QueuePart part;
    private Stage stage;
    private StackPane root;

    @Start
    void start(Stage primary) {
        // The toolkit is up; each test opens its own window at the size it needs.
    }

    /** Opens the part alone in a window of this size, as the shell would show it, presenting or not. */
    void open(double width, double height, boolean presenting, Theme theme) throws Exception {
        open(width, height, presenting, theme, Zoom.DEFAULT);
    }

    void open(double width, double height, boolean presenting, Theme theme, int zoom) throws Exception {
        open(width, height, presenting, theme, zoom, new SameThreadBackgroundExecutor());
    }

    void open(double width, double height, boolean presenting, Theme theme, int zoom,
            org.racelab.lab.BackgroundExecutor executor) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            part = new QueuePart(executor);
            root = new StackPane(part.view());
            root.pseudoClassStateChanged(QueueView.PRESENTATION, presenting);
            Scene scene = new Scene(root, width, height);
            Themes.apply(scene, theme, Zoom.rootFontPx(zoom, presenting));
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                for (PartKey k : part.keys()) {
                    if (k.keys().stream().anyMatch(c -> c.match(e))) {
                        k.action().run();
                        e.consume();
                        return;
                    }
                }
            });
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Loads the preset and steps it to the end of its story, as Right pressed until nothing is left. */
    private void showToItsEnd(FxRobot robot, QueuePreset p) {
        robot.interact(() -> {
            part.stepModel().loadPreset(p);
            while (part.stepModel().canRedo()) {
                part.stepModel().redo();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            part.dispose();
            stage.hide();
        }).get(60, TimeUnit.SECONDS);
    }

    @Test
    void backpressureStepsUntilTheProducerIsRefusedAsBlocked(FxRobot robot) throws Exception {
        open(1024, 768, false, Theme.LIGHT);
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.Q);
        }
        assertThat(robot.lookup("#queue-slots").queryParent().getChildrenUnmodifiable())
                .allMatch(n -> n.getStyleClass().contains("queue-token"));
        robot.type(KeyCode.Q);
        assertThat(robot.lookup("#queue-narration").queryLabeled().getText())
                .isEqualTo("Refused: P1 is blocked on put(): the queue is full (maxsize 2).");
        assertThat(robot.lookup("#queue-status-P1").queryLabeled().getText()).isEqualTo("blocked on put (queue full)");
        robot.type(KeyCode.A);
        assertThat(robot.lookup("#queue-status-C1").queryLabeled().getText()).isEqualTo("processing item 1");
        robot.type(KeyCode.Q);
        assertThat(robot.lookup("#queue-counters").queryLabeled().getText()).startsWith("put 3   got 1");
    }

    @Test
    void sentinelPresetEndsEveryConsumer(FxRobot robot) throws Exception {
        open(1920, 1080, true, Theme.DARK);
        robot.interact(() -> part.stepModel().loadPreset(QuePresetHolder.SENTINEL));
        int steps = QueuePreset.SENTINEL.schedule().size();
        for (int i = 0; i < steps; i++) {
            robot.type(KeyCode.RIGHT);
        }
        for (String c : List.of("C1", "C2", "C3", "M")) {
            assertThat(robot.lookup("#queue-status-" + c).queryLabeled().getText()).isEqualTo("done");
        }
        assertThat(robot.lookup("#queue-narration").queryLabeled().getText()).endsWith("Every thread has finished.");
    }

    @Test
    void clickingAThreadStepsIt(FxRobot robot) throws Exception {
        open(1024, 768, false, Theme.HIGH_CONTRAST);
        robot.clickOn("#queue-card-P1");
        assertThat(part.stepModel().trace().schedule()).containsExactly("P1");
    }

    @Test
    void presentingAt1024x768EveryPresetFitsAndReadsFromTheBackRow(FxRobot robot) throws Exception {
        checkPresenting(robot, 1024, 768);
    }

    @Test
    void presentingAt1920x1080EveryPresetFitsAndReadsFromTheBackRow(FxRobot robot) throws Exception {
        checkPresenting(robot, 1920, 1080);
    }

    private void checkPresenting(FxRobot robot, double w, double h) throws Exception {
        open(w, h, true, Theme.LIGHT);
        for (QueuePreset p : QueuePreset.values()) {
            showToItsEnd(robot, p);
            List<String> needed = new ArrayList<>(List.of("#queue-narration", "#queue-counters", "#queue-slots",
                    "#queue-code-producer", "#queue-code-consumer", "#queue-code-main", "#queue-preset",
                    "#queue-next", "#queue-undo"));
            for (String name : p.config().names()) {
                needed.add("#queue-card-" + name);
            }
            for (String id : needed) {
                Node n = robot.lookup(id).query();
                Bounds b = n.localToScene(n.getBoundsInLocal());
                assertThat(b.getMinX()).as(p + " " + id + " left").isGreaterThanOrEqualTo(0);
                assertThat(b.getMinY()).as(p + " " + id + " top").isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxX()).as(p + " " + id + " right").isLessThanOrEqualTo(w);
                assertThat(b.getMaxY()).as(p + " " + id + " bottom").isLessThanOrEqualTo(h);
            }
            double min = 0.025 * h;
            for (String id : List.of("#queue-narration", "#queue-counters")) {
                assertThat(robot.lookup(id).queryLabeled().getFont().getSize()).as(p + " " + id).isGreaterThanOrEqualTo(min);
            }
            for (Node n : robot.lookup(".queue-code-line").queryAll()) {
                assertThat(((Labeled) n).getFont().getSize()).as(p + " code").isGreaterThanOrEqualTo(min);
            }
            for (Node n : robot.lookup(".queue-status").queryAll()) {
                assertThat(((Labeled) n).getFont().getSize()).as(p + " status").isGreaterThanOrEqualTo(min);
            }
            for (Node n : robot.lookup(".queue-token").queryAll()) {
                assertThat(((Labeled) n).getFont().getSize()).as(p + " token").isGreaterThanOrEqualTo(min);
            }
            assertThat(robot.lookup("#queue-code-consumer").lookup(".text").<Text>queryAll())
                    .allMatch(t -> t.getFont().getSize() >= min);
        }
    }

    /**
     * The part's own essentials and every thread's code listing, with Backpressure and Sentinel stepped to the end,
     * at 100 and 150 % (up to 150 % the listings were once left below the screen, in a scroll pane).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1024, 768, false, 100", "1024, 768, true, 100",
        "1024, 768, false, 150", "1920, 1080, false, 100", "1920, 1080, true, 100",
        "1920, 1080, false, 150", "1920, 1080, true, 150"})
    void essentialsFitAtTheEndOfBackpressureAndSentinel(int w, int h, boolean presenting, int zoom, FxRobot robot)
            throws Exception {
        open(w, h, presenting, Theme.LIGHT, zoom);
        for (QueuePreset p : List.of(QueuePreset.BACKPRESSURE, QueuePreset.SENTINEL)) {
            showToItsEnd(robot, p);
            List<String> problems = new ArrayList<>();
            List<String> selectors = new ArrayList<>(part.essentials());
            selectors.addAll(List.of("#queue-code-producer", "#queue-code-consumer", "#queue-code-main"));
            for (String selector : selectors) {
                var found = root.lookupAll(selector);
                if (found.isEmpty()) {
                    problems.add(selector + " missing");
                }
                for (Node n : found) {
                    problems.addAll(FitCheck.problems(selector, n, w, h, presenting ? 0.025 * h : 0));
                }
            }
            assertThat(problems).as(p + " " + w + "x" + h + (presenting ? " presenting" : "") + " " + zoom + " %")
                    .isEmpty();
        }
    }

    /**
     * Run mode: every slider's label, the mistake, Start, the chart, each key of the legend, each thread's row and
     * the readout lie inside the window and show their words whole (the legend's keys were cut to "runni…"
     * presenting at 1024x768 once there were four).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1024, 768, false, 100", "1024, 768, true, 100",
        "1024, 768, false, 150", "1920, 1080, true, 100", "1920, 1080, false, 150", "1920, 1080, true, 150"})
    void runModeFitsWhole(int w, int h, boolean presenting, int zoom, FxRobot robot) throws Exception {
        open(w, h, presenting, Theme.LIGHT, zoom);
        robot.interact(() -> ((QueueView) part.view()).showStepMode(false));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        for (String selector : List.of(".queue-run-label", "#queue-run-mistake", "#queue-run-start",
                "#queue-length-chart", "#queue-length-chart .axis-label", ".queue-share-key .label",
                ".queue-share-name", "#queue-run-readout", "#queue-mode-step", "#queue-mode-run")) {
            var found = root.lookupAll(selector);
            if (found.isEmpty()) {
                problems.add(selector + " missing");
            }
            for (Node n : found) {
                problems.addAll(FitCheck.problems(selector, n, w, h, 0));
            }
        }
        assertThat(root.lookupAll(".queue-share-name")).hasSize(5);
        assertThat(problems).as(w + "x" + h + (presenting ? " presenting" : "") + " " + zoom + " %").isEmpty();
    }

    /** The settings row shows the run on screen from step 0, so "New run" before any step reruns that run. */
    @Test
    void theSettingsShowThePresetBeforeAnyStep(FxRobot robot) throws Exception {
        open(1024, 768, false, Theme.LIGHT);
        var cfg = part.stepModel().config();
        assertThat(robot.lookup("#queue-items-spinner").<javafx.scene.control.Spinner<Integer>>query().getValue())
                .isEqualTo(cfg.items());
        assertThat(robot.lookup("#queue-maxsize-spinner").<javafx.scene.control.Spinner<Integer>>query().getValue())
                .isEqualTo(cfg.maxsize());
        assertThat(robot.lookup("#queue-producers-spinner").<javafx.scene.control.Spinner<Integer>>query()
                .getValue()).isEqualTo(cfg.producers());
    }

    /** Stepping Backpressure to its end, the queue never moves sideways as the threads' states change words. */
    @Test
    void theQueueStaysInPlaceFromStepToStep(FxRobot robot) throws Exception {
        open(1024, 768, false, Theme.LIGHT);
        robot.interact(() -> part.stepModel().loadPreset(QueuePreset.BACKPRESSURE));
        java.util.Set<Double> lefts = new java.util.TreeSet<>();
        java.util.Set<String> states = new java.util.TreeSet<>();
        for (int i = 0; i < 40; i++) {
            robot.interact(() -> {
                root.applyCss();
                root.layout();
                Node slots = root.lookup("#queue-slots");
                lefts.add(slots.localToScene(slots.getLayoutBounds()).getMinX());
                root.lookupAll(".queue-status").forEach(n -> states.add(((Labeled) n).getText()));
                part.stepModel().next();
            });
        }
        assertThat(states).as("the states seen").contains("running", "blocked on put (queue full)");
        assertThat(lefts).as("the queue's left edge at each step").hasSize(1);
    }

    /** Was too wide (issue 11); now the states wrap and the type shrinks to fit, never under 2.5 %. */
    @Test
    void essentialsFitPresentingAt1024x768And150Percent(FxRobot robot) throws Exception {
        essentialsFitAtTheEndOfBackpressureAndSentinel(1024, 768, true, 150, robot);
    }

    /** Issue 14: "items are numbered tokens that move": a put flies the item from P1's hand into its slot. */
    @Test
    void aStepSendsItsTokenFlyingAndTheNextStepLandsItAtOnce(FxRobot robot) throws Exception {
        open(1024, 768, false, Theme.LIGHT);
        Node token = robot.lookup("#queue-flying-token").query();
        // Each step and what it shows are read in one go on the FX thread: the flight is short, a loaded test
        // machine is slow.
        assertThat(stepAndLook(robot, token)).as("produce moves nothing").isEqualTo("hidden");
        assertThat(stepAndLook(robot, token)).as("the put's token flies to the first slot, hidden until it lands")
                .isEqualTo("flying 1, slot 0 opacity 0.0");
        assertThat(stepAndLook(robot, token)).as("the next step ends the flight at once").isEqualTo("hidden");
        assertThat(robot.lookup("#queue-slots").queryParent().getChildrenUnmodifiable().get(0).getOpacity())
                .isEqualTo(1);
        assertThat(stepAndLook(robot, token)).isEqualTo("flying 2, slot 1 opacity 0.0");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> !token.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#queue-slots").queryParent().getChildrenUnmodifiable().get(1).getOpacity())
                .as("the slot shows when the token lands").isEqualTo(1);
        assertThat(TokenFlight.DURATION.toMillis()).isLessThanOrEqualTo(300);
    }

    /** Steps P1 and says what flies: "hidden" or "flying <item>, slot <i> opacity <o>" for the slot it flies to. */
    private String stepAndLook(FxRobot robot, Node token) {
        String[] seen = new String[1];
        robot.interact(() -> {
            part.stepKey(KeyCode.Q);
            if (!token.isVisible()) {
                seen[0] = "hidden";
                return;
            }
            var slots = ((javafx.scene.Parent) root.lookup("#queue-slots")).getChildrenUnmodifiable();
            int slot = part.stepModel().state().length() - 1;
            seen[0] = "flying " + ((Labeled) token).getText() + ", slot " + slot + " opacity "
                    + slots.get(slot).getOpacity();
        });
        return seen[0];
    }

    /** While a real run goes at full speed the step pane moves no tokens: the cores are the run's. */
    @Test
    void noTokenFliesWhileARealRunGoesAtFullSpeed(FxRobot robot) throws Exception {
        open(1024, 768, false, Theme.LIGHT, Zoom.DEFAULT, new HeldExecutor());
        robot.interact(() -> {
            part.runModel().produceMsProperty().set(0);
            part.runModel().consumeMsProperty().set(0);
            part.runModel().start();
        });
        assertThat(part.runModel().runningProperty().get()).isTrue();
        Node token = robot.lookup("#queue-flying-token").query();
        stepAndLook(robot, token);
        assertThat(stepAndLook(robot, token)).as("full speed: no flight").isEqualTo("hidden");
        assertThat(robot.lookup("#queue-slots").queryParent().getChildrenUnmodifiable().get(0).getOpacity())
                .isEqualTo(1);
        robot.interact(() -> part.runModel().consumeMsProperty().set(5));
        stepAndLook(robot, token);
        assertThat(stepAndLook(robot, token)).as("a slowed run leaves the frames to spare")
                .isEqualTo("flying 2, slot 1 opacity 0.0");
    }

    /** Holds submitted work without running it: a real run that stays "running" for as long as the test needs. */
    private static final class HeldExecutor implements org.racelab.lab.BackgroundExecutor {
        @Override
        public <T> Cancellable submit(java.util.concurrent.Callable<T> work,
                java.util.function.Consumer<? super T> onSuccess,
                java.util.function.Consumer<? super Throwable> onFailure) {
            return new Cancellable() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        @Override
        public java.util.concurrent.Executor handoff() {
            return Runnable::run;
        }

        @Override
        public void close() {
        }
    }

    /** Keeps the preset enum reachable in lambdas without clashing with FxRobot's generic lookups. */
    private static final class QuePresetHolder {
        static final QueuePreset SENTINEL = QueuePreset.SENTINEL;
    }
}
