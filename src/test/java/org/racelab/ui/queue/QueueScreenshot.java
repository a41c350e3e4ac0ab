package org.racelab.ui.queue;

import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.racelab.model.queue.QueuePreset;
import org.racelab.ui.shell.FxBackground;
import org.racelab.ui.shell.PngExport;
import org.racelab.ui.shell.Theme;
import org.racelab.ui.shell.Themes;
import org.racelab.ui.shell.Zoom;

/**
 * Renders the queue part alone in a window and saves it as PNG, for the README (run under Xvfb; see
 * scripts/queue-screenshot.sh). Arguments: file width height present(true|false) theme preset|run.
 */
public final class QueueScreenshot extends Application {

    @Override
    public void start(Stage stage) {
        var a = getParameters().getRaw();
        Path file = Path.of(a.get(0));
        int w = Integer.parseInt(a.get(1));
        int h = Integer.parseInt(a.get(2));
        boolean presenting = Boolean.parseBoolean(a.get(3));
        Theme theme = Theme.valueOf(a.get(4));
        String what = a.get(5);
        QueuePart part = new QueuePart(FxBackground.create("racelab-queue-run"));
        StackPane root = new StackPane(part.view());
        root.pseudoClassStateChanged(QueueView.PRESENTATION, presenting);
        Scene scene = new Scene(root, w, h);
        Themes.apply(scene, theme, Zoom.rootFontPx(Zoom.DEFAULT, presenting));
        stage.setScene(scene);
        stage.setTitle("RaceLab queue");
        stage.show();
        long settle = 1500;
        if (what.equals("run")) {
            ((QueueView) part.view()).showStepMode(false);
            part.runModel().itemsProperty().set(3000);
            part.runModel().produceMsProperty().set(1);
            part.runModel().consumeMsProperty().set(3);
            part.runModel().start();
            settle = 4000;
        } else {
            QueuePreset preset = QueuePreset.valueOf(what);
            part.stepModel().loadPreset(preset);
            int steps = a.size() > 6 ? Integer.parseInt(a.get(6)) : preset.schedule().size();
            for (int i = 0; i < steps; i++) {
                part.stepModel().redo();
            }
            if (a.size() > 7) {
                part.stepModel().step(Integer.parseInt(a.get(7)));
            }
        }
        PauseTransition wait = new PauseTransition(Duration.millis(settle));
        wait.setOnFinished(e -> {
            try {
                PngExport.write(scene.snapshot(null), file);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            } finally {
                part.dispose();
                Platform.exit();
            }
        });
        wait.play();
    }

    /** The entry point; a class that is not an Application, so JavaFX may sit on the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(QueueScreenshot.class, args);
        }
    }
}
