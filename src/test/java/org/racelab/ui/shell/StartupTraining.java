package org.racelab.ui.shell;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The training run of the app image's class archive ({@code -Pdist}): starts RaceLab headless (Monocle) through the
 * same {@link RaceLabApp#launchAndExit} as the real launcher, lets the window draw its first frames, and closes it.
 * The dist profile runs it with {@code -XX:DumpLoadedClassList}, so the list names every class, lambda and
 * method-handle form that opening the window needs; {@code scripts/CdsClassList.java} keeps those of the JDK and
 * JavaFX for the archive.
 *
 * <p>Run by hand: {@code java -XX:DumpLoadedClassList=out.classlist -cp <test class path>
 * org.racelab.ui.shell.StartupTraining}. Its preferences live in their own node, {@code racelab-training}.
 */
public final class StartupTraining {

    /** How long the window runs after it is shown: enough for the first pulses, skins and text. */
    private static final long SETTLE_MILLIS = 1500;

    private StartupTraining() {
    }

    public static void main(String[] args) {
        headlessDefaults();
        Thread closer = new Thread(StartupTraining::closeWhenShown, "racelab-training-closer");
        closer.setDaemon(true);
        closer.start();
        RaceLabApp.launchAndExit(args);
    }

    /** Waits for the window, lets it run, then hides it: the app's own close path ends the JVM. */
    private static void closeWhenShown() {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!onFx(() -> Window.getWindows().stream().anyMatch(Window::isShowing))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the window did not show within 120 s");
                }
                Thread.sleep(20);
            }
            long until = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
            while (System.nanoTime() < until) {
                onFx(() -> true);
                Thread.sleep(20);
            }
            onFx(() -> {
                List.copyOf(Window.getWindows()).forEach(Window::hide);
                return true;
            });
        } catch (Exception e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }

    /** The answer of {@code query} on the JavaFX thread, or false while the toolkit is not up yet. */
    private static boolean onFx(java.util.function.BooleanSupplier query) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            Platform.runLater(() -> answer.complete(query.getAsBoolean()));
        } catch (IllegalStateException toolkitNotStarted) {
            return false;
        }
        return answer.get(60, TimeUnit.SECONDS);
    }

    private static void headlessDefaults() {
        String[][] props = {
            {"glass.platform", "Monocle"}, {"monocle.platform", "Headless"}, {"prism.order", "sw"},
            {"headless.geometry", "1280x800-32"}, {SettingsStore.NODE_PROPERTY, "racelab-training"},
        };
        for (String[] p : props) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }
}
