package org.racelab.ui.lab;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.Counter;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.LabSample;
import org.racelab.lab.LabSession;
import org.racelab.lab.LabSettings;

/**
 * State of the lab: the run settings, the live readout, the charts' data and the results table; starts and stops
 * real counter runs through a {@link LabSession}. The view's timer calls {@link #showLatest()} to show the
 * session's newest reading.
 *
 * <p>Threading: everything here is touched only on the JavaFX thread; runs execute on the session's background
 * thread, which reaches this class only through the executor's hand-off.
 */
public final class LabViewModel {

    /** Charts show the last this-many seconds. */
    public static final double WINDOW_SECONDS = LabChartWindow.WINDOW_SECONDS;
    /** Results table keeps this many rows. */
    public static final int MAX_ROWS = LabResults.MAX_ROWS;
    public static final int DEFAULT_TASKS = 8;
    public static final int DEFAULT_INCREMENTS = 50_000_000;
    /**
     * Increments per task of a switchable run: it is meant to keep going until the teacher presses Stop
     * (at hundreds of millions a second this is centuries), and T x I still fits in a long for any task count.
     */
    public static final long UNTIL_STOPPED = Long.MAX_VALUE / (2L * LabSettings.MAX_TASKS);

    private final LabSession session;
    /** Nanoseconds for the charts' time axis; tests pass a fake one to simulate a long lecture. */
    private final LongSupplier clock;

    private final ObjectProperty<CounterKind> counter = new SimpleObjectProperty<>(CounterKind.SWITCHABLE);
    private final IntegerProperty workers = new SimpleIntegerProperty(LabSettings.defaultWorkers());
    private final IntegerProperty tasks = new SimpleIntegerProperty(DEFAULT_TASKS);
    private final IntegerProperty increments = new SimpleIntegerProperty(DEFAULT_INCREMENTS);
    private final BooleanProperty lockOn = new SimpleBooleanProperty(false);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready. Choose a counter and press Start.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final LabChartWindow chart = new LabChartWindow();
    private final LabResults results = new LabResults();

    private boolean disposed;
    private boolean stopRequested;
    private boolean live;
    private boolean inputErrorShown;
    // The run being shown: its number in the session, its kind and where it starts on the charts' time axis.
    private int shownRun;
    private CounterKind runKind;
    private double runStartSeconds;
    private long chartOrigin = -1;
    private LabSession.Reading lastShown;

    public LabViewModel(BackgroundExecutor background) {
        this(background, CounterKind::create);
    }

    /** With a custom counter factory, so tests can race a counter that fails on purpose. */
    public LabViewModel(BackgroundExecutor background, Function<CounterKind, Counter> counters) {
        this(background, counters, System::nanoTime);
    }

    /** With a custom clock (nanoseconds) for the charts' time axis. */
    public LabViewModel(BackgroundExecutor background, Function<CounterKind, Counter> counters, LongSupplier clock) {
        this.session = new LabSession(background, counters);
        this.clock = clock;
        lockOn.addListener((obs, was, on) -> session.setLocked(on)
                .filter(kind -> kind != CounterKind.SWITCHABLE)
                .ifPresent(kind -> status.set("The lock switch steers the switchable counter; this " + kind.id()
                        + " run keeps its own code path.")));
    }

    // --- inputs -----------------------------------------------------------------------------------------------

    public ObjectProperty<CounterKind> counterProperty() {
        return counter;
    }

    public IntegerProperty workersProperty() {
        return workers;
    }

    public IntegerProperty tasksProperty() {
        return tasks;
    }

    public IntegerProperty incrementsProperty() {
        return increments;
    }

    /** The live lock switch: on makes a switchable run's workers take the ReentrantLock path. */
    public BooleanProperty lockOnProperty() {
        return lockOn;
    }

    // --- state ------------------------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Inline message for bad input or a failed run; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Live figures of the running run; lost-so-far in it is approximate. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The charts' lines and time window. */
    public LabChartWindow chart() {
        return chart;
    }

    public ObservableList<LabRow> rows() {
        return results.rows();
    }

    // --- commands ---------------------------------------------------------------------------------------------

    /** Starts one run of the chosen counter. */
    public void start() {
        launch(List.of(counter.get()));
    }

    /** Runs every fixed counter kind in turn with the same settings. */
    public void compareAll() {
        launch(CounterKind.comparable());
    }

    /** Asks the running workers to stop; the stopped run still reports its exact figures. Never blocks. */
    public void stop() {
        stopRequested = true;
        session.stop();
        if (running.get()) {
            status.set("Stopping...");
        }
    }

    /** Shows the newest live reading of the run going, if there is one the charts do not have yet. */
    public void showLatest() {
        show(session.latest());
    }

    /** Shows an inline message about a value the user typed that could not be used as it was. */
    public void rejectInput(String message) {
        error.set(message);
        inputErrorShown = true;
    }

    /** Clears an input message once the user typed something valid. */
    public void acceptInput() {
        if (inputErrorShown) {
            error.set("");
            inputErrorShown = false;
        }
    }

    /** Empties the charts and the table. */
    public void clear() {
        results.clear();
        chart.clear();
        chartOrigin = -1;
        error.set("");
        if (!running.get()) {
            readout.set("");
            progress.set(0);
        }
    }

    /** Stops every worker and the coordinating thread; called when the window closes. */
    public void dispose() {
        disposed = true;
        stopRequested = true;
        session.close();
        running.set(false);
    }

    private void launch(List<CounterKind> kinds) {
        if (running.get()) {
            return;
        }
        LabSettings settings;
        try {
            live = kinds.equals(List.of(CounterKind.SWITCHABLE));
            settings = new LabSettings(workers.get(), tasks.get(), live ? UNTIL_STOPPED : increments.get());
        } catch (IllegalArgumentException e) {
            error.set("Cannot start: " + e.getMessage() + ".");
            inputErrorShown = false;
            return;
        }
        error.set("");
        stopRequested = false;
        running.set(true);
        progress.set(0);
        session.start(kinds, settings, new LabSession.Listener() {
            @Override
            public void runStarted(int run, CounterKind kind, boolean comparing) {
                whileOpen(() -> LabViewModel.this.runStarted(run, kind, comparing));
            }

            @Override
            public void runFinished(int run, CounterRunResult result) {
                whileOpen(() -> LabViewModel.this.runFinished(result));
            }

            @Override
            public void ended(Throwable failure) {
                whileOpen(() -> batchEnded(failure));
            }
        });
    }

    /** Runs {@code r} unless the window has closed: a stopping run still hands things over after that. */
    private void whileOpen(Runnable r) {
        if (!disposed) {
            r.run();
        }
    }

    void runStarted(int run, CounterKind kind, boolean comparing) {
        long now = clock.getAsLong();
        if (chartOrigin < 0) {
            chartOrigin = now;
        }
        runStartSeconds = (now - chartOrigin) / 1e9;
        shownRun = run;
        runKind = kind;
        chart.newRun();
        status.set("Running " + kind.id() + (comparing ? " (compare all)" : "") + ": " + kind.description() + ".");
    }

    /** Shows {@code r} if it is a new reading of the run being shown. */
    void show(LabSession.Reading r) {
        if (r == null || r == lastShown || runKind == null || r.run() != shownRun || disposed) {
            return;
        }
        lastShown = r;
        LabSample s = r.sample();
        chart.add(runKind, s, runStartSeconds + s.elapsedSeconds());
        progress.set(s.progress());
        readout.set(String.format(Locale.ROOT,
                "%s · %s · %,d attempted · counter %,d · lost so far ≈ %,d · %,.1f M increments/s",
                s.counter() == CounterKind.SWITCHABLE ? (s.locked() ? "switchable, LOCKED" : "switchable, UNLOCKED")
                        : s.counter().id(),
                live ? String.format(Locale.ROOT, "%.0f s, until Stop", s.elapsedSeconds())
                        : String.format(Locale.ROOT, "%.0f%%", 100 * s.progress()),
                s.attempts(), s.counterValue(), s.lostSoFar(), s.incrementsPerSecond() / 1e6));
    }

    private void runFinished(CounterRunResult result) {
        // The run's final reading is in the session by now: the charts end on the exact figures.
        showLatest();
        results.add(result);
        if (result.failed()) {
            inputErrorShown = false;
            error.set("The " + result.counter().id() + " run failed: " + result.failure().orElse("a task failed")
                    + ". Its row shows the increments actually attempted.");
        }
        status.set(String.format(Locale.ROOT, "%s finished: %,d lost of %,d in %.2f s. Tasks completed in order %s.",
                result.counter().id(), result.lost(), result.attempts(), result.seconds(),
                result.completionOrder().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("-")));
        runKind = null;
    }

    private void batchEnded(Throwable failure) {
        running.set(false);
        if (failure != null) {
            error.set("The lab run could not finish: " + failure.getMessage());
            inputErrorShown = false;
        }
        if (stopRequested) {
            status.set("Stopped. " + status.get());
        }
    }
}
