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
 * Monocle, to look at them at the screens and zooms of issue #11. One shot per argument:
 * {@code file:part:WxH:present|window:zoom[:what]}, where {@code what} is a queue preset (stepped to its end, or
 * {@code PRESET/steps}) or a pool page number (0 Gantt, 1 orders, 2 thread cost, 3 code) or {@code sweep}.
 *
 * <pre>java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=2560x1600-32 \
 *   -cp ... org.racelab.ui.queue.PartShots target/shots/q.png:4:1024x768:present:150:SENTINEL</pre>
 */
public final class PartShots {

    private PartShots() {
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get(30, TimeUnit.SECONDS);
        for (String a : args) {
            shoot(a.split(":"));
        }
        Platform.exit();
    }

    private static void shoot(String[] s) throws Exception {
        Path file = Path.of(s[0]);
        int number = Integer.parseInt(s[1]);
        String[] size = s[2].split("x");
        int w = Integer.parseInt(size[0]);
        int h = Integer.parseInt(size[1]);
        boolean presenting = s[3].startsWith("p");
        int zoom = Integer.parseInt(s[4]);
        String what = s.length > 5 ? s[5] : "";
        Stage[] stage = new Stage[1];
        RaceLabRoot[] root = new RaceLabRoot[1];
        onFx(() -> {
            MainViewModel vm = new MainViewModel();
            root[0] = new RaceLabRoot(vm);
            Scene scene = new Scene(root[0].window(), w, h);
            root[0].keyMap().install(scene);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            Part part = root[0].window().parts().stream().filter(p -> p.number() == number).findFirst().orElseThrow();
            vm.select(part);
            vm.setPresentation(presenting);
            vm.setZoom(zoom);
            setUp(part, what);
        });
        long settle = what.equals("sweep") || what.equals("run") ? 9000 : 1200;
        long until = System.nanoTime() + settle * 1_000_000L;
        while (System.nanoTime() < until) {
            onFx(() -> { });
            Thread.sleep(50);
        }
        onFx(() -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                PngExport.write(stage[0].getScene().snapshot(null), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stage[0].hide();
            root[0].dispose();
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
        } else if (part instanceof PoolPart pool) {
            if (what.equals("sweep")) {
                pool.viewModel().presetClassroom();
                pool.viewModel().tasksProperty().set(40);
                pool.viewModel().sweep();
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
