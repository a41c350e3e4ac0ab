package org.racelab.ui.pool;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.racelab.ui.part.PartStyle;
import org.racelab.ui.shell.FxBackground;
import org.racelab.ui.shell.Theme;
import org.racelab.ui.shell.Themes;

/**
 * Shows the pool part alone in a window, for screenshots under Xvfb: runs the classroom preset sequentially, on
 * the pool and as a sweep, then waits to be photographed. Arguments: width height presenting(true|false) theme.
 */
public final class PoolShowcase extends Application {

    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        double width = Double.parseDouble(args.get(0));
        double height = Double.parseDouble(args.get(1));
        boolean presenting = Boolean.parseBoolean(args.get(2));
        Theme theme = Theme.parse(args.size() > 3 ? args.get(3) : "light").orElseThrow();
        PoolPart part = new PoolPart(FxBackground.create("racelab-pool"));
        Parent view = (Parent) part.view();
        Scene scene = new Scene(view, width, height);
        Themes.apply(scene, theme, presenting ? 18.75 : 15);
        view.pseudoClassStateChanged(PseudoClass.getPseudoClass("presentation"), presenting);
        view.lookupAll("." + PartStyle.SECONDARY).forEach(n -> {
            n.setVisible(!presenting);
            n.setManaged(!presenting);
        });
        stage.setTitle("RaceLab pool");
        stage.setScene(scene);
        // Fills the screen as the app does presenting; windowed, maximised, so a window manager cannot shrink it.
        stage.setFullScreenExitHint("");
        if (presenting) {
            stage.setFullScreen(true);
        } else {
            stage.setMaximized(true);
        }
        stage.setOnCloseRequest(e -> {
            part.dispose();
            Platform.exit();
        });
        stage.show();
        PoolViewModel vm = part.viewModel();
        vm.presetClassroom();
        vm.runSequential();
        vm.runningProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            private int step;

            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean on) {
                if (on) {
                    return;
                }
                step++;
                if (step == 1) {
                    Platform.runLater(vm::run);
                } else if (step == 2) {
                    Platform.runLater(vm::sweep);
                } else if (step == 3) {
                    stage.setTitle("RaceLab pool ready");
                }
            }
        });
    }

    /** Launches from a class that is not an Application, so the class path's JavaFX is used without modules. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(PoolShowcase.class, args);
        }
    }
}
