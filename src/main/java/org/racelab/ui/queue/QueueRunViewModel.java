package org.racelab.ui.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.queue.QueueRehearsal;
import org.racelab.lab.queue.QueueRun;
import org.racelab.lab.queue.QueueRunControls;
import org.racelab.lab.queue.QueueRunResult;
import org.racelab.lab.queue.QueueRunSettings;
import org.racelab.lab.queue.QueueSample;
import org.racelab.model.queue.QueueMistake;

/**
 * The queue part's run mode: settings, start and stop of a real {@link QueueRun} on the background executor, and
 * what the live charts show (the queue's length over time, each thread's share of time running, blocked on put,
 * blocked on get and waiting in {@code join()} since the last reading). The view's frame timer calls
 * {@link #pulse()}; the injected clock limits readings to one per {@link #READ_EVERY_NANOS}.
 */
public final class QueueRunViewModel {

    static final long READ_EVERY_NANOS = 100_000_000L;
    /** How many length points the chart keeps (a minute at 10 a second). */
    static final int MAX_POINTS = 600;
    static final long HANG_TIMEOUT_MS = 3000;

    /** A point of the length chart: seconds since start, items in the queue. */
    public record LengthPoint(double seconds, int length) {
    }

    /** One thread's shares (0..1) of the last interval; only the main thread waits in {@code join()}. */
    public record Share(String name, double running, double blockedPut, double blockedGet, double joining) {
    }

    private final BackgroundExecutor executor;
    private final LongSupplier clockNanos;
    private final IntegerProperty producers = new SimpleIntegerProperty(this, "producers", 2);
    private final IntegerProperty consumers = new SimpleIntegerProperty(this, "consumers", 2);
    private final IntegerProperty items = new SimpleIntegerProperty(this, "items", 2000);
    private final IntegerProperty maxsize = new SimpleIntegerProperty(this, "maxsize", 5);
    private final IntegerProperty produceMs = new SimpleIntegerProperty(this, "produceMs", 2);
    private final IntegerProperty consumeMs = new SimpleIntegerProperty(this, "consumeMs", 5);
    private final ObjectProperty<QueueMistake> mistake = new SimpleObjectProperty<>(this, "mistake", QueueMistake.NONE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<QueueRunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<List<LengthPoint>> lengths =
            new ReadOnlyObjectWrapper<>(this, "lengths", List.of());
    private final ReadOnlyObjectWrapper<List<Share>> shares = new ReadOnlyObjectWrapper<>(this, "shares", List.of());
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "Not started.");
    private QueueRun run;
    /** The rehearsal begun when run mode first showed (see {@link #rehearse()}); null once it has ended. */
    private QueueRehearsal rehearsal;
    private boolean rehearsed;
    private javafx.beans.binding.BooleanBinding fullSpeed;
    private BackgroundExecutor.Cancellable job;
    private QueueSample previous;
    private long lastRead;
    private final List<LengthPoint> points = new ArrayList<>();

    public QueueRunViewModel(BackgroundExecutor executor, LongSupplier clockNanos) {
        this.executor = executor;
        this.clockNanos = clockNanos;
        produceMs.addListener((o, a, b) -> controls().ifPresent(c -> c.setProduceMs(b.intValue())));
        consumeMs.addListener((o, a, b) -> controls().ifPresent(c -> c.setConsumeMs(b.intValue())));
        // Before a run the share rows already name the threads it will start: the class sees who will run, and
        // the run's first reading only moves bars instead of building rows inside its first frames.
        producers.addListener((o, a, b) -> showIdleShares());
        consumers.addListener((o, a, b) -> showIdleShares());
        showIdleShares();
    }

    private void showIdleShares() {
        if (!running.get()) {
            shares.set(idleShares(producers.get(), consumers.get()));
        }
    }

    /** A share of nothing yet for each thread a run with these counts starts. */
    static List<Share> idleShares(int producers, int consumers) {
        return QueueRunSettings.threadNames(producers, consumers).stream().map(n -> new Share(n, 0, 0, 0, 0))
                .toList();
    }

    private java.util.Optional<QueueRunControls> controls() {
        return java.util.Optional.ofNullable(run).filter(r -> running.get()).map(QueueRun::controls);
    }

    public IntegerProperty producersProperty() {
        return producers;
    }

    public IntegerProperty consumersProperty() {
        return consumers;
    }

    public IntegerProperty itemsProperty() {
        return items;
    }

    public IntegerProperty maxsizeProperty() {
        return maxsize;
    }

    public IntegerProperty produceMsProperty() {
        return produceMs;
    }

    public IntegerProperty consumeMsProperty() {
        return consumeMs;
    }

    public ObjectProperty<QueueMistake> mistakeProperty() {
        return mistake;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * True while a real run goes at full speed (no time to produce or consume an item): the step pane's token
     * animation is then off, so the window spends no frames on it while the cores are busy with the run.
     */
    public javafx.beans.binding.BooleanBinding fullSpeedProperty() {
        if (fullSpeed == null) {
            fullSpeed = running.getReadOnlyProperty().and(produceMs.isEqualTo(0)).and(consumeMs.isEqualTo(0));
        }
        return fullSpeed;
    }

    public ReadOnlyObjectProperty<QueueRunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<LengthPoint>> lengthsProperty() {
        return lengths.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Share>> sharesProperty() {
        return shares.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** The settings as a real run will use them; hang mistakes end at a timeout. */
    public QueueRunSettings settings() {
        QueueMistake m = mistake.get();
        boolean hangs = m == QueueMistake.NO_REPUT || m == QueueMistake.NO_TASK_DONE || m == QueueMistake.SHARED_LIST;
        return new QueueRunSettings(producers.get(), consumers.get(), items.get(), maxsize.get(), produceMs.get(),
                consumeMs.get(), m, hangs ? HANG_TIMEOUT_MS : 0);
    }

    public void startOrStop() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    public void start() {
        if (running.get()) {
            return;
        }
        if (rehearsal != null) {
            // It ends within 200 ms, so the run the teacher starts does not share the cores with it for long.
            rehearsal.stop();
        }
        QueueRunSettings settings = settings();
        QueueRun r = new QueueRun(settings);
        run = r;
        previous = null;
        points.clear();
        lengths.set(List.of());
        shares.set(idleShares(settings.producers(), settings.consumers()));
        result.set(null);
        running.set(true);
        readout.set("Running…");
        job = executor.submit(r::call, done -> finished(r, done), failure -> {
            running.set(false);
            readout.set("The run failed: " + failure);
        });
    }

    private void finished(QueueRun r, QueueRunResult done) {
        if (run != r) {
            return;
        }
        read(r);
        running.set(false);
        result.set(done);
        readout.set(describe(done));
    }

    /**
     * Once, when run mode first shows: a {@link QueueRehearsal} on the executor, off the window's thread and never
     * shown, so that a fresh JVM's one-time costs of a first run come before the teacher's first Start instead of
     * inside its first frames. A Start stops it first; nothing of it reaches the charts, the readout or the result.
     */
    public void rehearse() {
        if (rehearsed || running.get()) {
            return;
        }
        rehearsed = true;
        QueueRehearsal r = new QueueRehearsal();
        rehearsal = r;
        executor.submit(() -> {
            // The readings' own code too, as a run's first reading and its end use it (nothing of it is kept).
            StringBuilder unused = new StringBuilder();
            for (QueueRehearsal.Rehearsed done : r.call()) {
                QueueSample s = done.sample();
                shares(null, s, done.result().settings().threadNames());
                unused.append(describe(done.result())).append(new LengthPoint(s.elapsedNanos() / 1e9, s.length()));
            }
            return unused.length();
        }, done -> rehearsal = null, failed -> rehearsal = null);
    }

    /** Stops the run: every thread, blocked ones included, ends within 200 ms; the result then arrives. */
    public void stop() {
        if (run != null) {
            run.stop();
        }
    }

    /** Called by the view on each frame; reads the run at most every {@link #READ_EVERY_NANOS}. */
    public void pulse() {
        long now = clockNanos.getAsLong();
        if (!running.get() || run == null || now - lastRead < READ_EVERY_NANOS) {
            return;
        }
        lastRead = now;
        read(run);
    }

    private void read(QueueRun r) {
        QueueSample s = r.sample();
        if (points.size() == MAX_POINTS) {
            points.remove(0);
        }
        points.add(new LengthPoint(s.elapsedNanos() / 1e9, s.length()));
        lengths.set(List.copyOf(points));
        shares.set(shares(previous, s, r.settings().threadNames()));
        previous = s;
        if (running.get()) {
            readout.set(String.format(Locale.ROOT, "Running: %,d put, %,d taken, %d in the queue", s.produced(),
                    s.consumed(), s.length()));
        }
    }

    /**
     * Each thread's shares between two readings (since the start if there is no earlier one), one per name the run
     * starts: a thread its starter has not started yet (the first reading can come before it) shares nothing yet,
     * so the rows on screen stay the same rows from the first reading to the last.
     */
    static List<Share> shares(QueueSample before, QueueSample now, List<String> names) {
        List<Share> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i >= now.threads().size()) {
                out.add(new Share(names.get(i), 0, 0, 0, 0));
                continue;
            }
            QueueSample.ThreadTime t = now.threads().get(i);
            QueueSample.ThreadTime b = before != null && i < before.threads().size() ? before.threads().get(i)
                    : new QueueSample.ThreadTime(t.name(), 0, 0, 0, 0);
            double run = t.runningNanos() - b.runningNanos();
            double put = t.blockedPutNanos() - b.blockedPutNanos();
            double get = t.blockedGetNanos() - b.blockedGetNanos();
            double join = t.joinNanos() - b.joinNanos();
            double total = run + put + get + join;
            out.add(total <= 0 ? new Share(t.name(), 0, 0, 0, 0)
                    : new Share(t.name(), run / total, put / total, get / total, join / total));
        }
        return out;
    }

    static String describe(QueueRunResult r) {
        String counts = String.format(Locale.ROOT, "%,d put, %,d taken: %,d lost, %,d duplicated, %,d failed gets",
                r.produced(), r.consumed(), r.lost(), r.duplicated(), r.failedGets());
        String end = r.stopped() ? "Stopped. "
                : r.hung().isEmpty() ? "Done. " : "Hung, ended after " + r.settings().timeoutMs() + " ms: "
                        + String.join(", ", r.hung()) + ". ";
        return end + counts + String.format(Locale.ROOT, "; highest length %d; join() %s; %.2f s, %,.0f items/s.",
                r.maxLength(), r.joinReturned() ? "returned" : "never returned", r.seconds(), r.itemsPerSecond());
    }

    /** Stops any run and the executor; every thread is gone within 200 ms. */
    public void dispose() {
        stop();
        if (rehearsal != null) {
            rehearsal.stop();
        }
        if (job != null) {
            job.cancel();
        }
        executor.close();
    }
}
