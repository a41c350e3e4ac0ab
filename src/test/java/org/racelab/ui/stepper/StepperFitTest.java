package org.racelab.ui.stepper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.model.Preset;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.ui.shell.MainView;
import org.racelab.ui.shell.MainViewModel;
import org.racelab.ui.shell.RaceLabRoot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #11, the stepper's half: it fits the projector's screen, its timeline keeps its labels, export is whole. */
@ExtendWith(ApplicationExtension.class)
class StepperFitTest {

    private RaceLabRoot root;
    private MainView main;
    private StepperPart part;
    private Stage stage;

    @Start
    void start(Stage primary) {
        root = new RaceLabRoot(new MainViewModel());
        main = root.window();
        part = root.stepper();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            root.dispose();
            if (stage != null) {
                stage.hide();
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** A new window of this size (resizing a shown headless window breaks Monocle's painter). */
    private void show(double width, double height, boolean presenting, int zoom) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            Scene scene = new Scene(main, width, height);
            main.keyMap().install(scene);
            stage.setScene(scene);
            stage.show();
            main.viewModel().setPresentation(presenting);
            main.viewModel().setZoom(zoom);
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @ParameterizedTest(name = "{0}x{1} presenting at {2}%, {3}")
    @CsvSource({
        "1024, 768, 100, SLIDE_8", "1024, 768, 150, SLIDE_8", "1024, 768, 100, WORST_CASE",
        "1024, 768, 150, WORST_CASE", "1920, 1080, 100, SLIDE_8", "1920, 1080, 150, SLIDE_8",
        "1920, 1080, 100, WORST_CASE", "1920, 1080, 150, WORST_CASE"})
    void presentingEveryEssentialNodeLiesInsideTheWindow(int width, int height, int zoom, Preset preset,
            FxRobot robot) throws Exception {
        show(width, height, true, zoom);
        fx(() -> {
            part.viewModel().loadPreset(preset);
            part.viewModel().runToCompletion();
        });
        assertThat(main.getPseudoClassStates()).contains(MainView.PRESENTATION);
        List<String> outside = new ArrayList<>();
        assertThat(part.essentials()).contains("#narration", "#counter", "#step-a", "#step-b", "#timeline-count-label");
        for (String selector : part.essentials()) {
            Node n = robot.lookup(selector).query();
            Bounds b = inScene(n);
            if (!n.isVisible() || b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > width + 0.5
                    || b.getMaxY() > height + 0.5 || b.getWidth() < 1 || b.getHeight() < 1) {
                outside.add(selector + " " + b);
            }
        }
        Bounds strip = inScene(robot.lookup("#timeline-strip").query());
        for (String id : List.of("#timeline-now-step", "#timeline-now-count", "#timeline-count-label",
                "#timeline-label-b")) {
            Bounds b = inScene(robot.lookup(id).query());
            if (b.getMinX() < strip.getMinX() - 0.5 || b.getMaxX() > strip.getMaxX() + 0.5) {
                outside.add(id + " scrolled out of the timeline " + b);
            }
        }
        assertThat(outside).as("essential nodes cut off").isEmpty();
        // Presenting, the text a student reads is at least 2.5 % of the screen height as drawn (after scaling).
        double factor = robot.lookup("#stepper-view").queryAs(StepperView.class).fitFactor();
        List<String> small = new ArrayList<>();
        for (String selector : part.essentials()) {
            if (robot.lookup(selector).query() instanceof Labeled l && !l.getText().isBlank()
                    && l.getFont().getSize() * factor < height * 0.025 - 0.5) {
                small.add(selector + " " + Math.round(l.getFont().getSize() * factor) + " px");
            }
        }
        assertThat(small).as("text below 2.5 %% of %d px", height).isEmpty();
        Labeled narration = robot.lookup("#narration").queryAs(Labeled.class);
        assertThat(narration.getText()).isNotEmpty();
        assertThat(shownHeightOfText(narration)).as("narration fully shown (wrapped, not cut)")
                .isGreaterThanOrEqualTo(narration.prefHeight(narration.getWidth()) - 1);
    }

    private static double shownHeightOfText(Labeled l) {
        return l.getHeight();
    }

    @Test
    void aTwoLineNarrationDoesNotPushTheCountRowOffScreen(FxRobot robot) throws Exception {
        show(1920, 1080, true, 150);
        fx(() -> {
            part.viewModel().loadPreset(Preset.SLIDE_8);
            part.viewModel().lockProperty().set(true);
        });
        Labeled narration = robot.lookup("#narration").queryAs(Labeled.class);
        assertThat(narration.getHeight()).as("two lines at least").isGreaterThan(narration.getFont().getSize() * 2);
        assertThat(inScene(robot.lookup("#timeline-count-label").query()).getMaxY()).isLessThanOrEqualTo(1080);
        assertThat(inScene(robot.lookup("#step-b").query()).getMaxY()).isLessThanOrEqualTo(1080);
    }

    @Test
    void theTimelineKeepsItsRowLabelsFollowsTheNewestStepAndItsBarNeverCoversTheCountRow(FxRobot robot)
            throws Exception {
        show(1024, 768, false, 100);
        fx(() -> {
            part.viewModel().loadPreset(Preset.WORST_CASE);
            part.viewModel().runToCompletion();
        });
        ScrollBar bar = robot.lookup("#timeline-bar").queryAs(ScrollBar.class);
        assertThat(bar.getMax()).as("18 steps do not fit 1024 px").isPositive();
        assertThat(bar.getValue()).as("follows the newest step").isEqualTo(bar.getMax());
        Bounds strip = inScene(robot.lookup("#timeline-strip").query());
        Node label = robot.lookup("#timeline-label-a").query();
        Node count = robot.lookup("#timeline-count-label").query();
        double atEnd = inScene(label).getMinX();
        assertThat(atEnd).isBetween(strip.getMinX(), strip.getMinX() + 100);
        assertThat(inScene(robot.lookup("#timeline-now-count").query()).getMaxX()).isLessThanOrEqualTo(strip.getMaxX());
        fx(() -> bar.setValue(0));
        assertThat(inScene(label).getMinX()).as("labels stay put while the cells scroll").isEqualTo(atEnd);
        fx(() -> bar.setValue(bar.getMax() / 2));
        assertThat(inScene(label).getMinX()).isEqualTo(atEnd);
        assertThat(inScene(count).getMaxY()).as("the bar sits under the count row").isLessThanOrEqualTo(
                inScene(bar).getMinY() + 0.5);
        fx(() -> part.viewModel().undo());
        fx(() -> part.viewModel().redo());
        assertThat(bar.getValue()).isEqualTo(bar.getMax());
    }

    @Test
    void exportRendersTheWholeRunNotTheVisiblePart(FxRobot robot) throws Exception {
        show(1024, 768, false, 100);
        fx(() -> {
            part.viewModel().loadPreset(Preset.WORST_CASE);
            part.viewModel().runToCompletion();
        });
        List<Object> result = new ArrayList<>();
        fx(() -> {
            Node page = part.exportNode();
            WritableImage image = page.snapshot(null, null);
            result.add(page);
            result.add(image);
        });
        Node page = (Node) result.get(0);
        WritableImage image = (WritableImage) result.get(1);
        List<Node> counts = new ArrayList<>(((Parent) page).lookupAll(".timeline-count"));
        assertThat(counts).as("start + 18 steps").hasSize(19);
        Bounds whole = page.getLayoutBounds();
        for (Node c : counts) {
            Bounds b = page.sceneToLocal(c.localToScene(c.getBoundsInLocal()));
            assertThat(b.getMinX()).as("step column inside the picture").isGreaterThanOrEqualTo(whole.getMinX());
            assertThat(b.getMaxX()).isLessThanOrEqualTo(whole.getMaxX());
        }
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1024);
    }

    @Test
    void thePresetBoxForgetsAPresetAfterAReplayOrASettingsChange(FxRobot robot) throws Exception {
        show(1024, 768, false, 100);
        @SuppressWarnings("unchecked")
        ComboBox<Preset> presets = robot.lookup("#presets").queryAs(ComboBox.class);
        fx(() -> presets.setValue(Preset.SLIDE_8));
        assertThat(part.viewModel().currentSchedule().letters() + part.viewModel().aheadProperty().get())
                .isEqualTo("ABBBAA");
        fx(() -> part.replay(RaceConfig.SLIDE_8, new Schedule("AABB")));
        assertThat(presets.getValue()).isNull();
        fx(() -> presets.setValue(Preset.SLIDE_8));
        fx(() -> part.viewModel().incrementsProperty().set(2));
        assertThat(presets.getValue()).isNull();
        assertThat(robot.lookup("#schedule-field").queryAs(javafx.scene.control.TextField.class).getText()).isEmpty();
    }
}
