package org.racelab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window stops everything RaceLab started and saves the preferences. */
@ExtendWith(ApplicationExtension.class)
class WindowCloseTest {

    private Stage stage;
    private RaceLabApp app;
    private Set<Thread> before;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        before = Thread.getAllStackTraces().keySet();
        this.stage = stage;
        app = new RaceLabApp();
        app.show(stage);
    }

    @Test
    void closingTheWindowLeavesNoThreadOfOursAndSavesPreferences(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(System.getProperty(SettingsStore.NODE_PROPERTY) + "/close-test");
        store.clear();
        app.useStore(store);
        // Start background work the way a teacher would: export a PNG (its writer runs on a worker thread).
        Path png = dir.resolve("x.png");
        robot.interact(() -> app.root().files().exportPng(png, 1));
        for (int i = 0; i < 100 && !Files.exists(png); i++) {
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        assertThat(png).exists();
        assertThat(ours()).isNotEmpty();
        robot.interact(() -> app.mainView().viewModel().setTheme(Theme.DARK));
        robot.interact(() -> app.mainView().viewModel().zoomIn());

        // The same event the close button, Alt+F4 and the window manager send.
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isFalse();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (!ours().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ours()).as("threads RaceLab started").isEmpty();
        Set<String> newNonDaemon = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t))
                .map(Thread::getName).collect(Collectors.toSet());
        assertThat(newNonDaemon).as("non-daemon threads started since the window opened").isEmpty();

        SettingsStore.Loaded saved = store.load();
        assertThat(saved.settings().theme()).isEqualTo(Theme.DARK);
        assertThat(saved.settings().zoom()).isEqualTo(110);
        assertThat(saved.settings().window()).isPresent();
        store.node().removeNode();
    }

    private static Set<String> ours() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("racelab-")).collect(Collectors.toSet());
    }
}
