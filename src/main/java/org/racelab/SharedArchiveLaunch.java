package org.racelab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.racelab.ui.StartupReport;

/**
 * Starts the window in a second JVM that maps a class-data-sharing archive of the app's own classes, so that
 * {@code java -jar racelab.jar} reaches its first frame about 0.4 s sooner than loading and verifying the same
 * ~4,000 JavaFX and RaceLab classes from the jar again.
 *
 * <p>A jar's manifest cannot pass {@code -XX:SharedArchiveFile}, hence the relaunch. {@code ./mvnw package}
 * writes the archive for the jar it built ({@link SharedArchiveTraining}); a jar started without one writes it
 * when its window closes ({@code -XX:ArchiveClassesAtExit}); every later start of the same jar on the same JDK,
 * named the same way from the same directory, maps it. The archive lives in the user's cache directory under a
 * name derived from all of that, so anything else simply writes a new one (the three newest are kept). An
 * archive the JVM refuses or crashes on is deleted and the window opens anyway. Whenever anything is unusual (no jar, a
 * debugger or agent, a user's own sharing options, an unwritable cache, a non-HotSpot VM) the window opens in
 * this JVM as before; {@code -Dracelab.cds=false} asks for that explicitly.
 */
final class SharedArchiveLaunch {

    /** {@code -Dracelab.cds=false} turns the relaunch off. */
    static final String ENABLED = "racelab.cds";
    /** Set on the second JVM: this JVM's process id, so the startup report can time the user's whole command. */
    static final String LAUNCH_PID = StartupReport.LAUNCH_PID;
    /** Set on the second JVM: {@code map} or {@code write}, what it does with the archive. */
    static final String MODE = StartupReport.ARCHIVE_MODE;

    /** What the JVM exits with after a fatal error (SIGABRT after writing its crash report). */
    private static final int JVM_FATAL_ERROR = 134;
    private static final long CRASH_AT_START_SECONDS = 10;
    /** Below any real archive (one class is already about 100 KB; the window's classes are about 28 MB). */
    static final long MIN_ARCHIVE_BYTES = 64 << 10;
    /** Archives kept side by side, the newest first (about 30 MB each). */
    static final int KEPT_ARCHIVES = 3;
    private static final String PREFIX = "racelab-";
    private static final String SUFFIX = ".jsa";
    private static final String PENDING = ".part-";
    private static final List<String> FOREIGN_OPTIONS = List.of("-agentlib", "-agentpath", "-javaagent", "-Xdebug",
            "-Xrunjdwp", "-Xshare", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-XX:SharedClassListFile",
            "-XX:DumpLoadedClassList", "-D" + LAUNCH_PID);

    /** What the first JVM knows about itself; {@link #current()} reads it, tests make their own. */
    record Context(Optional<String> javaCommand, Optional<List<String>> arguments, List<String> environmentOptions,
                   String classPath, String workingDir, String vmName, String vmVersion, String javaHome,
                   Optional<String> enabled, Optional<Path> cacheDir, long pid) {

        static Context current() {
            ProcessHandle.Info info = ProcessHandle.current().info();
            List<String> environment = java.util.stream.Stream
                    .of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")
                    .map(System::getenv).filter(v -> v != null && !v.isBlank()).toList();
            return new Context(info.command(), info.arguments().map(List::of), environment,
                    System.getProperty("java.class.path", ""), System.getProperty("user.dir", ""),
                    System.getProperty("java.vm.name", ""),
                    System.getProperty("java.vm.version", ""), System.getProperty("java.home", ""),
                    Optional.ofNullable(System.getProperty(ENABLED)), cacheDirectory(),
                    ProcessHandle.current().pid());
        }
    }

    /** The second JVM's command line and what to do with the archive afterwards. */
    record Plan(List<String> command, Path archive, Optional<Path> pending, Path log) {
    }

    private SharedArchiveLaunch() {
    }

    /**
     * Opens the window in a second JVM if that can be done safely here and returns its exit code; empty means
     * the caller opens the window itself.
     */
    static OptionalInt run() {
        Context context = Context.current();
        Optional<Plan> plan = plan(context, List.of());
        if (plan.isEmpty()) {
            return OptionalInt.empty();
        }
        long started = System.nanoTime();
        OptionalInt code = run(plan.get(), true);
        // HotSpot 17 does not check a damaged archive's size before mapping it and dies of SIGBUS at once. Our
        // archives are only kept after a clean exit, so that takes outside damage; even then the window opens.
        if (code.isPresent() && code.getAsInt() == JVM_FATAL_ERROR && plan.get().pending().isEmpty()
                && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(CRASH_AT_START_SECONDS)) {
            try {
                Files.deleteIfExists(plan.get().archive());
            } catch (IOException | RuntimeException e) {
                return code;
            }
            Optional<Plan> again = plan(context, List.of());
            return again.isEmpty() ? code : run(again.get(), true);
        }
        return code;
    }

    /**
     * Runs the planned JVM, with this one's standard streams or with its output discarded, waits for it, and
     * tidies the archive after it.
     */
    static OptionalInt run(Plan plan, boolean inheritIO) {
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(plan.command());
            if (inheritIO) {
                builder.inheritIO();
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
            }
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // Ctrl+C or a kill of this JVM must not leave the window behind.
        Thread stopChild = new Thread(child::destroy, "racelab-stop-window");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code;
        while (true) {
            try {
                code = child.waitFor();
                break;
            } catch (InterruptedException e) {
                // Only the window's end ends this JVM; nothing here interrupts it on purpose.
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs and finds the child gone.
        }
        finish(plan, code);
        return OptionalInt.of(code);
    }

    /** The second JVM's command, or empty when the window should open in this JVM. */
    static Optional<Plan> plan(Context c, List<String> extraArguments) {
        if (c.enabled().map(v -> v.equalsIgnoreCase("false")).orElse(false)) {
            return Optional.empty();
        }
        if (c.javaCommand().isEmpty() || c.arguments().isEmpty() || c.cacheDir().isEmpty()) {
            return Optional.empty();
        }
        String vm = c.vmName();
        if (!(vm.contains("HotSpot") || vm.contains("OpenJDK"))) {
            return Optional.empty();
        }
        List<String> args = c.arguments().get();
        // Options from the environment reach both JVMs: a debugger there would fight over its port.
        List<String> environment = c.environmentOptions().stream()
                .flatMap(v -> java.util.Arrays.stream(v.trim().split("\\s+"))).toList();
        if (java.util.stream.Stream.concat(args.stream(), environment.stream())
                .anyMatch(a -> FOREIGN_OPTIONS.stream().anyMatch(a::startsWith))) {
            return Optional.empty();
        }
        Optional<Path> jar = singleJar(c.classPath());
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        Path dir = c.cacheDir().get();
        Path archive;
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return Optional.empty();
            }
            archive = dir.resolve(PREFIX + key(c, jar.get()) + SUFFIX);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(c.javaCommand().get());
        Optional<Path> pending;
        try {
            // A few bytes where an archive should be (a copy gone wrong) would be ignored for ever: write anew.
            if (Files.isRegularFile(archive) && Files.size(archive) < MIN_ARCHIVE_BYTES) {
                Files.delete(archive);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-D" + MODE + "=map");
            pending = Optional.empty();
        } else {
            pending = Optional.of(dir.resolve(archive.getFileName() + PENDING + c.pid()));
            command.add("-XX:ArchiveClassesAtExit=" + pending.get());
            command.add("-D" + MODE + "=write");
        }
        // An archive the JVM cannot use is skipped without a word on screen; the log tells finish() to drop it.
        Path log = dir.resolve("cds-" + c.pid() + ".log");
        command.add("-Xshare:auto");
        // Crash reports go beside the archive, not into whatever directory the command was started in.
        command.add("-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"));
        command.add("-Xlog:cds=off,cds+dynamic=off");
        command.add("-Xlog:cds=warning,cds+dynamic=warning:file=" + log);
        command.add("-D" + LAUNCH_PID + "=" + c.pid());
        // The user's own options come last, so they win over ours.
        command.addAll(args);
        command.addAll(extraArguments);
        return Optional.of(new Plan(List.copyOf(command), archive, pending, log));
    }

    /**
     * After the window closed: keep a freshly written archive (dropping the oldest) or drop a broken one, and
     * drop a mapped archive the JVM refused, so that the next start writes a good one.
     */
    static void finish(Plan plan, int exitCode) {
        try {
            if (plan.pending().isPresent()) {
                Path pending = plan.pending().get();
                if (exitCode == 0 && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                    Files.move(pending, plan.archive(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    removeOthers(plan.archive());
                } else {
                    Files.deleteIfExists(pending);
                }
            } else if (Files.isRegularFile(plan.log())) {
                String log = Files.readString(plan.log(), StandardCharsets.UTF_8);
                if (log.contains("Unable to use shared archive") || log.contains("failed to load")) {
                    Files.deleteIfExists(plan.archive());
                }
            }
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be tidied only means the next start writes the archive again.
        } finally {
            try {
                Files.deleteIfExists(plan.log());
            } catch (IOException | RuntimeException e) {
                // Only a few bytes of log left behind.
            }
        }
    }

    /**
     * Keeps the {@value #KEPT_ARCHIVES} newest archives (a few jars or checkouts in use side by side do not evict
     * each other), and drops parts left by starts that died while writing.
     */
    private static void removeOthers(Path keep) throws IOException {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keep.getParent(), PREFIX + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int part = name.lastIndexOf(PENDING);
                if (part >= 0) {
                    if (!writerAlive(name.substring(part + PENDING.length()))) {
                        Files.deleteIfExists(f);
                    }
                } else if (name.endsWith(SUFFIX) && !f.equals(keep)) {
                    archives.add(f);
                }
            }
        }
        archives.sort(java.util.Comparator.comparing(SharedArchiveLaunch::modified).reversed());
        for (Path old : archives.subList(Math.min(archives.size(), KEPT_ARCHIVES - 1), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static boolean writerAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The jar this JVM runs from, if the class path is exactly one jar file (CDS cannot archive directories). */
    static Optional<Path> singleJar(String classPath) {
        if (classPath.isBlank() || classPath.contains(java.io.File.pathSeparator)
                || !classPath.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * Names the archive after everything the JVM checks before mapping it: the JDK, the jar's contents, and the
     * class path as written together with the directory it was written in (HotSpot 17 refuses an archive when
     * the same jar is named differently, e.g. from another directory).
     */
    static String key(Context c, Path jar) throws IOException {
        Path real = jar.toRealPath();
        String identity = String.join("\n", c.javaHome(), c.vmVersion(), c.workingDir(), c.classPath(),
                real.toString(),
                String.valueOf(Files.size(real)), String.valueOf(Files.getLastModifiedTime(real).toMillis()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The platform's per-user cache directory for RaceLab, if one can be named. */
    static Optional<Path> cacheDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        String xdg = System.getenv("XDG_CACHE_HOME");
        String local = System.getenv("LOCALAPPDATA");
        if (os.contains("win") && local != null && !local.isBlank()) {
            return Optional.of(Path.of(local, "RaceLab", "cache"));
        }
        if (os.contains("mac") && home != null) {
            return Optional.of(Path.of(home, "Library", "Caches", "RaceLab"));
        }
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "racelab"));
        }
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "racelab"));
    }
}
