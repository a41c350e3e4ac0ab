package org.racelab.ui.shell;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor of the start-up benchmark ({@code scripts/bench-startup.sh}): a window titled like RaceLab's holding one
 * label, started on the same runtime with the same renderer choice, so the table shows what JavaFX alone costs on
 * the machine before any of RaceLab's own work. Not part of the app; run from the test classes.
 */
public final class StartupFloor {

    private StartupFloor() {
    }

    public static void main(String[] args) {
        RenderPipeline.chooseForThisMachine();
        Application.launch(Window.class, args);
    }

    /** The one-label window; closing it ends the JVM. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            stage.setTitle(RaceLabApp.TITLE);
            stage.setScene(new Scene(new Label("RaceLab"), RaceLabApp.DEFAULT_WIDTH, RaceLabApp.DEFAULT_HEIGHT));
            stage.setOnHidden(e -> Platform.exit());
            stage.show();
        }
    }
}
