package org.racelab.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.reality.RealityHarness;
import org.racelab.lab.reality.RealityNarration;
import org.racelab.lab.reality.RealityReport;
import org.racelab.lab.reality.RealitySnapshot;
import org.racelab.lab.reality.RealityTheory;
import org.racelab.lab.reality.WindowDelay;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.model.explore.PreemptionProfile;
import org.racelab.model.explore.PreemptionWitness;

/**
 * State of "theory vs reality" in the explorer: the explored race's exact odds beside real trials run live, and
 * the race's schedules counted by preemptions with the fewest-preemption losing witness.
 *
 * <p>Confined to the JavaFX thread (or a test's thread with a same-thread executor). The harness runs on the
 * executor's thread; its snapshots reach this object only through the executor's hand-off, tagged with a
 * generation so that a run's late snapshots are dropped once another run or race has begun.
 */
public final class RealityViewModel {

    /** The delays offered between each load and its store. */
    public static final List<WindowDelay> DELAYS = List.of(WindowDelay.NONE, WindowDelay.spin(20),
            WindowDelay.spin(200), WindowDelay.parse("yield"), WindowDelay.parse("print"));
    /** The longest run; Stop ends one sooner. */
    public static final long MAX_RUN_NANOS = 60_000_000_000L;

    private final BackgroundExecutor executor;
    private final LongSupplier nanoClock;
    private final ObjectProperty<WindowDelay> delay = new SimpleObjectProperty<>(WindowDelay.NONE);
    private final ReadOnlyObjectWrapper<RealityTheory> theory = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RealityReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PreemptionProfile> preemptions = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper preemptionSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper witness = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canReplayWitness = new ReadOnlyBooleanWrapper();

    private BiConsumer<RaceConfig, Schedule> onReplay;
    private boolean disposed;
    private long generation;
    private long startedAt;
    private RealityHarness harness;
    private BackgroundExecutor.Cancellable runTask;
    private BackgroundExecutor.Cancellable countTask;

    public RealityViewModel(BackgroundExecutor executor, LongSupplier nanoClock) {
        this.executor = Objects.requireNonNull(executor);
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    public ObjectProperty<WindowDelay> delayProperty() {
        return delay;
    }

    public ReadOnlyObjectProperty<RealityTheory> theoryProperty() {
        return theory.getReadOnlyProperty();
    }

    /** The latest theory-beside-reality report: live while running, final after; null before any run. */
    public ReadOnlyObjectProperty<RealityReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The gap read out, e.g. "All schedules: 90 % lose an update. A random scheduler: 75 %. Real threads ...". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Trials so far and trials per second. */
    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** Loud text when a forbidden value was observed; empty otherwise. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PreemptionProfile> preemptionsProperty() {
        return preemptions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty preemptionSummaryProperty() {
        return preemptionSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty witnessProperty() {
        return witness.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReplayWitnessProperty() {
        return canReplayWitness.getReadOnlyProperty();
    }

    /** Takes over a finished exploration: stops a run of the old race and counts the new one's preemptions. */
    public void useExploration(Interleavings explored) {
        if (disposed) {
            return;
        }
        stop();
        generation++;
        finish(); // the old run's last snapshot is dropped by the generation; its threads end within 200 ms
        if (countTask != null) {
            countTask.cancel();
        }
        report.set(null);
        warning.set("");
        rate.set("");
        preemptions.set(null);
        witness.set("");
        updateCanReplay();
        if (explored == null) {
            theory.set(null);
            headline.set("");
            preemptionSummary.set("");
            return;
        }
        RealityTheory t = RealityTheory.of(explored);
        theory.set(t);
        headline.set(RealityNarration.headline(RealityReport.of(t, delay.get(),
                new RealitySnapshot(0, 0, new java.util.TreeMap<>(), false))));
        preemptionSummary.set("Counting schedules by preemptions…");
        long gen = generation;
        countTask = executor.submit(() -> PreemptionProfile.of(t.config(), f -> { }),
                p -> showPreemptions(gen, p), e -> preemptionSummary.set("Preemptions not counted: " + e.getMessage()));
    }

    private void showPreemptions(long gen, PreemptionProfile p) {
        if (gen != generation) {
            return;
        }
        preemptions.set(p);
        preemptionSummary.set(PreemptionWords.summary(p));
        witness.set(p.fewestPreemptionLoss().map(RealityViewModel::witnessText).orElse(""));
        updateCanReplay();
    }

    private static String witnessText(PreemptionWitness w) {
        return "Fewest preemptions that lose an update: " + w.preemptions() + ", e.g. " + w.schedule().letters();
    }

    /** Starts real trials of the explored race with the chosen delay, until Stop or {@link #MAX_RUN_NANOS}. */
    public void run() {
        RealityTheory t = theory.get();
        if (t == null || running.get() || disposed) {
            return;
        }
        long gen = ++generation;
        WindowDelay d = delay.get();
        RealityHarness h = new RealityHarness(t.config(), d, 0, MAX_RUN_NANOS);
        harness = h;
        running.set(true);
        warning.set("");
        startedAt = nanoClock.getAsLong();
        show(t, d, new RealitySnapshot(0, 0, new java.util.TreeMap<>(), false));
        runTask = executor.submit(() -> h.run(s -> executor.handoff().execute(() -> {
            if (gen == generation) {
                show(t, d, s);
            }
        })), s -> {
            if (gen == generation) {
                show(t, d, s);
                finish();
            }
        }, e -> {
            if (gen == generation) {
                warning.set("The run failed: " + e.getMessage());
                finish();
            }
        });
        // A PreemptionProfile from before may still be counting on the same executor; it is independent.
    }

    private void show(RealityTheory t, WindowDelay d, RealitySnapshot s) {
        RealityReport r = RealityReport.of(t, d, s);
        report.set(r);
        headline.set(RealityNarration.headline(r));
        warning.set(RealityNarration.forbiddenWarning(r));
        double elapsed = (nanoClock.getAsLong() - startedAt) / 1e9;
        rate.set(String.format(Locale.ROOT, "%,d trials · %s trials/s · %.1f s", r.trials(),
                millions(r.trialsPerSecond()), elapsed));
    }

    private static String millions(double perSecond) {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.1f M", perSecond / 1e6)
                : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private void finish() {
        running.set(false);
        harness = null;
        runTask = null;
    }

    /** Ends the running trials; the last counts stay shown. The racing threads end within 200 ms. */
    public void stop() {
        if (harness != null) {
            harness.stop();
        }
    }

    /** Stops everything this view-model started (the window is closing). */
    public void dispose() {
        disposed = true;
        stop();
        generation++;
        if (runTask != null) {
            runTask.cancel();
        }
        if (countTask != null) {
            countTask.cancel();
        }
        running.set(false);
        harness = null;
    }

    /** Where "Replay in stepper" sends the witness. */
    public void setOnReplay(BiConsumer<RaceConfig, Schedule> onReplay) {
        this.onReplay = onReplay;
        updateCanReplay();
    }

    /** Opens the fewest-preemption losing witness in the stepper. */
    public void replayWitness() {
        PreemptionProfile p = preemptions.get();
        if (p != null && onReplay != null && p.fewestPreemptionLoss().isPresent()) {
            onReplay.accept(p.config(), p.fewestPreemptionLoss().get().schedule());
        }
    }

    private void updateCanReplay() {
        PreemptionProfile p = preemptions.get();
        canReplayWitness.set(onReplay != null && p != null && p.fewestPreemptionLoss().isPresent());
    }
}
