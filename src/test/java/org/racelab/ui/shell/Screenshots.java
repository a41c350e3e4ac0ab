package org.racelab.ui.shell;

import org.racelab.model.scenario.Scenario;
import org.racelab.ui.part.Part;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Regenerates the README's screenshots in {@code assets/}: opens the window headless (Monocle), sets it up per
 * shot and saves the scene as PNG.
 *
 * <p>Run: {@code ./mvnw -B -Pscreenshots -DskipTests process-test-classes} (see README). To add a shot, add one
 * {@link Shot} to {@link #SHOTS}: a file name, the window size, the theme and what to do before the picture
 * (select a part, open a preset, step a schedule...).
 */
public final class Screenshots {

    /** One screenshot: file in assets/, scene size, theme, how to set the window up, and how long to let it run. */
    record Shot(String file, int width, int height, Theme theme, Consumer<RaceLabRoot> setup, long settleMillis) {

        Shot(String file, int width, int height, Theme theme, Consumer<RaceLabRoot> setup) {
            this(file, width, height, theme, setup, 600);
        }
    }

    /** Slide 8 opened as a scenario and stepped to the end: the lost update on screen. */
    static void slide8(RaceLabRoot view) {
        view.files().applyScenario(Scenario.SLIDE_8, "Slide 8");
        for (int i = 0; i < Scenario.SLIDE_8.schedule().length(); i++) {
            view.stepper().viewModel().redo();
        }
        view.viewModel().clearNotice();
    }

    /** As a teacher does it: open the lab, and a moment later press Start (the view warms up meanwhile). */
    static void openLabThenStart(RaceLabRoot view) {
        view.viewModel().select(view.lab());
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        pause.setOnFinished(e -> view.lab().viewModel().start());
        pause.play();
    }

    static final List<Shot> SHOTS = List.of(
            new Shot("main-window.png", 1280, 800, Theme.LIGHT, Screenshots::slide8),
            new Shot("main-window-1024x768.png", 1024, 768, Theme.LIGHT, Screenshots::slide8),
            new Shot("theme-dark.png", 1280, 800, Theme.DARK, Screenshots::slide8),
            new Shot("theme-high-contrast.png", 1280, 800, Theme.HIGH_CONTRAST, Screenshots::slide8),
            new Shot("keyboard-help.png", 1280, 800, Theme.LIGHT, view -> view.viewModel().setHelpShowing(true)),
            new Shot("presentation-mode.png", 1280, 800, Theme.DARK, view -> {
                slide8(view);
                view.viewModel().setPresentation(true);
            }),
            new Shot("explorer-2x1.png", 1280, 800, Theme.LIGHT,
                    view -> view.viewModel().select(view.explorer()), 2000),
            new Shot("lab-running.png", 1280, 800, Theme.LIGHT, Screenshots::openLabThenStart, 4000),
            new Shot("lab-dark.png", 1280, 800, Theme.DARK, Screenshots::openLabThenStart, 4000),
            new Shot("explorer-high-contrast.png", 1024, 768, Theme.HIGH_CONTRAST,
                    view -> view.viewModel().select(view.explorer()), 2000),
            new Shot("explorer-switch-rules.png", 1920, 1080, Theme.LIGHT, view -> {
                view.viewModel().select(view.explorer());
                view.explorer().showSwitchRules(org.racelab.model.RaceProgram.CALL);
            }, 2500));

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        headlessDefaults();
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(10, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        for (Shot shot : SHOTS) {
            take(shot, out.resolve(shot.file()));
        }
        for (int part = 1; part <= PARTS; part++) {
            takePresenting(part, out);
        }
        takePresenting(3, out, root -> root.explorer().showSwitchRules(org.racelab.model.RaceProgram.COUNT),
                "present-1024-explorer-switch-rules.png");
        Platform.exit();
    }

    private static void headlessDefaults() {
        String[][] props = {
            {"glass.platform", "Monocle"}, {"monocle.platform", "Headless"}, {"prism.order", "sw"},
            {"headless.geometry", "1920x1200-32"}, {"java.awt.headless", "true"},
            {SettingsStore.NODE_PROPERTY, "racelab-screenshots"},
        };
        for (String[] p : props) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }

    static void take(Shot shot, Path file) throws Exception {
        Stage[] stage = new Stage[1];
        onFx(() -> {
            stage[0] = new Stage();
            Settings settings = Settings.DEFAULTS.withTheme(shot.theme())
                    .withWindow(Optional.of(new Settings.WindowPlace(0, 0, shot.width(), shot.height(), false)));
            RaceLabApp app = new RaceLabApp();
            app.show(stage[0], new SettingsStore.Loaded(settings, List.of()));
            shot.setup().accept(app.root());
        });
        // Let layout, CSS, animations and background work settle before the picture.
        long until = System.nanoTime() + shot.settleMillis() * 1_000_000;
        while (System.nanoTime() < until) {
            onFx(() -> { });
            Thread.sleep(50);
        }
        onFx(() -> {
            try {
                var scene = stage[0].getScene();
                PngExport.write(scene.snapshot(null), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stage[0].hide();
        });
    }

    /** The parts shot presenting at 1024×768, by number: assets/present-1024-<title>.png. */
    static final int PARTS = 5;

    /**
     * One part presenting on a 1024×768 projector. The window is not attached to presentation mode's full screen
     * (the headless screen is larger), so the picture is what a 1024×768 screen shows.
     */
    static void takePresenting(int number, Path out) throws Exception {
        takePresenting(number, out, root -> { }, null);
    }

    /** As above, with {@code setup} run once presenting, saved as {@code file} (null: present-1024-<title>.png). */
    static void takePresenting(int number, Path out, Consumer<RaceLabRoot> setup, String file) throws Exception {
        Stage[] stage = new Stage[1];
        RaceLabRoot[] root = new RaceLabRoot[1];
        onFx(() -> {
            MainViewModel vm = new MainViewModel();
            root[0] = new RaceLabRoot(vm);
            var scene = new javafx.scene.Scene(root[0].window(), 1024, 768);
            root[0].keyMap().install(scene);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            if (number == 1) {
                slide8(root[0]);
            }
            root[0].window().parts().stream().filter(p -> p.number() == number).findFirst().ifPresent(vm::select);
            vm.setPresentation(true);
            setup.accept(root[0]);
            if (number == 2) {
                javafx.animation.PauseTransition pause =
                        new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
                pause.setOnFinished(e -> root[0].lab().viewModel().start());
                pause.play();
            }
        });
        long until = System.nanoTime() + (number == 2 ? 4000 : 2000) * 1_000_000L;
        while (System.nanoTime() < until) {
            onFx(() -> { });
            Thread.sleep(50);
        }
        onFx(() -> {
            String title = root[0].viewModel().getSelectedPart().title().toLowerCase(java.util.Locale.ROOT);
            try {
                PngExport.write(stage[0].getScene().snapshot(null),
                        out.resolve(file != null ? file : "present-1024-" + title + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stage[0].hide();
            root[0].dispose();
        });
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }
}
