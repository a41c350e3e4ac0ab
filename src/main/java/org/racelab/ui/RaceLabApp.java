package org.racelab.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the stepper, the lab and the explorer. */
public final class RaceLabApp extends Application {

    public static final String TITLE = "RaceLab";
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;

    private MainView mainView;
    private X11WindowWatch windowWatch;

    /** Launches the window and, once it is closed, ends the JVM even if a library left a thread behind. */
    public static void launchAndExit(String[] args) {
        Application.launch(RaceLabApp.class, args);
        System.exit(0);
    }

    @Override
    public void start(Stage stage) {
        show(stage);
        // Every way the window goes away (close button, Alt+F4, window manager) ends the application.
        stage.setOnHidden(e -> Platform.exit());
        // GTK never tells JavaFX when the X window is destroyed from outside (xdotool windowclose).
        windowWatch = X11WindowWatch.start(stage, () -> {
            stage.hide();
            Platform.exit();
        }).orElse(null);
    }

    /** Builds the main window on the given stage and shows it; tests use this without the exit hook. */
    void show(Stage stage) {
        mainView = new MainView(new MainViewModel());
        Scene scene = new Scene(mainView, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Themes.apply(scene);
        mainView.keyMap().install(scene);
        stage.setTitle(TITLE);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (windowWatch != null) {
            windowWatch.close();
        }
        if (mainView != null) {
            mainView.dispose();
        }
    }
}
