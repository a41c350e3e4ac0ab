package org.racelab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScaleToFitTest {

    private StackPane content;
    private ScaleToFit slide;
    private double minTextPx = 10;

    @Start
    void start(Stage stage) {
        // TestFX hands every test class the same primary stage: an earlier test may have left it full screen.
        stage.setFullScreen(false);
        stage.setMaximized(false);
        Label label = new Label("B store");
        label.setStyle("-fx-font-size: 40px;");
        content = new StackPane(label);
        content.setMinSize(800, 600);
        slide = new ScaleToFit(content, () -> minTextPx);
        stage.setScene(new Scene(new StackPane(slide), 400, 400));
        // A shown stage keeps its size when it gets a new scene: make it the scene's.
        stage.sizeToScene();
        stage.show();
    }

    private void layout(FxRobot robot) {
        robot.interact(() -> slide.getParent().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void inactiveItPassesTheNodeThroughUnscaled(FxRobot robot) {
        layout(robot);
        assertThat(slide.currentScale()).isEqualTo(1.0);
    }

    @Test
    void activeItScalesTheWholeLayoutDownToFitLikeASlide(FxRobot robot) {
        robot.interact(() -> slide.activeProperty().set(true));
        layout(robot);
        // 800x600 into 400x400: the width decides, half size; the content is laid out at its minimum width.
        assertThat(slide.currentScale()).isCloseTo(0.5, Offset.offset(0.001));
        assertThat(content.getWidth()).isCloseTo(800, Offset.offset(0.5));
        assertThat(content.localToScene(content.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(400.5);
    }

    @Test
    void itNeverScalesTextBelowTheMinimumSize(FxRobot robot) {
        minTextPx = 30;
        robot.interact(() -> slide.activeProperty().set(true));
        layout(robot);
        // 40 px text may shrink to 30 px at most: scale 0.75, not the 0.5 that would fit.
        assertThat(slide.currentScale()).isCloseTo(0.75, Offset.offset(0.001));
    }
}
