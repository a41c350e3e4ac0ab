package org.racelab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.racelab.ui.part.Part;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #11's "fits" rule, for every part of the real composition root (a part added later is checked without a
 * line here): at each screen size and zoom, windowed and presenting, every node the part declares in
 * {@link Part#essentials()} is visible, lies whole inside the window, is not clipped by an ancestor and shows its
 * text without an ellipsis; presenting, its text is at least 2.5 % of the screen height.
 *
 * <p>The screen is simulated by the window's size: presenting fills the screen (W×H); windowed is the default
 * window clamped to the screen, less a task bar. Up to 150 % nothing may need scrolling; above it a node may lie in
 * the scrolled-away part of a ScrollPane, as the issue allows ("larger zooms may scroll, with labels kept in view").
 */
@ExtendWith(ApplicationExtension.class)
class PartFitTest {

    /** The screens of the issue. */
    static final List<int[]> SCREENS = List.of(
            new int[] {1024, 768}, new int[] {1280, 720}, new int[] {1366, 768}, new int[] {1920, 1080},
            new int[] {2560, 1440});
    /** Every zoom step the window offers, 75 % to 250 %, as the issue asks. */
    static final List<Integer> ZOOMS = Zoom.STEPS;
    /** The screens checked at every zoom in {@link #ZOOMS}; the others at 100 % only, to keep the test near 2 min. */
    static final Set<String> EVERY_ZOOM = Set.of("1024x768", "1920x1080");
    /** Above this zoom a part may scroll, its labels kept in view. */
    static final int SCROLL_FROM_ZOOM = 151;
    static final double MIN_TEXT_SHARE = Part.MIN_TEXT_SHARE;
    static final double TASK_BAR = 40;
    private static final double EPS = 0.5;

    private Stage stage;
    private RaceLabRoot root;

    @Start
    void start(Stage primary) {
        // A stage of its own, closed after each test: the primary stage is shared with later test classes and
        // would keep the sizes set here.
        Stage stage = new Stage();
        this.stage = stage;
        // The presentation pseudo-class, hidden secondaries and larger type without the stage going full screen:
        // the window's size stands in for the screen, so a 2560×1440 projector can be checked on a smaller one.
        root = new RaceLabRoot(new MainViewModel());
        Scene scene = new Scene(root.window(), 1024, 768);
        root.keyMap().install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        new FxRobot().interact(() -> {
            stage.close();
            root.dispose();
        });
    }

    @TestFactory
    Stream<DynamicTest> everyPartFitsEveryScreenAtEveryZoom() {
        List<Part> parts = root.window().parts();
        assertThat(parts).as("the composition root's parts").hasSizeGreaterThanOrEqualTo(5);
        return parts.stream().map(part -> DynamicTest.dynamicTest(part.title(), () -> checkPart(part)));
    }

    /** The tab strip and the window bar stay whole at 1024×768 at every zoom step: no "…" hides what they are. */
    @org.junit.jupiter.api.Test
    void tabStripAndWindowBarStayWholeAt1024x768() {
        MainViewModel vm = root.viewModel();
        List<String> failures = new ArrayList<>();
        for (boolean presenting : new boolean[] {false, true}) {
            for (int zoom : Zoom.STEPS) {
                double h = presenting ? 768 : 768 - TASK_BAR;
                interact(() -> {
                    vm.setPresentation(presenting);
                    vm.setZoom(zoom);
                    stage.setWidth(1024);
                    stage.setHeight(h);
                });
                List<String> found = new ArrayList<>();
                interact(() -> {
                    Scene scene = stage.getScene();
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    // The tabs and the window bar share one row: the last tab ends before the bar's first control.
                    double barLeft = scene.getWidth();
                    for (Node bar : scene.getRoot().lookupAll(".window-bar")) {
                        for (Node n : ((Parent) bar).getChildrenUnmodifiable()) {
                            if (treeVisible(n) && n.isManaged()) {
                                barLeft = Math.min(barLeft, n.localToScene(n.getLayoutBounds()).getMinX());
                            }
                        }
                    }
                    for (Node tab : scene.getRoot().lookupAll(".part-tabs .tab")) {
                        Bounds b = tab.localToScene(tab.getLayoutBounds());
                        if (treeVisible(tab) && b.getMaxX() > barLeft + EPS) {
                            found.add("tab " + tab.lookup(".tab-label") + " runs under the window bar ("
                                    + rect(b) + ", bar from x=" + Math.round(barLeft) + ")");
                        }
                    }
                    List<Node> strip = new ArrayList<>(scene.getRoot().lookupAll(".tab-header-area"));
                    strip.addAll(scene.getRoot().lookupAll(".window-bar"));
                    for (Node top : strip) {
                        for (Node n : withDescendants(top)) {
                            if (!(n instanceof Labeled l) || !treeVisible(n) || l.getText() == null
                                    || l.getText().isEmpty()) {
                                continue;
                            }
                            Bounds b = n.localToScene(n.getBoundsInLocal());
                            if (ellipsised(l)) {
                                found.add("\"" + l.getText() + "\" shows as \"" + shownText(l) + "\"");
                            } else if (b.getMinX() < -EPS || b.getMaxX() > scene.getWidth() + EPS) {
                                found.add("\"" + l.getText() + "\" lies outside the window (" + rect(b) + ")");
                            }
                        }
                    }
                });
                found.forEach(f -> failures.add((presenting ? "presenting" : "windowed") + " zoom " + zoom + "%: " + f));
            }
        }
        interact(() -> {
            vm.setPresentation(false);
            vm.setZoom(Zoom.DEFAULT);
        });
        assertThat(failures).as("the tab strip at 1024x768").isEmpty();
    }

    private void checkPart(Part part) {
        assertThat(part.essentials()).as("part %s declares no essentials", part.title()).isNotEmpty();
        MainViewModel vm = root.viewModel();
        List<String> failures = new ArrayList<>();
        for (boolean presenting : new boolean[] {false, true}) {
            for (int[] screen : SCREENS) {
                double w = presenting ? screen[0] : Math.min(RaceLabApp.DEFAULT_WIDTH, screen[0]);
                double h = presenting ? screen[1] : Math.min(RaceLabApp.DEFAULT_HEIGHT, screen[1] - TASK_BAR);
                boolean everyZoom = EVERY_ZOOM.contains(screen[0] + "x" + screen[1]);
                for (int zoom : everyZoom ? ZOOMS : List.of(Zoom.DEFAULT)) {
                    interact(() -> {
                        vm.select(part);
                        vm.setPresentation(presenting);
                        vm.setZoom(zoom);
                        stage.setWidth(w);
                        stage.setHeight(h);
                    });
                    String where = String.format(Locale.ROOT, "%s %dx%d %s zoom %d%%: ", part.title(), screen[0],
                            screen[1], presenting ? "presenting" : "windowed", zoom);
                    List<String> found = new ArrayList<>();
                    new FxRobot().interact(() -> found.addAll(check(part, w, h, screen[1], zoom, presenting)));
                    found.forEach(f -> failures.add(where + f));
                }
            }
        }
        interact(() -> {
            vm.setPresentation(false);
            vm.setZoom(Zoom.DEFAULT);
        });
        assertThat(failures).as("%s does not fit (%d problems)", part.title(), failures.size()).isEmpty();
    }

    private void interact(Runnable action) {
        new FxRobot().interact(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The problems of one part at one size, zoom and mode; runs on the JavaFX thread after a layout pulse. */
    private List<String> check(Part part, double w, double h, int screenHeight, int zoom, boolean presenting) {
        Scene scene = stage.getScene();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        if (Math.abs(scene.getWidth() - w) > 1 || Math.abs(scene.getHeight() - h) > 1) {
            problems.add("the window is " + scene.getWidth() + "x" + scene.getHeight() + ", not " + w + "x" + h);
        }
        Node view = part.view();
        for (String selector : part.essentials()) {
            Set<Node> nodes = view.lookupAll(selector);
            if (nodes.isEmpty()) {
                problems.add(selector + " matches no node");
            }
            for (Node node : nodes) {
                problems.addAll(checkNode(selector, node, scene, screenHeight, zoom, presenting));
            }
        }
        return problems;
    }

    private static List<String> checkNode(String selector, Node node, Scene scene, int screenHeight, int zoom,
            boolean presenting) {
        List<String> problems = new ArrayList<>();
        if (!treeVisible(node)) {
            problems.add(selector + " is hidden");
            return problems;
        }
        Bounds b = node.localToScene(node.getBoundsInLocal());
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            problems.add(selector + " has no size");
            return problems;
        }
        if (b.getMinX() < -EPS || b.getMinY() < -EPS || b.getMaxX() > scene.getWidth() + EPS
                || b.getMaxY() > scene.getHeight() + EPS) {
            problems.add(String.format(Locale.ROOT, "%s lies outside the window (%s)", selector, rect(b)));
        }
        String clip = clippedBy(node, b, zoom);
        if (clip != null) {
            problems.add(selector + " is cut by " + clip);
        }
        for (Node n : withDescendants(node)) {
            if (n instanceof Labeled labeled && treeVisible(n) && ellipsised(labeled)) {
                problems.add(String.format("%s shows \"%s\" for \"%s\"", selector, shownText(labeled),
                        labeled.getText()));
            }
            if (presenting && n instanceof Text text && treeVisible(n) && !text.getText().isBlank()) {
                // The length of the text's own vertical axis on screen: a rotated axis title is as tall as an
                // upright one, where the transform's y-scale alone would say 0.
                javafx.scene.transform.Transform t = text.getLocalToSceneTransform();
                double px = text.getFont().getSize() * Math.hypot(t.getMxy(), t.getMyy());
                if (px < MIN_TEXT_SHARE * screenHeight - 0.05) {
                    problems.add(String.format(Locale.ROOT, "%s text \"%s\" is %.1f px, below %.1f px", selector,
                            abbreviate(text.getText()), px, MIN_TEXT_SHARE * screenHeight));
                }
            }
        }
        return problems;
    }

    /** The first ancestor whose clip or scroll viewport cuts the node, or null. */
    private static String clippedBy(Node node, Bounds sceneBounds, int zoom) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane scroll) {
                if (zoom >= SCROLL_FROM_ZOOM) {
                    // Reachable by scrolling; what must stay put is the scroll pane itself, checked further up.
                    continue;
                }
                Bounds port = scroll.localToScene(scroll.getLayoutBounds());
                if (!inside(sceneBounds, port)) {
                    return "the scroll pane " + describe(scroll) + " (" + rect(port) + ")";
                }
            }
            Node clip = p.getClip();
            if (clip != null) {
                Bounds c = p.localToScene(clip.getBoundsInParent());
                if (!inside(sceneBounds, c) && !insideScrolledContent(p, zoom)) {
                    return "the clip of " + describe(p) + " (" + rect(c) + ")";
                }
            }
        }
        return null;
    }

    /** A ScrollPane clips through its own viewport node; above the scroll zoom that clip is allowed to cut. */
    private static boolean insideScrolledContent(Parent p, int zoom) {
        if (zoom < SCROLL_FROM_ZOOM) {
            return false;
        }
        for (Parent a = p; a != null; a = a.getParent()) {
            if (a instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - EPS && inner.getMinY() >= outer.getMinY() - EPS
                && inner.getMaxX() <= outer.getMaxX() + EPS && inner.getMaxY() <= outer.getMaxY() + EPS;
    }

    static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    /** True if the label draws less than its text (JavaFX ends or cuts it with an ellipsis). */
    static boolean ellipsised(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty() || labeled.getGraphic() != null && "".equals(shownText(labeled))) {
            return false;
        }
        String shown = shownText(labeled);
        return shown != null && !shown.replace("\n", " ").strip().equals(text.replace("\n", " ").strip())
                && shown.contains(labeled.getEllipsisString().isEmpty() ? "\u2026" : labeled.getEllipsisString());
    }

    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    static List<Node> withDescendants(Node node) {
        List<Node> all = new ArrayList<>();
        all.add(node);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Parent p) {
                all.addAll(p.getChildrenUnmodifiable());
            }
        }
        return all;
    }

    private static String describe(Node n) {
        return n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName() + n.getStyleClass();
    }

    private static String rect(Bounds b) {
        return String.format(Locale.ROOT, "%.0f,%.0f %.0fx%.0f", b.getMinX(), b.getMinY(), b.getWidth(),
                b.getHeight());
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 30 ? one.substring(0, 30) + "..." : one;
    }
}
