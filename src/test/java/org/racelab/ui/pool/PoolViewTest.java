package org.racelab.ui.pool;

import org.racelab.ui.controls.FitCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.lab.pool.PoolTestThreads;
import org.racelab.ui.part.PartStyle;
import org.racelab.ui.shell.FxBackground;
import org.racelab.ui.shell.Themes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PoolViewTest {

    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    private static final String[] NEEDED = {"#pool-view", "#pool-run", "#pool-stop", "#pool-sequential", "#pool-sweep", "#pool-gil",
        "#pool-gantt", "#pool-sweep-chart", "#pool-status", "#pool-backlog"};

    private PoolPart part;
    private Stage stage;

    @Start
    void start(Stage primary) {
        part = new PoolPart(FxBackground.create("racelab-pool"));
        showAt(1024, 768, false);
    }

    /** A new window per size: resizing a shown one overflows headless Glass's software painter. */
    private void showAt(double width, double height, boolean presenting) {
        if (stage != null) {
            stage.hide();
            stage.getScene().setRoot(new javafx.scene.layout.Region());
        }
        stage = new Stage();
        Parent view = (Parent) part.view();
        Scene scene = new Scene(view, width, height);
        Themes.apply(scene);
        view.pseudoClassStateChanged(PRESENTATION, presenting);
        // What the shell does presenting: secondary controls leave the screen.
        hideSecondary(view, presenting);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            part.dispose();
            stage.hide();
        }).get(30, TimeUnit.SECONDS);
        assertThat(PoolTestThreads.awaitNone(1_000)).as("left: %s", PoolTestThreads.alive()).isTrue();
    }

    @Test
    void partIsKeyFiveAndTitledPool() {
        assertThat(part.number()).isEqualTo(5);
        assertThat(part.title()).isEqualTo("Pool");
        assertThat(part.keys()).extracting(k -> k.description()).contains("Run the pool, or stop what runs", "GIL on/off");
        assertThat(part.view()).isSameAs(part.view());
    }

    @Test
    void presetsReachTheSpinnersEvenAfterAGarbageCollection(FxRobot robot) {
        System.gc();
        robot.interact(() -> part.viewModel().presetSlide2());
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> workers = robot.lookup("#pool-workers").queryAs(javafx.scene.control.Spinner.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> latency = robot.lookup("#pool-latency").queryAs(javafx.scene.control.Spinner.class);
        assertThat(workers.getValue()).isEqualTo(10);
        assertThat(latency.getValue()).isEqualTo(1_000);
        robot.interact(() -> workers.getValueFactory().setValue(7));
        assertThat(part.viewModel().workersProperty().get()).isEqualTo(7);
    }

    @Test
    void runFillsTheGanttAndSweepFillsTheChart(FxRobot robot) throws Exception {
        PoolViewModel vm = part.viewModel();
        robot.interact(() -> {
            vm.tasksProperty().set(8);
            vm.latencyMsProperty().set(50);
            vm.workersProperty().set(4);
        });
        robot.clickOn("#pool-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.isRunning() && vm.lastRunProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.snapshotProperty().get().lanes()).isEqualTo(4);
        assertThat(robot.lookup("#pool-backlog").queryAs(Label.class).getText())
                .isEqualTo("Backlog: 0 queued · 8 of 8 done");
        assertThat(robot.lookup("#pool-status").queryAs(Label.class).getText()).startsWith("4 workers: ");

        robot.interact(() -> vm.latencyMsProperty().set(10));
        robot.clickOn("#pool-sweep");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.isRunning() && vm.sweepPoints().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        var chart = robot.lookup("#pool-sweep-chart").queryAs(javafx.scene.chart.LineChart.class);
        assertThat(((javafx.scene.chart.XYChart.Series<?, ?>) chart.getData().get(0)).getData()).hasSize(7);
        assertThat(((javafx.scene.chart.XYChart.Series<?, ?>) chart.getData().get(1)).getData()).hasSize(7);
    }

    @Test
    void stopDuringSlowRequestsEndsEveryThread(FxRobot robot) throws Exception {
        PoolViewModel vm = part.viewModel();
        robot.interact(() -> {
            vm.tasksProperty().set(20);
            vm.latencyMsProperty().set(2_000);
            vm.workersProperty().set(5);
        });
        robot.clickOn("#pool-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.snapshotProperty().get().started() >= 5);
        robot.clickOn("#pool-stop");
        assertThat(vm.isRunning()).isFalse();
        // The background thread of the part stays for the next run; the run's own threads end.
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> PoolTestThreads.alive().stream()
                .allMatch(n -> n.matches("racelab-pool-\\d+")));
    }

    @ParameterizedTest
    @CsvSource({"1024, 768, true", "1920, 1080, true", "1024, 768, false", "1920, 1080, false"})
    void everythingNeededFitsAndPresentingTextIsLargeEnough(int width, int height, boolean presenting,
            FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> showAt(width, height, presenting)).get();
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : NEEDED) {
            Node n = robot.lookup(id).query();
            var b = n.localToScene(n.getBoundsInLocal());
            assertThat(n.isVisible()).as(id).isTrue();
            assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMinY()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(width);
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(height);
        }
        Node gantt = robot.lookup("#pool-gantt").query();
        assertThat(gantt.getBoundsInLocal().getHeight()).as("Gantt height").isGreaterThan(height * 0.3);
        if (presenting) {
            double min = 0.025 * height;
            List<String> small = new ArrayList<>();
            collectSmallText((Parent) part.view(), min, small);
            assertThat(small).as("text under %.1f px presenting at %dx%d", min, width, height).isEmpty();
            // The Gantt's canvas writes its lane labels and axis in the title's font.
            Label title = (Label) robot.lookup(".pool-title").query();
            assertThat(title.getFont().getSize()).isGreaterThanOrEqualTo(min);
        }
    }

    /**
     * The part as the shell shows it: under a tab strip, with the zoom's root font and presentation mode's
     * pseudo-class on the window's root. Every essential lies inside the window, its text is shown whole, the
     * charts keep a useful height, and presenting its text is at least 2.5 % of the window's height.
     */
    @ParameterizedTest
    @CsvSource({"1024, 768, false, 100", "1024, 768, true, 100", "1024, 768, false, 150", "1024, 768, true, 150",
        "1920, 1080, false, 100", "1920, 1080, true, 100", "1920, 1080, false, 150", "1920, 1080, true, 150"})
    void essentialsFitUnderTheTabStripAtEveryZoom(int width, int height, boolean presenting, int zoom,
            FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> showInShell(width, height, presenting, zoom)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String where = width + "x" + height + (presenting ? " presenting" : " windowed") + " at " + zoom + " %";
        Parent view = (Parent) part.view();
        assertThat(view.getLayoutBounds().getWidth()).as("view width " + where).isLessThanOrEqualTo(width);
        assertThat(view.minWidth(-1)).as("view min width " + where).isLessThanOrEqualTo(width);
        List<String> problems = new ArrayList<>();
        for (String selector : part.essentials()) {
            var found = view.lookupAll(selector);
            if (found.isEmpty()) {
                problems.add(selector + " missing");
            }
            for (Node n : found) {
                problems.addAll(FitCheck.problems(selector, n, width, height, presenting ? 0.025 * height : 0));
            }
        }
        for (String chart : List.of("#pool-gantt", "#pool-sweep-chart")) {
            Node n = view.lookup(chart);
            assertThat(n.getLayoutBounds().getHeight()).as(chart + " height " + where)
                    .isGreaterThanOrEqualTo(0.25 * height);
        }
        // A tab strip inside the part is found by the shell's lookup of its own, and the window bar then drops
        // its PNG, Copy and Present buttons for lack of room.
        assertThat(view.lookupAll(".headers-region")).as("nested tab strip " + where).isEmpty();
        // The sweep chart's axes (its x-axis was below a 1024x768 window) lie inside the window too.
        for (Node axis : view.lookup("#pool-sweep-chart").lookupAll(".axis")) {
            problems.addAll(FitCheck.problems("sweep axis", axis, width, height, presenting ? 0.025 * height : 0));
        }
        assertThat(problems).as(where).isEmpty();
    }

    /** Builds a new window holding the part's view in a tab, as MainView does. */
    private void showInShell(double width, double height, boolean presenting, int zoom) {
        if (stage != null) {
            stage.hide();
            stage.getScene().setRoot(new javafx.scene.layout.Region());
        }
        Parent view = (Parent) part.view();
        if (view.getParent() != null) {
            ((javafx.scene.layout.Pane) view.getParent()).getChildren().remove(view);
        }
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Pool", new javafx.scene.layout.StackPane(view)));
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, width, height);
        Themes.apply(scene, org.racelab.ui.shell.Theme.LIGHT, org.racelab.ui.shell.Zoom.rootFontPx(zoom, presenting));
        tabs.pseudoClassStateChanged(PRESENTATION, presenting);
        hideSecondary(view, presenting);
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
    }

    /** As the shell's presentation mode: secondary controls leave the screen unless their view binds them. */
    private static void hideSecondary(Parent view, boolean presenting) {
        view.lookupAll("." + PartStyle.SECONDARY).forEach(n -> {
            if (!n.visibleProperty().isBound()) {
                n.setVisible(!presenting);
            }
            if (!n.managedProperty().isBound()) {
                n.setManaged(!presenting);
            }
        });
    }

    /**
     * Presenting, the settings fold away and a Settings button brings them back on the same screen: Workers,
     * Tasks and Kind inside the window, the charts still there; windowed there is no such button.
     */
    @Test
    void presentingTheSettingsButtonBringsTheSettingsBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> showAt(1024, 768, true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Node workers = robot.lookup("#pool-workers").query();
        Node toggle = robot.lookup("#pool-settings-toggle").query();
        assertThat(toggle.isVisible()).isTrue();
        assertThat(workers.getParent().getParent().isVisible()).as("settings row while presenting").isFalse();
        robot.clickOn("#pool-settings-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#pool-workers", "#pool-tasks", "#pool-kind", "#pool-run", "#pool-gantt",
                "#pool-sweep-chart", "#pool-settings-toggle")) {
            Node n = robot.lookup(id).query();
            var b = n.localToScene(n.getBoundsInLocal());
            assertThat(n.getParent().isVisible() && n.isVisible()).as(id + " shown").isTrue();
            assertThat(b.getMinY()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(1024);
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(768);
        }
        assertThat(robot.lookup("#pool-gantt").query().getBoundsInLocal().getHeight()).isGreaterThan(768 * 0.2);
        robot.clickOn("#pool-settings-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workers.getParent().getParent().isVisible()).isFalse();
        WaitForAsyncUtils.asyncFx(() -> showAt(1024, 768, false)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.isVisible()).as("windowed: no Settings button").isFalse();
        assertThat(workers.getParent().getParent().isVisible()).isTrue();
    }

    private static void collectSmallText(Parent parent, double min, List<String> small) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n.getStyleClass().contains("pool-probe")) {
                continue;
            }
            if (n instanceof Text t && !t.getText().isBlank() && t.getFont().getSize() < min) {
                small.add("'" + t.getText() + "' " + t.getFont().getSize() + " px");
            }
            if (n instanceof Parent p) {
                collectSmallText(p, min, small);
            }
        }
    }
}
