package org.racelab.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures how long the app takes from process start to its first frame on screen, for docs/benchmarks.md.
 *
 * <p>Only the command line may print, so when the system property {@value #PROPERTY} names a file the app writes
 * the figures there and quits; without the property nothing is measured or written.
 */
public final class StartupReport {

    public static final String PROPERTY = "racelab.startup.report";

    private static final long MAIN_NANOS = System.nanoTime();
    private static long startNanos;
    private static final java.util.List<String> MARKS = new java.util.ArrayList<>();

    private StartupReport() {
    }

    /** Where to write the report, if asked for. */
    public static Optional<Path> target() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** Called from {@code Application.start}: the toolkit is up. */
    static void toolkitReady() {
        startNanos = System.nanoTime();
    }

    /** Records how far startup got, so the report shows where the time goes; called on the JavaFX thread. */
    static void mark(String phase) {
        if (target().isPresent()) {
            MARKS.add(String.format(Locale.ROOT, "phase.%s_ms=%d", phase, (System.nanoTime() - MAIN_NANOS) / 1_000_000));
        }
    }

    /** Writes the figures: process start (as the OS saw it) to first frame, and the in-JVM parts of it. */
    static void firstFrame(Path file) throws IOException {
        long frame = System.nanoTime();
        Optional<Instant> processStart = ProcessHandle.current().info().startInstant();
        String total = processStart.map(s -> String.valueOf(Duration.between(s, Instant.now()).toMillis()))
                .orElse("unknown");
        String text = String.format(Locale.ROOT,
                "process_start_to_first_frame_ms=%s%nui_class_loaded_to_first_frame_ms=%d%n"
                        + "application_start_to_first_frame_ms=%d%n",
                total, (frame - MAIN_NANOS) / 1_000_000, (frame - startNanos) / 1_000_000)
                + String.join(System.lineSeparator(), MARKS) + System.lineSeparator();
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
