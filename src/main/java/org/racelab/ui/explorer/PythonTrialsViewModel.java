package org.racelab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.python.PythonInterpreter;
import org.racelab.lab.python.PythonReport;
import org.racelab.lab.python.PythonRun;
import org.racelab.lab.python.PythonRunException;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;

/**
 * "Run on this Python": the explorer's race run for real on the teacher's own Python, one process per trial, as
 * the reality chart's fourth source ("CPython 3.11 on this laptop"), or a notice saying how to get a Python.
 *
 * <p>Confined to the JavaFX thread (or a test's thread with a same-thread executor). Finding the interpreter and
 * every trial run on the executor's thread; each finished trial reaches this object through the hand-off, tagged
 * with a generation so that trials of a stopped run or an older race are dropped. Stop interrupts the trial, and
 * the runner kills its Python process on interruption.
 */
public final class PythonTrialsViewModel {

    /** Trials per run: one Python process each. */
    public static final int TRIALS = 20;
    /** Shown when no interpreter is found. */
    public static final String NO_PYTHON = "No Python found on this computer (tried python3, python and, on "
            + "Windows, py -3). Install Python 3 from python.org (on Windows tick \"Add python.exe to PATH\"), "
            + "restart RaceLab and press Run on this Python again. Everything else works without it.";

    /** Runs one trial: a program on an interpreter, as {@code PythonRunner.run} does. */
    @FunctionalInterface
    public interface Runner {
        PythonReport run(PythonInterpreter python, RaceProgram program, int threads, int increments, int runs)
                throws PythonRunException, InterruptedException;
    }

    private final BackgroundExecutor executor;
    private final Callable<Optional<PythonInterpreter>> finder;
    private final Runner runner;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper missing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PythonReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sourceName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    private long generation;
    private boolean disposed;
    private BackgroundExecutor.Cancellable task;
    private final List<PythonRun> runs = new ArrayList<>();

    /**
     * @param finder finds the interpreter (called on the executor's thread: it may look through the PATH)
     * @param runner runs one trial
     */
    public PythonTrialsViewModel(BackgroundExecutor executor, Callable<Optional<PythonInterpreter>> finder,
            Runner runner) {
        this.executor = Objects.requireNonNull(executor);
        this.finder = Objects.requireNonNull(finder);
        this.runner = Objects.requireNonNull(runner);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once a search found no Python. */
    public ReadOnlyBooleanProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** The trials so far of the latest run (live while running), or null. */
    public ReadOnlyObjectProperty<PythonReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The chart's name for this source, e.g. "CPython 3.11 on this laptop"; empty before a trial. */
    public ReadOnlyStringProperty sourceNameProperty() {
        return sourceName.getReadOnlyProperty();
    }

    /** What the teacher should know: the interpreter and its trials, no Python, or why a run failed. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Runs {@link #TRIALS} trials of {@code program} with the race's threads and increments on this Python. */
    public void run(RaceConfig config, RaceProgram program) {
        if (running.get() || disposed || config == null) {
            return;
        }
        if (config.lock()) {
            notice.set("RaceLab's Python script has no lock: switch the lock off to run the race on Python.");
            return;
        }
        long gen = ++generation;
        runs.clear();
        report.set(null);
        running.set(true);
        notice.set("Looking for Python...");
        task = executor.submit(() -> {
            Optional<PythonInterpreter> python = finder.call();
            if (python.isEmpty()) {
                return false;
            }
            for (int i = 0; i < TRIALS; i++) {
                PythonReport one = runner.run(python.get(), program, config.threads(), config.increments(), 1);
                executor.handoff().execute(() -> trialDone(gen, config, one));
            }
            return true;
        }, found -> {
            if (gen == generation) {
                finish();
                missing.set(!found);
                if (!found) {
                    notice.set(NO_PYTHON);
                }
            }
        }, e -> {
            if (gen == generation) {
                finish();
                notice.set("Python did not run: " + e.getMessage());
            }
        });
    }

    private void trialDone(long gen, RaceConfig config, PythonReport one) {
        if (gen != generation) {
            return;
        }
        missing.set(false);
        runs.addAll(one.runs());
        PythonReport r = new PythonReport(one.interpreter(), one.version(), one.freeThreaded(), one.program(),
                one.threads(), one.increments(), runs);
        report.set(r);
        sourceName.set(sourceName(r));
        long lost = r.runsThatLost();
        notice.set(String.format(Locale.ROOT, "%s %s (%s) at %s: %s, %s, %d of %d trials lost an update.",
                "CPython", r.version(), r.freeThreaded() ? "free-threaded, no GIL" : "with the GIL", r.interpreter(),
                r.program().source(), config.sizeText(), lost, r.runs().size()));
    }

    /** "CPython 3.11 on this laptop", or "CPython 3.13t (free-threaded) on this laptop". */
    static String sourceName(PythonReport r) {
        String[] parts = r.version().split("\\.");
        String minor = parts.length >= 2 ? parts[0] + "." + parts[1] : r.version();
        return "CPython " + minor + (r.freeThreaded() ? "t (free-threaded)" : "") + " on this laptop";
    }

    /** Share of this run's trials whose counter ended at {@code finalValue} of a race starting at {@code start}. */
    public static double share(PythonReport r, int start, int finalValue) {
        if (r == null || r.runs().isEmpty()) {
            return 0;
        }
        long n = r.runs().stream().filter(run -> start + run.finalCount() == finalValue).count();
        return (double) n / r.runs().size();
    }

    /** Stops the running trials; the Python process is killed and the trials so far stay shown. */
    public void stop() {
        if (running.get()) {
            generation++;
            cancelTask();
            finish();
            PythonReport r = report.get();
            notice.set(r == null ? "Stopped." : notice.get() + " Stopped after " + r.runs().size() + " trials.");
        }
    }

    /** Forgets the trials (the race changed). */
    public void clear() {
        stop();
        generation++;
        runs.clear();
        report.set(null);
        sourceName.set("");
        if (!missing.get()) {
            notice.set("");
        }
    }

    /** Stops everything this view-model started (the window is closing). */
    public void dispose() {
        disposed = true;
        generation++;
        cancelTask();
        finish();
    }

    private void finish() {
        running.set(false);
        task = null;
    }

    private void cancelTask() {
        if (task != null) {
            task.cancel();
        }
    }
}
