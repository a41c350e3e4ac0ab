package org.racelab.ui.lab;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.Coalescer;
import org.racelab.lab.Counter;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRun;
import org.racelab.lab.FrameGapStats;
import org.racelab.lab.LabSample;
import org.racelab.lab.LabSettings;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.RunStatus;

/**
 * State of the lab: the run settings, the live readout, the chart series, the results table and the window's
 * smoothness figures; starts and stops real {@link CounterRun}s in the background.
 *
 * <p>Threading: every property and list here is touched only on the JavaFX thread. Runs execute on a
 * {@link BackgroundExecutor} thread; their samples reach this class through a {@link Coalescer}, so however fast
 * samples come there is at most one pending hand-off. The few fields the background thread reads are volatile.
 */
public final class LabViewModel {

    /** Charts show the last this-many seconds; older points are dropped so memory stays bounded. */
    public static final double WINDOW_SECONDS = 60;
    /** At most one chart point per line per this interval (the sampler runs faster; the chart need not). */
    static final double POINT_EVERY_SECONDS = 0.1;
    /** Results table keeps this many rows. */
    public static final int MAX_ROWS = 200;
    public static final int DEFAULT_TASKS = 8;
    public static final int DEFAULT_INCREMENTS = 50_000_000;
    /**
     * Increments per task of a switchable run: it is meant to keep going until the teacher presses Stop
     * (at hundreds of millions a second this is centuries), and T x I still fits in a long for any task count.
     */
    public static final long UNTIL_STOPPED = Long.MAX_VALUE / (2L * LabSettings.MAX_TASKS);

    private final BackgroundExecutor background;
    private final Function<CounterKind, Counter> counters;

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
    private final ReadOnlyObjectWrapper<FrameGapStats> frameGaps = new ReadOnlyObjectWrapper<>(FrameGapStats.EMPTY);
    private final ReadOnlyObjectWrapper<FrameGapStats> lastRunFrameGaps =
            new ReadOnlyObjectWrapper<>(FrameGapStats.EMPTY);
    private final ReadOnlyDoubleWrapper chartLower = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper chartUpper = new ReadOnlyDoubleWrapper(WINDOW_SECONDS);

    private final ObservableList<LabRow> rows = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> lostSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> rateSeries = FXCollections.observableArrayList();
    private final Map<XYChart.Series<Number, Number>, String> seriesStyle = new IdentityHashMap<>();
    // One read-only view each, held here: such views forward changes only while something keeps them alive.
    private final ObservableList<LabRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<XYChart.Series<Number, Number>> lostView =
            FXCollections.unmodifiableObservableList(lostSeries);
    private final ObservableList<XYChart.Series<Number, Number>> rateView =
            FXCollections.unmodifiableObservableList(rateSeries);

    private final FrameGapMeter meter = new FrameGapMeter(this::frameGapsMeasured);
    private boolean disposed;
    /** Every hand-over from a run to the FX thread goes through here, so none lands after the window closed. */
    final java.util.concurrent.Executor toFx;

    // Read by the background coordinator; written on the FX thread.
    private volatile boolean lockRequested;
    private volatile boolean stopRequested;
    private volatile CounterRun currentRun;
    private BackgroundExecutor.Cancellable job;

    // FX-thread-only chart bookkeeping.
    private long chartOrigin = -1;
    private double runStartSeconds;
    private CounterKind runKind;
    private boolean runLocked;
    private XYChart.Series<Number, Number> currentLost;
    private XYChart.Series<Number, Number> currentRate;
    private double lastPointSeconds = Double.NEGATIVE_INFINITY;
    private int runNumber;
    private boolean live;
    private boolean inputErrorShown;
    /** Where chart time comes from; tests replace it to simulate a long lecture. */
    java.util.function.LongSupplier clock = System::nanoTime;
    private long lastApplyNanos;
    private final List<LabSample> pendingSamples = new ArrayList<>();
    private static final long APPLY_EVERY_NANOS = 100_000_000L;

    public LabViewModel(BackgroundExecutor background) {
        this(background, CounterKind::create);
    }

    /** With a custom counter factory, so tests can race a counter that fails on purpose. */
    public LabViewModel(BackgroundExecutor background, Function<CounterKind, Counter> counters) {
        this.background = background;
        this.counters = counters;
        this.toFx = r -> background.handoff().execute(() -> whileOpen(r));
        lockOn.addListener((obs, was, on) -> {
            lockRequested = on;
            CounterRun run = currentRun;
            if (run != null) {
                run.setLocked(on);
                if (run.kind() != CounterKind.SWITCHABLE) {
                    status.set("The lock switch steers the switchable counter; this " + run.kind().id()
                            + " run keeps its own code path.");
                }
            }
        });
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

    /** Frame-gap figures of the run in progress (or the last one), updated about once a second. */
    public ReadOnlyObjectProperty<FrameGapStats> frameGapsProperty() {
        return frameGaps.getReadOnlyProperty();
    }

    /** Frame-gap figures over the whole of the last finished run (or compare-all sequence). */
    public ReadOnlyObjectProperty<FrameGapStats> lastRunFrameGapsProperty() {
        return lastRunFrameGaps.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty chartLowerProperty() {
        return chartLower.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty chartUpperProperty() {
        return chartUpper.getReadOnlyProperty();
    }

    public ObservableList<LabRow> rows() {
        return rowsView;
    }

    /** Lost updates over time, one line per run (a switchable run gets a line per locked/unlocked stretch). */
    public ObservableList<XYChart.Series<Number, Number>> lostSeries() {
        return lostView;
    }

    /** Throughput in millions of increments per second over time, lines as for {@link #lostSeries()}. */
    public ObservableList<XYChart.Series<Number, Number>> rateSeries() {
        return rateView;
    }

    /** The CSS style class a chart line should carry, e.g. {@code lab-line-unsafe} or {@code lab-line-locked}. */
    public String styleClassOf(XYChart.Series<Number, Number> series) {
        return seriesStyle.getOrDefault(series, "lab-line-unsafe");
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
        CounterRun run = currentRun;
        if (run != null) {
            run.requestStop();
        }
        if (running.get()) {
            status.set("Stopping...");
        }
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
        rows.clear();
        lostSeries.clear();
        rateSeries.clear();
        seriesStyle.clear();
        chartOrigin = -1;
        currentLost = null;
        currentRate = null;
        chartLower.set(0);
        chartUpper.set(WINDOW_SECONDS);
        error.set("");
        if (!running.get()) {
            readout.set("");
            progress.set(0);
        }
    }

    /** Stops every worker and the coordinating thread; called when the window closes. */
    public void dispose() {
        disposed = true;
        stop();
        if (job != null) {
            // Interrupts the coordinating thread too; its callbacks will not run after the window is gone.
            job.cancel();
        }
        meter.stop();
        background.close();
    }

    /** Forwards a pulse to the frame meter; lets tests and the benchmark drive it without a real timer. */
    FrameGapMeter meter() {
        return meter;
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
        meter.start();
        frameGaps.set(FrameGapStats.EMPTY);
        int batch = ++runNumber;
        Coalescer<LabSample> samples = new Coalescer<>(toFx, this::samplesArrived);
        job = background.submit(() -> {
            for (CounterKind kind : kinds) {
                if (stopRequested || Thread.currentThread().isInterrupted()) {
                    break;
                }
                CounterRun run = new CounterRun(settings, counters.apply(kind));
                run.setLocked(lockRequested);
                toFx.execute(() -> runStarted(kind, kinds.size() > 1));
                currentRun = run;
                if (stopRequested) {
                    run.requestStop();
                }
                CounterRunResult result = run.run(samples::offer);
                currentRun = null;
                toFx.execute(() -> runFinished(result));
            }
            return batch;
        }, done -> whileOpen(() -> batchEnded(null)), failure -> whileOpen(() -> batchEnded(failure)));
    }

    /** Runs {@code r} unless the window has closed: a stopping run still hands things over after that. */
    private void whileOpen(Runnable r) {
        if (!disposed) {
            r.run();
        }
    }

    void runStarted(CounterKind kind, boolean comparing) {
        long now = clock.getAsLong();
        if (chartOrigin < 0) {
            chartOrigin = now;
        }
        runStartSeconds = (now - chartOrigin) / 1e9;
        runKind = kind;
        currentLost = null;
        currentRate = null;
        lastPointSeconds = Double.NEGATIVE_INFINITY;
        status.set("Running " + kind.id() + (comparing ? " (compare all)" : "") + ": " + kind.description() + ".");
    }

    void samplesArrived(List<LabSample> batch) {
        if (runKind == null) {
            return;
        }
        pendingSamples.addAll(batch);
        LabSample s = pendingSamples.get(pendingSamples.size() - 1);
        long now = System.nanoTime();
        // Charts, text and bar change at most ten times a second: every repaint costs CPU the workers fight for.
        if (s.progress() < 1.0 && now - lastApplyNanos < APPLY_EVERY_NANOS) {
            return;
        }
        lastApplyNanos = now;
        applyPendingSamples();
    }

    private void applyPendingSamples() {
        if (pendingSamples.isEmpty() || runKind == null) {
            pendingSamples.clear();
            return;
        }
        for (LabSample s : pendingSamples) {
            double x = runStartSeconds + s.elapsedSeconds();
            boolean last = s.progress() >= 1.0;
            if (currentLost == null || (runKind == CounterKind.SWITCHABLE && s.locked() != runLocked)) {
                startLines(s, x);
            } else if (x - lastPointSeconds < POINT_EVERY_SECONDS && !last) {
                continue;
            }
            addPoint(s, x);
        }
        LabSample s = pendingSamples.get(pendingSamples.size() - 1);
        pendingSamples.clear();
        progress.set(s.progress());
        readout.set(String.format(Locale.ROOT,
                "%s · %s · %,d attempted · counter %,d · lost so far ≈ %,d · %,.1f M increments/s",
                s.counter() == CounterKind.SWITCHABLE ? (s.locked() ? "switchable, LOCKED" : "switchable, UNLOCKED")
                        : s.counter().id(),
                live ? String.format(Locale.ROOT, "%.0f s, until Stop", s.elapsedSeconds())
                        : String.format(Locale.ROOT, "%.0f%%", 100 * s.progress()),
                s.attempts(), s.counterValue(), s.lostSoFar(), s.incrementsPerSecond() / 1e6));
        trimWindow(runStartSeconds + s.elapsedSeconds());
    }

    private void startLines(LabSample s, double x) {
        XYChart.Series<Number, Number> previousLost = currentLost;
        XYChart.Series<Number, Number> previousRate = currentRate;
        runLocked = s.locked();
        String style = lineStyle(runKind, runLocked);
        String name = runKind == CounterKind.SWITCHABLE
                ? runKind.id() + (runLocked ? " locked" : " unlocked") : runKind.id();
        currentLost = new XYChart.Series<>();
        currentLost.setName(name);
        currentRate = new XYChart.Series<>();
        currentRate.setName(name);
        seriesStyle.put(currentLost, style);
        seriesStyle.put(currentRate, style);
        // Start the new stretch where the previous one ended so the line stays continuous.
        if (previousLost != null && !previousLost.getData().isEmpty()) {
            XYChart.Data<Number, Number> end = previousLost.getData().get(previousLost.getData().size() - 1);
            currentLost.getData().add(new XYChart.Data<>(end.getXValue(), end.getYValue()));
        }
        if (previousRate != null && !previousRate.getData().isEmpty()) {
            XYChart.Data<Number, Number> end = previousRate.getData().get(previousRate.getData().size() - 1);
            currentRate.getData().add(new XYChart.Data<>(end.getXValue(), end.getYValue()));
        }
        lostSeries.add(currentLost);
        rateSeries.add(currentRate);
    }

    private void addPoint(LabSample s, double x) {
        lastPointSeconds = x;
        currentLost.getData().add(new XYChart.Data<>(x, s.lostSoFar()));
        currentRate.getData().add(new XYChart.Data<>(x, s.incrementsPerSecond() / 1e6));
    }

    static String lineStyle(CounterKind kind, boolean locked) {
        return kind == CounterKind.SWITCHABLE
                ? (locked ? "lab-line-locked" : "lab-line-unlocked")
                : "lab-line-" + kind.id();
    }

    private void trimWindow(double now) {
        double lower = Math.max(0, now - WINDOW_SECONDS);
        chartUpper.set(Math.max(lower + WINDOW_SECONDS, now));
        chartLower.set(lower);
        trim(lostSeries, lower);
        trim(rateSeries, lower);
    }

    private void trim(ObservableList<XYChart.Series<Number, Number>> lines, double lower) {
        List<XYChart.Series<Number, Number>> empty = new ArrayList<>();
        for (XYChart.Series<Number, Number> line : lines) {
            ObservableList<XYChart.Data<Number, Number>> data = line.getData();
            int drop = 0;
            // Keep one point left of the window so the line still enters from the edge.
            while (drop + 1 < data.size() && data.get(drop + 1).getXValue().doubleValue() < lower) {
                drop++;
            }
            if (drop > 0) {
                data.remove(0, drop);
            }
            if (line != currentLost && line != currentRate
                    && (data.isEmpty() || data.get(data.size() - 1).getXValue().doubleValue() < lower)) {
                empty.add(line);
            }
        }
        lines.removeAll(empty);
        empty.forEach(seriesStyle::remove);
    }

    private void runFinished(CounterRunResult result) {
        applyPendingSamples();
        Optional<CounterRunResult> baseline = rows.stream().map(LabRow::result)
                .filter(r -> r.counter() == CounterKind.UNSAFE && r.status() == RunStatus.COMPLETED && r.sameSize(result))
                .reduce((first, second) -> second);
        if (result.counter() == CounterKind.UNSAFE) {
            baseline = Optional.of(result);
        }
        rows.add(new LabRow(result, result.explanation(baseline)));
        if (rows.size() > MAX_ROWS) {
            rows.remove(0, rows.size() - MAX_ROWS);
        }
        if (result.failed()) {
            inputErrorShown = false;
            error.set("The " + result.counter().id() + " run failed: " + result.failure().orElse("a task failed")
                    + ". Its row shows the increments actually attempted.");
        }
        String completion = String.format(Locale.ROOT, "%s finished: %,d lost of %,d in %.2f s. Tasks completed in order %s.",
                result.counter().id(), result.lost(), result.attempts(), result.seconds(),
                result.completionOrder().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("-"));
        status.set(completion);
        runKind = null;
    }

    private void batchEnded(Throwable failure) {
        currentRun = null;
        job = null;
        meter.stop();
        lastRunFrameGaps.set(meter.stats());
        running.set(false);
        if (failure != null) {
            error.set("The lab run could not finish: " + failure.getMessage());
            inputErrorShown = false;
        }
        if (stopRequested) {
            status.set("Stopped. " + status.get());
        }
    }

    private void frameGapsMeasured(FrameGapStats stats) {
        frameGaps.set(stats);
    }
}
