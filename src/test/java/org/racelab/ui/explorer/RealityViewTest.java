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
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.lab.ThreadedBackgroundExecutor;
import org.racelab.lab.reality.RealityHarness;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.RaceConfig;
import org.racelab.ui.shell.Theme;
import org.racelab.ui.shell.Themes;
import org.racelab.ui.shell.Zoom;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The explorer with its reality pane fits 1024×768 and 1920×1080, and presenting, every text is back-row size. */
@ExtendWith(ApplicationExtension.class)
class RealityViewTest {

    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    private Stage stage;
    private ThreadedBackgroundExecutor explorerThreads;
    private ExplorerViewModel explorer;

    private RealityViewModel reality;

    /** The reality pane alone in a window of the given size, or the whole explorer with its tab chosen. */
    private void open(int width, int height, boolean presenting, boolean whole) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            explorerThreads = new ThreadedBackgroundExecutor("racelab-test-explorer", Platform::runLater);
            explorer = new ExplorerViewModel(explorerThreads);
            Node content;
            if (whole) {
                content = new ExplorerView(explorer);
                explorer.explore();
            } else {
                reality = new RealityViewModel(explorerThreads, System::nanoTime);
                reality.useExploration(Interleavings.explore(new RaceConfig(2, 1, 0, false)));
                content = new RealityView(reality);
            }
            StackPane root = new StackPane(content);
            root.pseudoClassStateChanged(PRESENTATION, presenting);
            Scene scene = new Scene(root, width, height);
            Themes.apply(scene, Theme.LIGHT, Zoom.rootFontPx(100, presenting));
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        }).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            explorer.dispose();
            if (reality != null) {
                reality.dispose();
            }
            explorerThreads.close();
            stage.close();
        }).get(30, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + RealityHarness.STOP_MILLIS + 300;
        while (System.currentTimeMillis() < deadline && !racers().isEmpty()) {
            Thread.sleep(10);
        }
        assertThat(racers()).as("no racing thread survives the window").isEmpty();
    }

    private static List<String> racers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(RealityHarness.THREAD_PREFIX) || n.startsWith("racelab-reality-run"))
                .toList();
    }

    @org.junit.jupiter.api.Test
    void theWholeExplorerFitsTheRealityPaneAt1024x768(FxRobot robot) throws Exception {
        chartAndTableLieInsideTheWindowAndPresentingTextIsReadable(1024, 768, false, true, robot);
    }

    @ParameterizedTest(name = "{0}x{1} presenting={2} in the explorer={3}")
    @CsvSource({"1024,768,false,false", "1024,768,true,false", "1920,1080,false,false", "1920,1080,true,false",
        "1920,1080,false,true"})
    void chartAndTableLieInsideTheWindowAndPresentingTextIsReadable(int width, int height, boolean presenting,
            boolean whole, FxRobot robot) throws Exception {
        open(width, height, presenting, whole);
        if (whole) {
            // Selected as the tab strip would; the header's text node can sit outside the headless screen.
            javafx.scene.control.TabPane lower = fx(() -> robot.lookup(".explorer-lower-tabs")
                    .queryAs(javafx.scene.control.TabPane.class));
            robot.interact(() -> lower.getSelectionModel().select(1));
        }
        RealityView view = fx(() -> robot.lookup(".reality-view").queryAs(RealityView.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.viewModel().preemptionsProperty().get() != null);
        robot.clickOn(fx(() -> robot.lookup("#reality-run").<Node>query()), javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().reportProperty().get() != null
                && view.viewModel().reportProperty().get().trials() > 0);
        robot.clickOn(fx(() -> robot.lookup("#reality-stop").<Node>query()), javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        if (Boolean.getBoolean("reality.snap")) {
            WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.image.WritableImage img = stage.getScene().snapshot(null);
                java.awt.image.BufferedImage b = new java.awt.image.BufferedImage((int) img.getWidth(),
                        (int) img.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < b.getHeight(); y++) {
                    for (int x = 0; x < b.getWidth(); x++) {
                        b.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                    }
                }
                try {
                    javax.imageio.ImageIO.write(b, "png", new java.io.File("/tmp/reality-" + width + "-" + presenting + "-" + whole + ".png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
        }
        BarChart<?, ?> chart = fx(() -> robot.lookup("#reality-chart").queryAs(BarChart.class));
        assertThat(fx(() -> chart.getData().size())).isEqualTo(3);
        assertThat(fx(() -> chart.getData().get(2).getData().isEmpty())).isFalse();
        for (String id : List.of("#reality-chart", "#reality-preemptions", "#reality-run", "#reality-stop",
                "#reality-replay", "#reality-headline")) {
            Bounds b = fx(() -> {
                Node n = robot.lookup(id).query();
                return n.localToScene(n.getLayoutBounds());
            });
            assertThat(b.getMinX()).as(id + " left").isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMinY()).as(id + " top").isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMaxX()).as(id + " right").isLessThanOrEqualTo(width + 0.5);
            assertThat(b.getMaxY()).as(id + " bottom").isLessThanOrEqualTo(height + 0.5);
            assertThat(b.getHeight()).as(id + " height").isPositive();
        }
        double chartHeight = fx(() -> robot.lookup("#reality-chart").query().getLayoutBounds().getHeight());
        assertThat(chartHeight).as("chart height").isGreaterThan(height * 0.12);
        if (presenting) {
            double least = height * 0.025;
            List<String> small = fx(() -> {
                List<String> found = new ArrayList<>();
                collectText(view, least, found);
                return found;
            });
            assertThat(small).as("texts under %.1f px", least).isEmpty();
        }
    }

    /**
     * Reads the scene on the JavaFX thread: a lookup from the test thread walks child lists the JavaFX thread may be
     * changing (the explorer still laying out its first exploration), which failed once with an index out of bounds.
     */
    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static void collectText(Node node, double least, List<String> small) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text t && !t.getText().isBlank() && t.getFont().getSize() < least - 0.05) {
            small.add("'" + t.getText() + "' " + t.getFont().getSize() + " px");
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectText(c, least, small));
        }
    }
}
