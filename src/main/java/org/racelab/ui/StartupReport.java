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
    /** Set by the launcher when it opened the window in a second JVM: the process id of the user's command. */
    public static final String LAUNCH_PID = "racelab.launch.pid";
    /** Set by the launcher alongside: {@code map} (archive used) or {@code write} (archive written at exit). */
    public static final String ARCHIVE_MODE = "racelab.cds.mode";

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

    /**
     * When the user's command started: the launcher's JVM if it opened the window in this one, else this JVM.
     *
     * <p>Not {@code ProcessHandle.Info.startInstant()}: on Linux that adds the process's age to the boot time in
     * whole seconds ({@code btime}), so it is off by up to a second, the same for every run until the next boot.
     * {@code /proc/<pid>/stat} and {@code /proc/uptime} give the age to 10 ms.
     */
    static Optional<Instant> commandStart() {
        long pid = ProcessHandle.current().pid();
        try {
            String parent = System.getProperty(LAUNCH_PID);
            if (parent != null) {
                pid = Long.parseLong(parent);
            }
        } catch (NumberFormatException e) {
            // A hand-made property: measure from this JVM instead.
        }
        return processStart(pid, Path.of("/proc"), Instant.now())
                .or(() -> ProcessHandle.current().info().startInstant());
    }

    /** The start of a process read from a proc file system at {@code proc}, as seen at {@code now}. */
    static Optional<Instant> processStart(long pid, Path proc, Instant now) {
        try {
            String stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
            // Field 22 (starttime, in clock ticks since boot); the command name before it may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(fields[19]);
            double uptimeSeconds = Double.parseDouble(Files.readString(proc.resolve("uptime")).trim().split(" ")[0]);
            // 100 ticks per second is the USER_HZ every Linux build exposes to user space.
            long ageMillis = Math.round(uptimeSeconds * 1000) - startTicks * 10;
            return Optional.of(now.minusMillis(ageMillis));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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

    /**
     * Writes the figures: the user's command to the first frame, the wall-clock time of that frame (so a script can
     * time it from outside as well), whether the class archive was used, and the in-JVM parts.
     */
    static void firstFrame(Path file) throws IOException {
        long frame = System.nanoTime();
        Instant now = Instant.now();
        String total = commandStart().map(s -> String.valueOf(Duration.between(s, now).toMillis())).orElse("unknown");
        String text = String.format(Locale.ROOT, "process_start_to_first_frame_ms=%s%nfirst_frame_epoch_ms=%d%n"
                        + "class_data_sharing=%s%nui_class_loaded_to_first_frame_ms=%d%n"
                        + "application_start_to_first_frame_ms=%d%n",
                total, now.toEpochMilli(), System.getProperty(ARCHIVE_MODE, "off"),
                (frame - MAIN_NANOS) / 1_000_000, (frame - startNanos) / 1_000_000)
                + String.join(System.lineSeparator(), MARKS) + System.lineSeparator();
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
