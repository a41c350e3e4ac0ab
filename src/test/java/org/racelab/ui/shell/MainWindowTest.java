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
