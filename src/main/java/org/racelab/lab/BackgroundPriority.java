package org.racelab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the calling thread at background priority (nice 19) on Linux, so that CPU-bound lab workers leave the
 * window's threads a free core the moment they need one.
 *
 * <p>Java thread priorities do nothing on Linux unless the JVM is started with extra flags, which a plain
 * {@code java -jar} cannot carry. Linux applies {@code setpriority} to a single thread when given its thread
 * id, so the worker asks {@code renice} to lower itself; lowering needs no privileges. Where that is not
 * possible (another OS, no {@code renice}) nothing happens and the run is only less smooth on screen. The
 * workers still compete with each other as equals, so the race they show is unchanged.
 * {@code -Dracelab.lab.nice=false} turns it off (used to measure the difference).
 */
final class BackgroundPriority {

    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class.getName());
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("racelab.lab.nice", "true"))
            && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private BackgroundPriority() {
    }

    /** Lowers the calling thread; returns at once, the change lands within a few milliseconds. */
    static void lowerCurrentThread() {
        if (!ENABLED) {
            return;
        }
        try {
            // /proc/thread-self links to "<pid>/task/<tid>".
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            new ProcessBuilder("renice", "-n", "19", "-p", tid)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(Level.FINE, "cannot lower the worker's priority", e);
        }
    }
}
