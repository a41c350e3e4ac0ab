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
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.lab.ThreadedBackgroundExecutor;
import org.racelab.ui.shell.Theme;
import org.racelab.ui.shell.Themes;
import org.racelab.ui.shell.Zoom;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer on a projector (issue #11): at 1024×768 and 1920×1080, windowed and presenting, at 100 % and 150 %,
 * every essential node lies inside the window, no label of it is cut to an ellipsis, the chart keeps a third of the
 * part's height, and presenting, every text of it is at least 2.5 % of the screen's height.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerFitTest {

    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    private static final List<String> NEEDED = List.of("#explorer-headline", "#explorer-chart", "#explorer-first",
            "#explorer-previous", "#explorer-next", "#explorer-last", "#explorer-goto", "#explorer-goto-button",
            "#explorer-random", "#explorer-replay", "#explorer-schedules");

    private Stage stage;
    private ThreadedBackgroundExecutor threads;
    private ExplorerViewModel viewModel;
    private ExplorerPart part;

    /**
     * The explorer below a strip as tall as the window's tab strip (2.6 em of the root font), in a window of the
     * given size, with the theme, zoom and presentation root of the real window.
     */
    private void open(int width, int height, boolean presenting, int zoom) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            threads = new ThreadedBackgroundExecutor("racelab-test-explorer", Platform::runLater);
            viewModel = new ExplorerViewModel(threads);
            part = new ExplorerPart(viewModel, (c, s) -> { }, () -> { });
            viewModel.threadsProperty().set(2);
            viewModel.incrementsProperty().set(2);
            Region tabStrip = new Region();
            tabStrip.setStyle("-fx-min-height: 2.6em; -fx-pref-height: 2.6em;");
            VBox root = new VBox(tabStrip, part.view());
            VBox.setVgrow(part.view(), Priority.ALWAYS);
            root.pseudoClassStateChanged(PRESENTATION, presenting);
            if (presenting) {
                // What presentation mode does to every part: secondary controls leave the layout.
                root.sceneProperty().addListener((o, old, s) -> Platform.runLater(() -> hideSecondary(root)));
            }
            Scene scene = new Scene(root, width, height);
            Themes.apply(scene, Theme.LIGHT, Zoom.rootFontPx(zoom, presenting));
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            viewModel.explore();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.resultProperty().get() != null
                && !viewModel.rows().isEmpty() && viewModel.selectedRowProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void hideSecondary(Parent root) {
        for (Node n : root.lookupAll("." + org.racelab.ui.part.PartStyle.SECONDARY)) {
            n.setVisible(false);
            n.setManaged(false);
        }
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            part.dispose();
            threads.close();
            stage.close();
        }).get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}x{1} presenting={2} zoom={3}% lower tab={4}")
    @CsvSource({"1024,768,false,100,0", "1024,768,false,150,0", "1024,768,true,100,0",
        "1024,768,true,150,0", "1920,1080,false,100,0", "1920,1080,false,150,0",
        "1920,1080,true,100,0", "1920,1080,true,150,0", "1920,1080,false,100,1"})
    void essentialsAreWholeInsideTheWindowAndReadable(int width, int height, boolean presenting, int zoom,
            int tab, FxRobot robot) throws Exception {
        check(width, height, presenting, zoom, tab, robot);
    }

    /** Presenting with the "How often really?" pane shown, its chart, table and buttons are whole and readable. */
    @ParameterizedTest(name = "{0}x{1} presenting={2} zoom={3}% lower tab={4}")
    @CsvSource({"1024,768,true,100,1", "1920,1080,true,150,1", "1024,768,false,100,1", "1024,768,true,150,1"})
    void realityPaneFitsPresenting(int width, int height, boolean presenting, int zoom, int tab,
            FxRobot robot) throws Exception {
        check(width, height, presenting, zoom, tab, robot);
    }

    /** "Python's switches": both rules side by side, whole and readable, windowed and presenting (issue #17). */
    @ParameterizedTest(name = "{0}x{1} presenting={2} zoom={3}% lower tab={4}")
    @CsvSource({"1024,768,true,100,2", "1024,768,false,100,2", "1024,768,false,150,2", "1024,768,true,150,2",
        "1920,1080,true,100,2", "1920,1080,false,150,2"})
    void switchRulesFit(int width, int height, boolean presenting, int zoom, int tab, FxRobot robot)
            throws Exception {
        check(width, height, presenting, zoom, tab, robot);
    }

    private void check(int width, int height, boolean presenting, int zoom, int tab, FxRobot robot)
            throws Exception {
        open(width, height, presenting, zoom);
        boolean reality = tab == 1;
        if (tab > 0) {
            robot.interact(() -> {
                TabPane tabs = (TabPane) robot.lookup(".explorer-lower-tabs").query();
                tabs.getSelectionModel().select(tab);
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (tab == 2) {
                SwitchRulesView rules = robot.lookup(".switch-rules-view").queryAs(SwitchRulesView.class);
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rules.viewModel().gilProperty().get() != null);
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        snapIfAsked(width, height, presenting, zoom, tab);

        List<String> essentials = part.essentials();
        if (reality) {
            assertThat(essentials).contains("#explorer-headline", "#explorer-chart", "#reality-chart",
                    "#reality-preemptions", "#reality-python");
        } else if (tab == 2) {
            assertThat(essentials).contains("#explorer-headline", "#explorer-chart", "#switch-rules-any-chart",
                    "#switch-rules-gil-chart", "#switch-rules-program");
        } else {
            assertThat(essentials).containsAll(NEEDED);
        }
        List<String> problems = new ArrayList<>();
        double least = height * 0.025;
        for (String selector : essentials) {
            Node n = robot.lookup(selector).query();
            assertThat(n).as(selector).isNotNull();
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (!shown(n) || b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > width + 0.5
                    || b.getMaxY() > height + 0.5 || b.getHeight() < 1) {
                problems.add(selector + " not whole in the window: " + b);
            }
            collect(n, presenting ? least : 0, selector, problems);
        }
        assertThat(problems).as("at %dx%d presenting=%s zoom=%d", width, height, presenting, zoom).isEmpty();

        Node chart = robot.lookup("#explorer-chart").query();
        double partHeight = part.view().getLayoutBounds().getHeight();
        assertThat(chart.getLayoutBounds().getHeight()).as("chart height of a %.0f px part", partHeight)
                .isGreaterThanOrEqualTo(partHeight / 3 - 0.5);
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Finds cut labels (an ellipsis the text does not have) and, presenting, texts under {@code least} px. */
    private static void collect(Node node, double least, String where, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().contains("…")) {
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

    private void snapIfAsked(int width, int height, boolean presenting, int zoom, int reality) throws Exception {
        if (!Boolean.getBoolean("explorer.snap")) {
            return;
        }
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
                javax.imageio.ImageIO.write(b, "png", new java.io.File("/tmp/explorer-fit-" + width + "-"
                        + presenting + "-" + zoom + "-" + reality + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }
}
