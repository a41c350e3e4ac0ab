package org.racelab.ui.explorer;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiConsumer;
import javafx.beans.property.IntegerProperty;
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
import javafx.beans.property.BooleanProperty;
import javafx.collections.ObservableList;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.model.explore.ExplorationTooLargeException;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceRange;
import org.racelab.model.Schedule;

/**
 * State of the explorer: the race's settings, the exact exploration (computed in the background), the chosen
 * outcome and one page of its schedules, and the hand-off of a schedule to the stepper.
 *
 * <p>Confined to the JavaFX thread (or the test thread with a same-thread executor): background work only
 * produces values that the executor hands back to this thread. Each computation carries a generation number,
 * so a result that arrives after the settings changed again, or after a cancel, is dropped.
 */
public final class ExplorerViewModel {

    /** The settings the explorer's window offers. */
    public static final RaceRange RANGE = RaceRange.LECTURE;
    public static final int PAGE_SIZE = 50;

    private final BackgroundExecutor executor;

    private final IntegerProperty threads = new SimpleIntegerProperty(RaceConfig.SLIDE_8.threads());
    private final IntegerProperty increments = new SimpleIntegerProperty(RaceConfig.SLIDE_8.increments());
    private final IntegerProperty start = new SimpleIntegerProperty(RaceConfig.SLIDE_8.start());
    private final BooleanProperty lock = new SimpleBooleanProperty(false);

    private final ReadOnlyObjectWrapper<RaceConfig> exploredConfig = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Interleavings> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper oddsExplanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canReplay = new ReadOnlyBooleanWrapper();

    private BiConsumer<RaceConfig, Schedule> onReplay;
    /** True while {@link #useSettings} sets the four settings one by one. */
    private boolean takingOver;
    private long generation;
    private BackgroundExecutor.Cancellable running;
    private final SchedulePager pager;

    public ExplorerViewModel(BackgroundExecutor executor) {
        this(executor, new Random());
    }

    /** With a given source of randomness for "random one", so tests can predict it. */
    public ExplorerViewModel(BackgroundExecutor executor, Random random) {
        this.executor = Objects.requireNonNull(executor);
        pager = new SchedulePager(executor, random, result::get, exploredConfig::get, status::set);
        pager.selectedRowProperty().addListener((o, old, row) -> updateCanReplay());
    }

    // ---- settings -----------------------------------------------------------------------------------------

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public IntegerProperty incrementsProperty() {
        return increments;
    }

    public IntegerProperty startProperty() {
        return start;
    }

    public BooleanProperty lockProperty() {
        return lock;
    }

    /** The settings as a race, clamped into the explorer's range. */
    public RaceConfig config() {
        return new RaceConfig(RANGE.clampThreads(threads.get()), RANGE.clampIncrements(increments.get()),
                RANGE.clampStart(start.get()), lock.get());
    }

    /**
     * Takes over another part's settings (the stepper's), clamped into the explorer's range, as one change: it
     * explores nothing by itself (see {@link #settingsEdited()}); the caller explores once if it wants to.
     */
    public void useSettings(RaceConfig config) {
        takingOver = true;
        try {
            threads.set(RANGE.clampThreads(config.threads()));
            increments.set(RANGE.clampIncrements(config.increments()));
            start.set(config.start());
            lock.set(config.lock());
        } finally {
            takingOver = false;
        }
    }

    /** A setting was edited: explores it at once, unless the change is part of {@link #useSettings}. */
    public void settingsEdited() {
        if (!takingOver) {
            explore();
        }
    }

    // ---- exploring ----------------------------------------------------------------------------------------

    /** The race of the current (or running) exploration. */
    public ReadOnlyObjectProperty<RaceConfig> exploredConfigProperty() {
        return exploredConfig.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Interleavings> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Fraction done of the running exploration, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the explorer is doing, or why it stopped. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty oddsExplanationProperty() {
        return oddsExplanation.getReadOnlyProperty();
    }

    /** Explores the current settings, abandoning any exploration still running. */
    public void explore() {
        RaceConfig config = config();
        long gen = ++generation;
        cancelRunning();
        clearResult();
        exploredConfig.set(config);
        busy.set(true);
        progress.set(0);
        status.set("Counting every schedule of " + describe(config) + "...");
        ProgressThrottle throttle = new ProgressThrottle(executor.handoff(), fraction -> {
            if (gen == generation) {
                progress.set(fraction);
            }
        });
        running = executor.submit(() -> Interleavings.explore(config, throttle::report),
                r -> {
                    if (gen == generation) {
                        finished(r);
                    }
                },
                e -> {
                    if (gen == generation) {
                        busy.set(false);
                        status.set(e instanceof ExplorationTooLargeException ? e.getMessage()
                                : e instanceof OutOfMemoryError ? "Not enough memory to explore " + describe(config)
                                : "Could not explore " + describe(config) + ": " + e.getMessage());
                    }
                });
    }

    /** Stops a running exploration; its result will never show. */
    public void cancel() {
        if (busy.get()) {
            generation++;
            cancelRunning();
            busy.set(false);
            status.set("Cancelled. Change a setting or press Explore to start again.");
        }
    }

    /** Stops all background work; the view-model is not used afterwards. */
    public void dispose() {
        generation++;
        cancelRunning();
        pager.dispose();
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    private void clearResult() {
        result.set(null);
        headline.set("");
        oddsExplanation.set("");
        pager.clear();
    }

    private void finished(Interleavings r) {
        running = null;
        busy.set(false);
        progress.set(1);
        result.set(r);
        headline.set(ExplorerNarration.headline(r));
        oddsExplanation.set(ExplorerNarration.oddsExplanation(r));
        status.set("");
        // Start on the worst case: the outcome that loses the most updates.
        selectOutcome(r.outcomes().get(0).finalValue());
    }

    private static String describe(RaceConfig c) {
        return c.sizeText() + (c.lock() ? " with the lock" : "");
    }

    // ---- one outcome's schedules (kept by the pager) ------------------------------------------------------

    public ReadOnlyObjectProperty<InterleavingOutcome> selectedOutcomeProperty() {
        return pager.selectedOutcomeProperty();
    }

    /** The schedules of the current page, in lexicographic order. */
    public ObservableList<ScheduleRow> rows() {
        return pager.rows();
    }

    /** 0-based index of the page's first schedule among the outcome's schedules. */
    public ReadOnlyObjectProperty<BigInteger> pageStartProperty() {
        return pager.pageStartProperty();
    }

    /** "Schedules 51–100 of 1,404 ending at 1", for the pager. */
    public ReadOnlyStringProperty pageTextProperty() {
        return pager.pageTextProperty();
    }

    public ReadOnlyBooleanProperty pageLoadingProperty() {
        return pager.pageLoadingProperty();
    }

    public ReadOnlyObjectProperty<ScheduleRow> selectedRowProperty() {
        return pager.selectedRowProperty();
    }

    /** Why the last "go to #" was not understood, or empty. */
    public ReadOnlyStringProperty inputErrorProperty() {
        return pager.inputErrorProperty();
    }

    public ReadOnlyBooleanProperty canReplayProperty() {
        return canReplay.getReadOnlyProperty();
    }

    /** Shows the schedules ending at {@code finalValue}, from the first. */
    public void selectOutcome(int finalValue) {
        pager.selectOutcome(finalValue);
    }

    public void firstPage() {
        pager.firstPage();
    }

    public void previousPage() {
        pager.previousPage();
    }

    public void nextPage() {
        pager.nextPage();
    }

    public void lastPage() {
        pager.lastPage();
    }

    /** Jumps to schedule number {@code text} (1-based; commas, spaces and underscores allowed) and selects it. */
    public void goTo(String text) {
        pager.goTo(text);
    }

    /** Jumps to a schedule chosen uniformly at random among this outcome's schedules. */
    public void randomOne() {
        pager.randomOne();
    }

    /** The view reports the row the user selected (or null). */
    public void selectRow(ScheduleRow row) {
        pager.selectRow(row);
    }

    public boolean isFirstPage() {
        return pager.isFirstPage();
    }

    public boolean isLastPage() {
        return pager.isLastPage();
    }

    // ---- replay -------------------------------------------------------------------------------------------

    /** Sends any schedule of {@code config} to the stepper, through the same hook as "Replay in stepper". */
    public void replay(RaceConfig config, Schedule schedule) {
        if (onReplay != null) {
            onReplay.accept(config, schedule);
        }
    }

    /** Where "Replay in stepper" sends the chosen schedule, with the race it belongs to. */
    public void setOnReplay(BiConsumer<RaceConfig, Schedule> onReplay) {
        this.onReplay = onReplay;
        updateCanReplay();
    }

    /** Hands the selected schedule to the stepper. */
    public void replaySelected() {
        ScheduleRow row = pager.selectedRowProperty().get();
        if (row != null && onReplay != null) {
            onReplay.accept(exploredConfig.get(), row.schedule().schedule());
        }
    }

    private void updateCanReplay() {
        canReplay.set(onReplay != null && pager.selectedRowProperty().get() != null);
    }
}
