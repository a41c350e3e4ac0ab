package org.racelab.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the real window once on headless Glass (Monocle), shows each part and draws a few frames, then closes:
 * run at build time inside a JVM that archives every class it loads, so that the first real start maps the
 * classes, the lambdas and the CSS machinery the window needs instead of loading them from the jar.
 */
public final class WindowRehearsal {

    private static final long TIMEOUT_SECONDS = 60;
    private static final int FRAMES_PER_PART = 6;

    private WindowRehearsal() {
    }

    /** Blocks until the rehearsal is over (at most a minute); returns whether every part was drawn. */
    public static boolean run() throws InterruptedException {
        // Headless Glass, before anything touches the toolkit; software Prism like a machine without a GPU.
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1280x800-32");
        RaceLabApp.quietJavaFxWarnings();
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            RaceLabApp app = new RaceLabApp();
            app.show(stage);
            MainView main = (MainView) stage.getScene().getRoot();
            MainViewModel.Part[] parts = MainViewModel.Part.values();
            new AnimationTimer() {
                private int frame;

                @Override
                public void handle(long now) {
                    frame++;
                    int part = frame / FRAMES_PER_PART;
                    if (part >= parts.length) {
                        stop();
                        main.viewModel().select(MainViewModel.Part.STEPPER);
                        stage.hide();
                        done.countDown();
                    } else if (frame % FRAMES_PER_PART == 0) {
                        main.viewModel().select(parts[part]);
                    }
                }
            }.start();
        });
        boolean drawn = done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Platform.exit();
        return drawn;
    }
}
