package org.racelab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.racelab.lab.CounterKind;
import org.racelab.lab.LabThreads;
import org.racelab.ui.part.PartStyle;
import org.racelab.ui.shell.FxBackground;
import org.racelab.ui.shell.Theme;
import org.racelab.ui.shell.Themes;
import org.racelab.ui.shell.Zoom;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lab on a projector: at 1024×768 and 1920×1080, windowed and presenting, at zoom 100 %, 150 % and 250 %, the
 * essentials lie whole inside the window (and inside any scroll pane's view), presenting text is at least 2.5 % of
 * the screen height, and no figure or title in the results table ends in an ellipsis. The table holds real runs:
 * a stopped switchable run and a compare-all.
 */
@ExtendWith(ApplicationExtension.class)
class LabFitTest {

    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    /** The shell's tab strip and window bar sit above a part: about this tall at 100 %. */
    private static final double TAB_STRIP_EM = 2.6;

    private record Screen(int width, int height, boolean presenting, int zoom) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%dx%d %s %d%%", width, height,
                    presenting ? "presenting" : "windowed", zoom);
        }
    }

    private static final List<Screen> SCREENS = List.of(
            new Screen(1024, 768, false, 100), new Screen(1024, 768, true, 100), new Screen(1024, 768, true, 150),
            new Screen(1920, 1080, false, 100), new Screen(1920, 1080, true, 100),
            new Screen(1920, 1080, true, 150),
            // Issue #11's grid found the lab cut at these: settings beside the charts pushed them out of the window.
            new Screen(1024, 768, false, 150), new Screen(1024, 768, false, 250), new Screen(1024, 768, true, 250),
            new Screen(1920, 1080, true, 250));

    private Stage stage;
    private LabViewModel vm;
    private LabView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new LabViewModel(FxBackground.create("racelab-lab-fit-test"));
        view = new LabView(vm, false);
        show(SCREENS.get(0));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::dispose).get(5, TimeUnit.SECONDS);
        assertThat(LabThreads.awaitNone(2_000)).as("lab threads left: %s", LabThreads.alive()).isTrue();
    }

    /** Puts the view in a fresh window of the screen's size, with the shell's root font and presentation state. */
    private void show(Screen screen) {
        double rootFont = Zoom.rootFontPx(screen.zoom(), screen.presenting());
        Region tabs = new Region();
        tabs.setMinHeight(TAB_STRIP_EM * rootFont);
        VBox.setVgrow(view, javafx.scene.layout.Priority.ALWAYS);
        VBox root = new VBox(tabs);
        root.getChildren().add(view);
        Scene scene = new Scene(root, screen.width(), screen.height());
        Themes.apply(scene, Theme.LIGHT, rootFont);
        root.pseudoClassStateChanged(PRESENTATION, screen.presenting());
        // What the shell's PresentationMode does to secondary nodes.
        for (Node n : root.lookupAll("." + PartStyle.SECONDARY)) {
            n.setVisible(!screen.presenting());
            n.setManaged(!screen.presenting());
        }
        stage.setScene(scene);
        stage.setWidth(screen.width());
        stage.setHeight(screen.height());
        root.applyCss();
        root.layout();
    }

    private void settle(FxRobot robot, Screen screen) {
        robot.interact(() -> show(screen));
        WaitForAsyncUtils.waitForFxEvents(3);
        robot.interact(() -> {
            view.getScene().getRoot().applyCss();
            view.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    /** A stopped switchable run, then compare-all: the table's widest figures and a status in the counter cell. */
    private void fillTable(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.counterProperty().set(CounterKind.SWITCHABLE);
            vm.workersProperty().set(6);
            vm.tasksProperty().set(6);
            vm.incrementsProperty().set(2_000_000);
            vm.start();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> vm.chart().lines()
                .stream().anyMatch(l -> l.points().size() >= 3)).get());
        robot.interact(vm::stop);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.isRunning() && vm.rows().size() == 1);
        robot.interact(vm::compareAll);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.isRunning() && vm.rows().size() == 6);
    }

    @Test
    void theEssentialsLieWholeInsideTheWindowOnEveryScreen(FxRobot robot) throws Exception {
        fillTable(robot);
        List<String> problems = new ArrayList<>();
        for (Screen screen : SCREENS) {
            settle(robot, screen);
            robot.interact(() -> shoot(screen));
            for (String selector : LabPart.ESSENTIALS) {
                Node node = view.lookup(selector);
                if (node == null || !showing(node)) {
                    problems.add(screen + ": " + selector + " is not shown");
                    continue;
                }
                Bounds b = node.localToScene(node.getBoundsInLocal());
                if (!inside(b, 0, 0, screen.width(), screen.height())) {
                    problems.add(screen + ": " + selector + " at " + b + " is outside the window");
                }
                for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                    if (p instanceof ScrollPane pane && pane.getContent() != null) {
                        Node viewport = pane.lookup(".viewport");
                        Bounds v = viewport.localToScene(viewport.getBoundsInLocal());
                        if (!inside(b, v.getMinX(), v.getMinY(), v.getMaxX(), v.getMaxY())) {
                            problems.add(screen + ": " + selector + " is scrolled out of its scroll pane's view");
                        }
                    }
                }
            }
            // At 100 % the charts take the screen; a larger zoom trades chart height for larger type.
            if (screen.presenting() && screen.zoom() == 100) {
                double charts = view.lookup("#lab-lost-chart").getBoundsInLocal().getHeight();
                System.out.printf(Locale.ROOT, "LabFitTest %s: charts %.0f px tall%n", screen, charts);
                if (charts < screen.height() / 3.0) {
                    problems.add(screen + ": the charts are only " + charts + " px tall");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void presentingEveryTextAStudentReadsIsAtLeastTwoAndAHalfPercentOfTheScreen(FxRobot robot) throws Exception {
        fillTable(robot);
        List<String> problems = new ArrayList<>();
        for (Screen screen : SCREENS) {
            if (!screen.presenting()) {
                continue;
            }
            settle(robot, screen);
            double least = 0.025 * screen.height() - 0.05;
            int checked = 0;
            for (String selector : List.of("#lab-lost-chart", "#lab-rate-chart", ".lab-legend", "#lab-table",
                    "#lab-live-bar")) {
                for (Node n : view.lookupAll(selector + " .text")) {
                    if (n instanceof Text text && showing(text) && !text.getText().isBlank()) {
                        checked++;
                        if (text.getFont().getSize() < least) {
                            problems.add(String.format(Locale.ROOT, "%s: \"%s\" in %s is %.1f px, under %.1f",
                                    screen, text.getText(), selector, text.getFont().getSize(), least));
                        }
                    }
                }
            }
            // Tick labels are Text nodes without a style class.
            for (Node axis : view.lookupAll(".axis")) {
                for (Node n : ((Parent) axis).getChildrenUnmodifiable()) {
                    if (n instanceof Text text && showing(text)) {
                        checked++;
                        if (text.getFont().getSize() < least) {
                            problems.add(String.format(Locale.ROOT, "%s: tick label \"%s\" is %.1f px, under %.1f",
                                    screen, text.getText(), text.getFont().getSize(), least));
                        }
                    }
                }
            }
            assertThat(checked).as("texts checked at %s", screen).isGreaterThan(40);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theTableShowsEveryFigureAndTitleWithoutAnEllipsis(FxRobot robot) throws Exception {
        fillTable(robot);
        List<String> problems = new ArrayList<>();
        for (Screen screen : SCREENS) {
            settle(robot, screen);
            int checked = 0;
            List<Node> labels = new ArrayList<>(view.lookupAll("#lab-table .table-cell"));
            labels.addAll(view.lookupAll("#lab-table .column-header .label"));
            for (Node n : labels) {
                if (!(n instanceof Labeled labeled) || !showing(labeled) || labeled.getText() == null
                        || labeled.getText().isEmpty()) {
                    continue;
                }
                checked++;
                for (Node child : labeled.getChildrenUnmodifiable()) {
                    if (child instanceof Text shown && !shown.getText().equals(labeled.getText())) {
                        problems.add(screen + ": \"" + labeled.getText() + "\" shows as \"" + shown.getText() + "\"");
                    }
                }
            }
            // The header's eight titles and at least one row's figures.
            assertThat(checked).as("cells checked at %s", screen).isGreaterThanOrEqualTo(15);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSettingsFoldIntoADrawerWhenPresentingOrNarrowAndTheDrawerOpensInsideTheWindow(FxRobot robot) {
        Screen wide = new Screen(1920, 1080, false, 100);
        settle(robot, wide);
        Node settings = view.lookup("#lab-settings");
        javafx.scene.control.ToggleButton toggle =
                (javafx.scene.control.ToggleButton) view.lookup("#lab-settings-toggle");
        assertThat(view.getLeft()).as("settings beside the charts at %s", wide).isSameAs(settings);
        assertThat(showing(toggle)).isFalse();
        for (Screen folded : List.of(new Screen(1024, 768, true, 100), new Screen(1024, 768, false, 250),
                new Screen(1920, 1080, true, 150))) {
            settle(robot, folded);
            assertThat(view.getLeft()).as("no settings column at %s", folded).isNull();
            assertThat(showing(settings)).as("drawer closed at %s", folded).isFalse();
            assertThat(FitCheckProblems.of("#lab-settings-toggle", toggle, folded)).isEmpty();
            robot.interact(toggle::fire);
            robot.interact(() -> view.getScene().getRoot().layout());
            assertThat(showing(settings)).as("drawer open at %s", folded).isTrue();
            assertThat(FitCheckProblems.of("#lab-counter", view.lookup("#lab-counter"), folded)).isEmpty();
            robot.interact(toggle::fire);
        }
        settle(robot, wide);
        assertThat(view.getLeft()).as("settings back beside the charts").isSameAs(settings);
        assertThat(showing(settings)).isTrue();
    }

    /** The shared projector check, with the presenting text rule when the screen presents. */
    private static final class FitCheckProblems {
        static List<String> of(String selector, Node node, Screen screen) {
            return org.racelab.ui.controls.FitCheck.problems(selector, node, screen.width(), screen.height(),
                    screen.presenting() ? 0.025 * screen.height() - 0.05 : 0);
        }
    }

    /** A picture of each screen in target/lab-fit, for a person to look at. */
    private void shoot(Screen screen) {
        javafx.scene.image.WritableImage image = view.getScene().snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "lab-fit");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(out, "png", dir.resolve(screen.toString().replace(' ', '-')
                    .replace("%", "") + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static boolean inside(Bounds b, double minX, double minY, double maxX, double maxY) {
        return b.getMinX() >= minX - 1 && b.getMinY() >= minY - 1 && b.getMaxX() <= maxX + 1
                && b.getMaxY() <= maxY + 1;
    }
}
