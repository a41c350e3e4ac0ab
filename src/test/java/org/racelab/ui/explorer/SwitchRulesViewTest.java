package org.racelab.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.lab.ThreadedBackgroundExecutor;
import org.racelab.model.RaceProgram;
import org.racelab.ui.shell.Theme;
import org.racelab.ui.shell.Themes;
import org.racelab.ui.shell.Zoom;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer's "Python's switches" tab shows both switch rules side by side, whole and readable at 1024×768
 * presenting, and "Run on this Python" without a Python says so inline while the rest keeps working.
 */
@ExtendWith(ApplicationExtension.class)
class SwitchRulesViewTest {

    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    private Stage stage;
    private ThreadedBackgroundExecutor explorerThreads;
    private ExplorerViewModel explorer;
    private ExplorerView view;

    /** The whole explorer, with a Python finder that finds none, in a window of the given size. */
    private void open(int width, int height, boolean presenting, int tab, FxRobot robot) throws Exception {
        open(width, height, presenting, tab, PythonAccess.none(), robot);
    }

    private void open(int width, int height, boolean presenting, int tab, PythonAccess python, FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            explorerThreads = new ThreadedBackgroundExecutor("racelab-test-explorer", Platform::runLater);
            explorer = new ExplorerViewModel(explorerThreads);
            view = new ExplorerView(explorer, python);
            StackPane root = new StackPane(view);
            root.pseudoClassStateChanged(PRESENTATION, presenting);
            Scene scene = new Scene(root, width, height);
            Themes.apply(scene, Theme.LIGHT, Zoom.rootFontPx(100, presenting));
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            explorer.explore();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> explorer.resultProperty().get() != null);
        TabPane lower = robot.lookup(".explorer-lower-tabs").queryAs(TabPane.class);
        robot.interact(() -> lower.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            explorer.dispose();
            explorerThreads.close();
            stage.close();
        }).get(30, TimeUnit.SECONDS);
        // Closing the window ends the explorer's lower tabs' threads (reality, switch rules, Python).
        long deadline = System.currentTimeMillis() + 200 * 3 + 100;
        while (System.currentTimeMillis() < deadline && !tabThreads().isEmpty()) {
            Thread.sleep(10);
        }
        assertThat(tabThreads()).as("no thread of the lower tabs survives the window").isEmpty();
    }

    private static List<String> tabThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("racelab-switch-rules") || n.startsWith("racelab-python-run")
                        || n.startsWith("racelab-reality-run"))
                .toList();
    }

    private SwitchRulesViewModel rules(FxRobot robot) {
        return robot.lookup(".switch-rules-view").queryAs(SwitchRulesView.class).viewModel();
    }

    @ParameterizedTest(name = "{0}x{1} presenting={2}")
    @CsvSource({"1024,768,true", "1024,768,false", "1920,1080,false", "1920,1080,true"})
    void bothRulesShowSideBySideWholeAndReadable(int width, int height, boolean presenting, FxRobot robot)
            throws Exception {
        open(width, height, presenting, 2, robot);
        SwitchRulesViewModel rules = rules(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rules.gilProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        snapIfAsked("count", width, height, presenting);

        Label any = robot.lookup("#switch-rules-any-summary").queryAs(Label.class);
        Label gil = robot.lookup("#switch-rules-gil-summary").queryAs(Label.class);
        assertThat(any.getText()).contains("lose an update");
        assertThat(gil.getText()).startsWith("Every one of the").contains("no update is lost");
        BarChart<?, ?> anyChart = robot.lookup("#switch-rules-any-chart").queryAs(BarChart.class);
        BarChart<?, ?> gilChart = robot.lookup("#switch-rules-gil-chart").queryAs(BarChart.class);
        assertThat(anyChart.getData().get(0).getData()).hasSizeGreaterThan(1);
        assertThat(gilChart.getData().get(0).getData()).hasSize(1);
        // Side by side: the any-point side left of the GIL side, at the same height.
        Bounds a = anyChart.localToScene(anyChart.getLayoutBounds());
        Bounds g = gilChart.localToScene(gilChart.getLayoutBounds());
        assertThat(a.getMaxX()).isLessThanOrEqualTo(g.getMinX());
        assertThat(Math.abs(a.getMinY() - g.getMinY())).isLessThan(1);
        assertThat(a.getHeight()).as("chart height").isGreaterThan(height * 0.12);

        List<String> problems = new ArrayList<>();
        for (String id : view.essentials()) {
            Node n = robot.lookup(id).query();
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > width + 0.5 || b.getMaxY() > height + 0.5
                    || b.getHeight() < 1) {
                problems.add(id + " not whole in the window: " + b);
            }
            collect(n, presenting ? height * 0.025 : 0, id, problems);
        }
        collect(robot.lookup(".switch-rules-view").query(), presenting ? height * 0.025 : 0, "pane", problems);
        assertThat(problems).isEmpty();

        robot.interact(() -> rules.programProperty().set(RaceProgram.CALL));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rules.gilProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gil.getText()).contains("lose an update (");
        snapIfAsked("call", width, height, presenting);
    }

    @Test
    void withoutPythonTheRealityPaneSaysSoAndKeepsWorking(FxRobot robot) throws Exception {
        open(1024, 768, false, 1, robot);
        RealityView reality = robot.lookup(".reality-view").queryAs(RealityView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> reality.viewModel().theoryProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#reality-python");
        Label notice = robot.lookup("#reality-python-notice").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notice.isVisible() && notice.getText().contains(
                "No Python found"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice.getText()).isEqualTo(PythonTrialsViewModel.NO_PYTHON);
        assertThat(notice.getStyleClass()).contains("missing");
        Bounds b = notice.localToScene(notice.getLayoutBounds());
        assertThat(b.getMaxY()).as("the notice is on screen").isLessThanOrEqualTo(768.5);
        BarChart<?, ?> chart = robot.lookup("#reality-chart").queryAs(BarChart.class);
        assertThat(chart.getData()).as("no fourth source without Python").hasSize(3);

        // Nothing else breaks: the Java trials still run and stop.
        robot.clickOn("#reality-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reality.viewModel().reportProperty().get() != null
                && reality.viewModel().reportProperty().get().trials() > 0);
        robot.clickOn("#reality-stop");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !reality.viewModel().runningProperty().get());
        assertThat(chart.getData().get(2).getData()).isNotEmpty();
        assertThat(notice.getText()).isEqualTo(PythonTrialsViewModel.NO_PYTHON);
    }

    @Test
    void onThisPythonTheRealityChartGainsAFourthSource(FxRobot robot) throws Exception {
        java.util.Optional<org.racelab.lab.python.PythonInterpreter> found =
                org.racelab.lab.python.PythonInterpreter.find(java.util.Optional.empty());
        org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(),
                "no python3 or python on the PATH of this machine: skipping the real runs");
        open(1024, 768, false, 1, PythonAccess.onThisComputer(), robot);
        RealityView reality = robot.lookup(".reality-view").queryAs(RealityView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> reality.viewModel().theoryProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#reality-python");
        BarChart<?, ?> chart = robot.lookup("#reality-chart").queryAs(BarChart.class);
        Label notice = robot.lookup("#reality-python-notice").queryAs(Label.class);
        // Each trial is one Python process; the chart gains its source with the first and grows live.
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> notice.getText().contains(" trials lost an update"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getData()).hasSize(4);
        String name = chart.getData().get(3).getName();
        assertThat(name).matches("CPython 3\\.\\d+t? .*on this laptop");
        assertThat(notice.getText()).contains("count += 1").contains("2 threads × 1 increment");
        // The Python bars are shares of its trials so far: they add up to 100 %.
        double sum = chart.getData().get(3).getData().stream().mapToDouble(d -> ((Number) d.getYValue())
                .doubleValue()).sum();
        assertThat(sum).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
        // Stop ends the trials (the runner kills the Python process); the bars so far stay.
        robot.clickOn("#reality-stop");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reality-python").queryButton().isDisabled()).isFalse();
        assertThat(chart.getData()).hasSize(4);
    }

    private static void collect(Node node, double least, String where, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().contains("…")) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && t.getText().contains("…")) {
                    problems.add(where + ": '" + l.getText() + "' shown as '" + t.getText() + "'");
                }
            }
        }
        if (node instanceof Text t && !t.getText().isBlank() && t.getFont().getSize() < least - 0.05) {
            problems.add(where + ": '" + t.getText() + "' is " + t.getFont().getSize() + " px, under " + least);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, least, where, problems));
        }
    }

    private void snapIfAsked(String name, int width, int height, boolean presenting) throws Exception {
        if (!Boolean.getBoolean("explorer.snap")) {
            return;
        }
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.image.WritableImage img = stage.getScene().snapshot(null);
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                        new java.io.File("/tmp/switches-" + name + "-" + width + "-" + presenting + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }
}
