package org.racelab.lab;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts lab threads (the counters' workers, the queue's producers and consumers) at background priority on Linux,
 * so that CPU-bound workers leave the window's threads a free core the moment they need one.
 *
 * <p>Java thread priorities do nothing on Linux unless the JVM is started with extra flags, which a plain
 * {@code java -jar} cannot carry. Linux applies {@code setpriority} to a single thread when given its thread
 * id, so the lab asks {@code renice} to lower its workers (nice 19) before they start counting, and the JVM's
 * JIT compiler threads a little (nice 10): measured under a full run on 2 cores, a compiler thread busy with the
 * workers' fresh code was what the window's thread still queued behind. Lowering needs no privileges. Where it is
 * not possible (another OS, no {@code renice}) nothing happens and the run is only less smooth on screen. The
 * workers still compete with each other as equals, so the race they show is unchanged.
 * {@code -Dracelab.lab.nice=false} turns it off (used to measure the difference).
 *
 * <p>Thread-safe: the methods keep no state but a once-only flag, which is atomic.
 */
public final class BackgroundPriority {

    static final int WORKER_NICE = 19;
    static final int COMPILER_NICE = 10;

    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class.getName());
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("racelab.lab.nice", "true"))
            && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long RENICE_WAIT_MILLIS = 1000;
    private static final AtomicBoolean COMPILERS_LOWERED = new AtomicBoolean();

    private BackgroundPriority() {
    }

    static boolean enabled() {
        return ENABLED;
    }

    /** The calling thread's Linux thread id, if it can be known. */
    static Optional<String> currentThreadId() {
        if (!ENABLED) {
            return Optional.empty();
        }
        try {
            // /proc/thread-self links to "<pid>/task/<tid>".
            return Optional.of(Files.readSymbolicLink(THREAD_SELF).getFileName().toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Lowers the given threads to {@value #WORKER_NICE} with one {@code renice}, and waits until it is done. */
    static void lowerWorkers(Collection<String> threadIds) {
        renice(WORKER_NICE, threadIds, true);
    }

    /** Lowers the calling thread without waiting (for a worker that joins a pool later, or a queue's thread). */
    public static void lowerCurrentThread() {
        currentThreadId().ifPresent(tid -> renice(WORKER_NICE, List.of(tid), false));
    }

    /**
     * Lowers the calling thread and waits until it is done. Linux gives a new thread the nice value of the thread
     * that starts it, so the threads this one starts afterwards are born at background priority, with no renice of
     * their own and no moment at full priority.
     */
    public static void lowerCurrentThreadAndWait() {
        currentThreadId().ifPresent(tid -> renice(WORKER_NICE, List.of(tid), true));
    }

    /** Once per JVM: the JIT compiler threads to {@value #COMPILER_NICE}, below the window's threads. */
    public static void lowerCompilerThreads() {
        if (!ENABLED || !COMPILERS_LOWERED.compareAndSet(false, true)) {
            return;
        }
        List<String> compilers = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0"; Linux keeps 15 characters.
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        compilers.add(task.getFileName().toString());
                    }
                } catch (IOException e) {
                    // The thread ended while we looked.
                }
            }
        } catch (IOException | SecurityException e) {
            LOG.log(Level.FINE, "cannot list the JVM's threads", e);
        }
        renice(COMPILER_NICE, compilers, true);
    }

    private static void renice(int nice, Collection<String> threadIds, boolean wait) {
        if (!ENABLED || threadIds.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(threadIds);
        try {
            Process p = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (wait && !p.waitFor(RENICE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.fine("renice did not finish in time; the run goes on at whatever priority it got");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(Level.FINE, "cannot lower thread priority", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
