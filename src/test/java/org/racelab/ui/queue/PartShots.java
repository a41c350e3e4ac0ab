package org.racelab.ui.queue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.racelab.model.queue.QueuePreset;
import org.racelab.ui.part.Part;
import org.racelab.ui.pool.PoolPart;
import org.racelab.ui.shell.MainViewModel;
import org.racelab.ui.shell.PngExport;
import org.racelab.ui.shell.RaceLabRoot;

/**
 * Shoots the queue and pool parts inside the whole window (tab strip, window bar, zoom, presenting), headless on
 * Monocle, to look at them at the screens and zooms of issue #11. Arguments: the part's number, the screen
 * {@code WxH}, {@code present|window}, the zoom, then one {@code file=what} per shot, all on one stage, where
 * {@code what} is a queue preset (stepped to its end, or {@code PRESET/steps[/thread to step then]}) or {@code run}, or a pool page
 * number (0 Gantt, 1 orders, 2 thread cost, 3 code), {@code run} or {@code showcase} (sequential, run, sweep).
 *
 * <pre>java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=2560x1600-32 \
 *   -cp ... org.racelab.ui.queue.PartShots 4 1024x768 present 150 target/shots/q.png=SENTINEL</pre>
 */
public final class PartShots {

    private PartShots() {
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get(30, TimeUnit.SECONDS);
        int number = Integer.parseInt(args[0]);
        String[] size = args[1].split("x");
        int w = Integer.parseInt(size[0]);
        int h = Integer.parseInt(size[1]);
        boolean presenting = args[2].startsWith("p");
        int zoom = Integer.parseInt(args[3]);
        Stage[] stage = new Stage[1];
        RaceLabRoot[] root = new RaceLabRoot[1];
        Part[] part = new Part[1];
        onFx(() -> {
            MainViewModel vm = new MainViewModel();
            root[0] = new RaceLabRoot(vm);
            Scene scene = new Scene(root[0].window(), w, h);
            root[0].keyMap().install(scene);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            part[0] = root[0].window().parts().stream().filter(p -> p.number() == number).findFirst().orElseThrow();
            vm.select(part[0]);
            vm.setPresentation(presenting);
            vm.setZoom(zoom);
            // -Dshots.theme=DARK|HIGH_CONTRAST picks another theme.
            vm.setTheme(org.racelab.ui.shell.Theme.valueOf(System.getProperty("shots.theme", "LIGHT")));
        });
        // One stage for every shot: Monocle's headless painter breaks on a second one.
        for (int i = 4; i < args.length; i++) {
            String[] shot = args[i].split("=", 2);
            Path file = Path.of(shot[0]);
            String what = shot.length > 1 ? shot[1] : "";
            SHOWCASE_DONE.set(false);
            onFx(() -> setUp(part[0], what));
            long until = System.nanoTime() + (what.equals("showcase") ? 120_000 : 1200) * 1_000_000L;
            while (System.nanoTime() < until && !(what.equals("showcase") && SHOWCASE_DONE.get())) {
                onFx(() -> { });
                Thread.sleep(50);
            }
            Thread.sleep(500);
            onFx(() -> {
                try {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    PngExport.write(stage[0].getScene().snapshot(null), file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        onFx(() -> {
            stage[0].hide();
            root[0].dispose();
        });
        Platform.exit();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean SHOWCASE_DONE =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Sequential, then the pool, then a sweep of the classroom preset, as the README's picture shows them. */
    private static void showcase(PoolPart pool) {
        var vm = pool.viewModel();
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
                    SHOWCASE_DONE.set(true);
                }
            }
        });
    }

    private static void setUp(Part part, String what) {
        if (what.isEmpty()) {
            return;
        }
        if (part instanceof QueuePart q) {
            if (what.equals("run")) {
                ((QueueView) q.view()).showStepMode(false);
                q.runModel().itemsProperty().set(3000);
                q.runModel().produceMsProperty().set(1);
                q.runModel().consumeMsProperty().set(3);
                q.runModel().start();
                return;
            }
            String[] p = what.split("/");
            q.stepModel().loadPreset(QueuePreset.valueOf(p[0]));
            int steps = p.length > 1 ? Integer.parseInt(p[1]) : Integer.MAX_VALUE;
            for (int i = 0; i < steps && q.stepModel().canRedo(); i++) {
                q.stepModel().redo();
            }
            if (p.length > 2) {
                q.stepModel().step(Integer.parseInt(p[2]));
            }
        } else if (part instanceof PoolPart pool) {
            if (what.equals("showcase")) {
                showcase(pool);
                return;
            }
            if (what.equals("run")) {
                pool.viewModel().presetClassroom();
                pool.viewModel().run();
                return;
            }
            Node b = part.view().lookup("#pool-page-" + what);
            if (b instanceof javafx.scene.control.ToggleButton t) {
                t.setSelected(true);
            }
        }
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
        done.get(60, TimeUnit.SECONDS);
    }
}
