package org.racelab.ui.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.pool.OrderDemo;
import org.racelab.lab.pool.PoolLab;
import org.racelab.lab.pool.PoolRecorder;
import org.racelab.lab.pool.PoolRunResult;
import org.racelab.lab.pool.PoolSettings;
import org.racelab.lab.pool.PoolSnapshot;
import org.racelab.lab.pool.TaskKind;
import org.racelab.lab.pool.ThreadCost;
import org.racelab.lab.pool.ThreadCostResult;

/**
 * The pool part's state and behaviour: the workload's settings, one run, the sequential baseline, the sweep,
 * map vs as_completed, and the thread-cost measurement, each done for real on a {@link BackgroundExecutor}.
 *
 * <p>Live runs are read through {@link #tick()}, which the view calls once a frame; the injected clock keeps the
 * published snapshots to one every {@value #PUBLISH_EVERY_MILLIS} ms. All methods run on the UI thread (the executor hands results back there); the recorders are thread-safe.
 */
public final class PoolViewModel {

    /** Live Gantt snapshots are published at most this often. */
    public static final long PUBLISH_EVERY_MILLIS = 40;
    /** The sweep's worker counts, as on Slide 5. */
    public static final List<Integer> SWEEP_WORKERS = List.of(1, 2, 4, 8, 16, 32, 64);

    private final BackgroundExecutor background;
    private final LongSupplier clockNanos;

    private final IntegerProperty tasks = new SimpleIntegerProperty(100);
    private final IntegerProperty latencyMs = new SimpleIntegerProperty(100);
    private final IntegerProperty workers = new SimpleIntegerProperty(PoolSettings.defaultWorkers());
    private final IntegerProperty serverCap = new SimpleIntegerProperty(0);
    private final ObjectProperty<TaskKind> kind = new SimpleObjectProperty<>(TaskKind.IO);
    private final BooleanProperty gil = new SimpleBooleanProperty();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready: press Run (Ctrl+Enter).");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PoolSnapshot> snapshot = new ReadOnlyObjectWrapper<>(PoolSnapshot.empty());
    private final ReadOnlyObjectWrapper<PoolSnapshot> sequentialSnapshot =
            new ReadOnlyObjectWrapper<>(PoolSnapshot.empty());
    private final ReadOnlyObjectWrapper<PoolRunResult> lastRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PoolRunResult> sequentialRun = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PoolRunResult> sweep = FXCollections.observableArrayList();
    /** One read-only view, kept: it listens to {@code sweep} weakly, so a fresh one per call could vanish. */
    private final ObservableList<PoolRunResult> sweepView = FXCollections.unmodifiableObservableList(sweep);
    private final ReadOnlyObjectWrapper<OrderDemo.Result> orders = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ThreadCostResult> threadCost = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty costThreads = new SimpleIntegerProperty(1_000);

    private BackgroundExecutor.Cancellable job;
    private PoolRecorder live;
    private PoolRecorder liveSequential;
    private long lastPublish;
    private boolean publishedSinceBegin;

    public PoolViewModel(BackgroundExecutor background, LongSupplier clockNanos) {
        this.background = background;
        this.clockNanos = clockNanos;
    }

    public IntegerProperty tasksProperty() {
        return tasks;
    }

    public IntegerProperty latencyMsProperty() {
        return latencyMs;
    }

    public IntegerProperty workersProperty() {
        return workers;
    }

    /** The server's concurrency cap; 0 means no cap. */
    public IntegerProperty serverCapProperty() {
        return serverCap;
    }

    public ObjectProperty<TaskKind> kindProperty() {
        return kind;
    }

    public BooleanProperty gilProperty() {
        return gil;
    }

    public IntegerProperty costThreadsProperty() {
        return costThreads;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PoolSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PoolSnapshot> sequentialSnapshotProperty() {
        return sequentialSnapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PoolRunResult> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PoolRunResult> sequentialRunProperty() {
        return sequentialRun.getReadOnlyProperty();
    }

    /** The sweep's points so far, one per worker count, in the order they were measured. */
    public ObservableList<PoolRunResult> sweepPoints() {
        return sweepView;
    }

    public ReadOnlyObjectProperty<OrderDemo.Result> ordersProperty() {
        return orders.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ThreadCostResult> threadCostProperty() {
        return threadCost.getReadOnlyProperty();
    }

    /** The settings as they stand; throws IllegalArgumentException with a message for the user. */
    public PoolSettings settings() {
        return new PoolSettings(tasks.get(), latencyMs.get(), workers.get(), kind.get(), gil.get(), serverCap.get());
    }

    /** Python's default, with its formula, e.g. "min(32, 2 + 4) = 6". */
    public static String workersFormula(int processors) {
        return "min(32, " + processors + " + 4) = " + PoolSettings.defaultWorkers(processors);
    }

    /** Slide 2: 100 URLs × 1 s on 10 workers. */
    public void presetSlide2() {
        apply(PoolSettings.slide2());
    }

    /** Slide 2 at classroom speed: 100 URLs × 100 ms on 10 workers. */
    public void presetClassroom() {
        apply(PoolSettings.classroom());
    }

    private void apply(PoolSettings s) {
        tasks.set(s.tasks());
        latencyMs.set(s.latencyMs());
        workers.set(s.workers());
        kind.set(s.kind());
        gil.set(s.gil());
        serverCap.set(s.serverCap());
    }

    /** Runs the workload once on the pool, live in the Gantt chart. */
    public void run() {
        Optional<PoolSettings> s = validSettings();
        if (s.isEmpty() || running.get()) {
            return;
        }
        PoolRecorder recorder = new PoolRecorder();
        live = recorder;
        snapshot.set(PoolSnapshot.empty());
        begin("Running " + describe(s.get()) + "…");
        job = background.submit(() -> {
            try (PoolLab lab = PoolLab.open(s.get().serverCap())) {
                return lab.run(s.get(), recorder);
            }
        }, result -> {
            lastRun.set(result);
            finish(summary(result));
        }, this::fail);
    }

    /** Runs the same tasks one after another on one thread, no pool: the baseline lane. */
    public void runSequential() {
        Optional<PoolSettings> s = validSettings();
        if (s.isEmpty() || running.get()) {
            return;
        }
        PoolRecorder recorder = new PoolRecorder();
        liveSequential = recorder;
        sequentialSnapshot.set(PoolSnapshot.empty());
        begin(String.format(Locale.ROOT, "Running sequentially: expect about %.1f s…", s.get().sequentialSeconds()));
        job = background.submit(() -> {
            try (PoolLab lab = PoolLab.open(s.get().serverCap())) {
                return lab.runSequential(s.get(), recorder);
            }
        }, result -> {
            sequentialRun.set(result);
            finish(summary(result));
        }, this::fail);
    }

    /** Runs the workload at 1, 2, 4 … 64 workers; each point appears as soon as it is measured. */
    public void sweep() {
        Optional<PoolSettings> s = validSettings();
        if (s.isEmpty() || running.get()) {
            return;
        }
        sweep.clear();
        begin("Sweep: " + describe(s.get()) + " at " + SWEEP_WORKERS + " workers…");
        var handoff = background.handoff();
        job = background.submit(() -> {
            try (PoolLab lab = PoolLab.open(s.get().serverCap())) {
                return lab.sweep(s.get(), SWEEP_WORKERS, r -> handoff.execute(() -> {
                    if (running.get()) {
                        sweep.add(r);
                    }
                }));
            }
        }, results -> finish(sweepSummary(results)), this::fail);
    }

    /** submit / map / as_completed with varied latencies and one task that throws (Slides 4 and 11). */
    public void runOrders() {
        if (running.get()) {
            return;
        }
        begin("map and as_completed: " + OrderDemo.DEFAULT_LATENCIES_MS.size() + " tasks on 5 workers…");
        job = background.submit(() -> OrderDemo.run(OrderDemo.DEFAULT_LATENCIES_MS, 2, 5), result -> {
            orders.set(result);
            finish("map waited for the results in input order; as_completed handed each over as it finished.");
        }, this::fail);
    }

    /** Measures what a thread costs against a pool task (Slides 3 and 11). */
    public void measureThreadCost() {
        if (running.get()) {
            return;
        }
        int n = costThreads.get();
        if (n < ThreadCost.MIN_THREADS || n > ThreadCost.MAX_THREADS) {
            error.set("threads must be between " + ThreadCost.MIN_THREADS + " and " + ThreadCost.MAX_THREADS);
            return;
        }
        begin("Creating, starting and joining " + Math.max(n, ThreadCost.MIN_CREATED) + " threads…");
        job = background.submit(() -> ThreadCost.measure(n), result -> {
            threadCost.set(result);
            finish("Thread cost measured.");
        }, this::fail);
    }

    /** Stops whatever runs: workers end within 200 ms, also those blocked in a request, and the server closes. */
    public void stop() {
        if (job != null) {
            job.cancel();
            job = null;
        }
        if (running.get()) {
            running.set(false);
            status.set("Stopped.");
            publish();
        }
    }

    /** Called once a frame by the view: publishes the live runs' latest state, at most every 40 ms. */
    public void tick() {
        long now = clockNanos.getAsLong();
        if (!running.get() || publishedSinceBegin && now - lastPublish < PUBLISH_EVERY_MILLIS * 1_000_000) {
            return;
        }
        lastPublish = now;
        publishedSinceBegin = true;
        publish();
    }

    private void publish() {
        if (live != null) {
            snapshot.set(live.snapshot());
        }
        if (liveSequential != null) {
            sequentialSnapshot.set(liveSequential.snapshot());
        }
    }

    /** Stops everything and the part's background threads; called once when the window closes. */
    public void dispose() {
        stop();
        background.close();
    }

    private Optional<PoolSettings> validSettings() {
        try {
            error.set("");
            return Optional.of(settings());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    private void begin(String text) {
        error.set("");
        running.set(true);
        status.set(text);
        publishedSinceBegin = false;
    }

    private void finish(String text) {
        job = null;
        running.set(false);
        publish();
        status.set(text);
    }

    private void fail(Throwable e) {
        job = null;
        running.set(false);
        publish();
        status.set("Failed.");
        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    static String describe(PoolSettings s) {
        return String.format(Locale.ROOT, "%d %s tasks × %d ms on %d workers%s%s", s.tasks(), kindWord(s.kind()),
                s.latencyMs(), s.workers(), s.gil() ? ", GIL on" : "",
                s.capped() ? ", server cap " + s.serverCap() : "");
    }

    static String kindWord(TaskKind k) {
        return switch (k) {
            case IO -> "I/O";
            case COMPUTE -> "compute";
            case MIXED -> "mixed";
        };
    }

    /** One run in words, e.g. "10 workers: 1.04 s, ideal 1.00 s (96 %), server peak 10 at once." */
    static String summary(PoolRunResult r) {
        String who = r.sequential() ? "Sequential (1 thread, no pool)" : r.workers() + " workers";
        String text = String.format(Locale.ROOT, "%s: %.2f s measured, ideal %.2f s (%.0f %%), server peak %d at once.",
                who, r.seconds(), r.idealSeconds(), 100 * r.efficiency(), r.peakConcurrent());
        return r.completed() ? text : text + " Stopped after " + r.finished() + " tasks.";
    }

    /** The speed-up of a pool run over the sequential baseline, if both were measured for the same workload. */
    public static Optional<String> speedUp(PoolRunResult pool, PoolRunResult sequential) {
        if (pool == null || sequential == null || !pool.completed() || !sequential.completed()
                || !pool.settings().withWorkers(1).equals(sequential.settings().withWorkers(1))) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "The pool was %.1f× faster than one thread (%.2f s vs %.2f s).",
                sequential.seconds() / pool.seconds(), pool.seconds(), sequential.seconds()));
    }

    static String sweepSummary(List<PoolRunResult> results) {
        if (results.isEmpty()) {
            return "Sweep: nothing measured.";
        }
        PoolRunResult best = results.get(0);
        for (PoolRunResult r : results) {
            if (r.seconds() < best.seconds()) {
                best = r;
            }
        }
        List<String> parts = new ArrayList<>();
        for (PoolRunResult r : results) {
            parts.add(String.format(Locale.ROOT, "%d: %.2f s", r.workers(), r.seconds()));
        }
        return "Sweep: " + String.join(", ", parts) + ". Fastest at " + best.workers() + " workers.";
    }
}
