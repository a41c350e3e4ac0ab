package org.racelab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // TestFX hands every test class the same primary stage: an earlier test may have left it full screen.
        stage.setFullScreen(false);
        stage.setMaximized(false);
        new RaceLabApp().show(stage);
    }

    @Test
    void windowHasTitleAndDefaultSize() {
        assertThat(stage.getTitle()).isEqualTo("RaceLab");
        assertThat(stage.getScene().getWidth()).isEqualTo(RaceLabApp.DEFAULT_WIDTH);
        assertThat(stage.getScene().getHeight()).isEqualTo(RaceLabApp.DEFAULT_HEIGHT);
        assertThat(stage.isResizable()).isTrue();
        assertThat(stage.getMinWidth()).isLessThanOrEqualTo(1024);
    }

    @Test
    void aRememberedSizeLargerThanTheScreenIsClampedOntoIt() {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // Saved on a 2560x1600 monitor, at its right edge: opens whole on this smaller screen.
        javafx.geometry.Rectangle2D place = RaceLabApp.initialPlace(java.util.Optional.of(new Settings.WindowPlace(
                screen.getMinX() + 300, screen.getMinY() + 100, screen.getWidth() + 640, screen.getHeight() + 400,
                false)));
        assertThat(place.getWidth()).isEqualTo(screen.getWidth());
        assertThat(place.getHeight()).isEqualTo(screen.getHeight());
        assertThat(place.getMinX()).isEqualTo(screen.getMinX());
        assertThat(place.getMaxY()).isLessThanOrEqualTo(screen.getMaxY());

        javafx.geometry.Rectangle2D small = new javafx.geometry.Rectangle2D(0, 0, 1024, 768);
        javafx.geometry.Rectangle2D clamped = RaceLabApp.clampToScreen(
                new javafx.geometry.Rectangle2D(500, 40, 1028, 954), small);
        assertThat(clamped).isEqualTo(new javafx.geometry.Rectangle2D(0, 0, 1024, 768));
        assertThat(RaceLabApp.clampToScreen(new javafx.geometry.Rectangle2D(10, 20, 800, 600), small))
                .isEqualTo(new javafx.geometry.Rectangle2D(10, 20, 800, 600));
    }

    @Test
    void theShownWindowIsPulledBackOntoTheScreen(FxRobot robot) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // A stage of its own: the primary stage is shared by the tests of this class and keeps sizes set on it.
        Stage[] made = new Stage[1];
        robot.interact(() -> made[0] = new Stage());
        Stage tall = made[0];
        robot.interact(() -> {
            tall.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 400, 300));
            tall.show();
            tall.setY(screen.getMinY() + 50);
            tall.setHeight(screen.getHeight() + 300);
        });
        assertThat(tall.getHeight()).isGreaterThan(screen.getHeight());
        robot.interact(() -> RaceLabApp.keepOnScreen(tall));
        double height = tall.getHeight();
        double bottom = tall.getY() + tall.getHeight();
        robot.interact(tall::close);
        assertThat(height).isLessThanOrEqualTo(screen.getHeight());
        assertThat(bottom).isLessThanOrEqualTo(screen.getMaxY());
    }

    @Test
    void everyPartIsReachableByClicking(FxRobot robot) {
        TabPane tabs = robot.lookup(".part-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Stepper", "Lab", "Explorer", "Queue", "Pool");
        for (String part : new String[] {"Lab", "Explorer", "Queue", "Pool", "Stepper"}) {
            robot.clickOn(part);
            assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo(part);
            assertThat(tabs.getSelectionModel().getSelectedItem().getContent().isVisible()).isTrue();
        }
    }
}
