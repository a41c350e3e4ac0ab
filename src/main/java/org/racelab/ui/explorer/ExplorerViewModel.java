package org.racelab.ui.explorer;

import java.math.BigInteger;
import java.util.List;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.model.explore.ExplorationTooLargeException;
import org.racelab.model.explore.ExploredSchedule;
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
    private final Random random;

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
    private final ReadOnlyObjectWrapper<InterleavingOutcome> selectedOutcome = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ScheduleRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ScheduleRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<BigInteger> pageStart = new ReadOnlyObjectWrapper<>(BigInteger.ZERO);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pageLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ScheduleRow> selectedRow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canReplay = new ReadOnlyBooleanWrapper();

    private BiConsumer<RaceConfig, Schedule> onReplay;
    /** True while {@link #useSettings} sets the four settings one by one. */
    private boolean takingOver;
    private long generation;
    private long pageGeneration;
    private BackgroundExecutor.Cancellable running;
    private BackgroundExecutor.Cancellable pageFetch;
    /** Row number (1-based) to select once the page holding it has arrived; null to keep no selection. */
    private BigInteger pendingSelection;

    public ExplorerViewModel(BackgroundExecutor executor) {
        this(executor, new Random());
    }

    /** With a given source of randomness for "random one", so tests can predict it. */
    public ExplorerViewModel(BackgroundExecutor executor, Random random) {
        this.executor = Objects.requireNonNull(executor);
        this.random = random;
        selectedRow.addListener((o, old, row) -> updateCanReplay());
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
        ProgressThrottle throttle = new ProgressThrottle(fraction -> {
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
        pageGeneration++;
        cancelRunning();
        if (pageFetch != null) {
            pageFetch.cancel();
        }
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
        selectedOutcome.set(null);
        pageGeneration++;
        rows.clear();
        selectedRow.set(null);
        pageText.set("");
        inputError.set("");
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

    // ---- one outcome's schedules --------------------------------------------------------------------------

    public ReadOnlyObjectProperty<InterleavingOutcome> selectedOutcomeProperty() {
        return selectedOutcome.getReadOnlyProperty();
    }

    /** The schedules of the current page, in lexicographic order. */
    public ObservableList<ScheduleRow> rows() {
        return rowsView;
    }

    /** 0-based index of the page's first schedule among the outcome's schedules. */
    public ReadOnlyObjectProperty<BigInteger> pageStartProperty() {
        return pageStart.getReadOnlyProperty();
    }

    /** "Schedules 51–100 of 1,404 ending at 1", for the pager. */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pageLoadingProperty() {
        return pageLoading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScheduleRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    /** Why the last "go to #" was not understood, or empty. */
    public ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReplayProperty() {
        return canReplay.getReadOnlyProperty();
    }

    /** Shows the schedules ending at {@code finalValue}, from the first. */
    public void selectOutcome(int finalValue) {
        Interleavings r = result.get();
        if (r == null) {
            return;
        }
        r.outcome(finalValue).ifPresent(o -> {
            selectedOutcome.set(o);
            inputError.set("");
            pendingSelection = BigInteger.ONE;
            loadPage(BigInteger.ZERO);
        });
    }

    private BigInteger outcomeCount() {
        InterleavingOutcome o = selectedOutcome.get();
        return o == null ? BigInteger.ZERO : o.count();
    }

    private BigInteger lastPageStart() {
        BigInteger count = outcomeCount();
        if (count.signum() == 0) {
            return BigInteger.ZERO;
        }
        return count.subtract(BigInteger.ONE).divide(BigInteger.valueOf(PAGE_SIZE)).multiply(BigInteger.valueOf(PAGE_SIZE));
    }

    public void firstPage() {
        pendingSelection = null;
        loadPage(BigInteger.ZERO);
    }

    public void previousPage() {
        pendingSelection = null;
        loadPage(pageStart.get().subtract(BigInteger.valueOf(PAGE_SIZE)).max(BigInteger.ZERO));
    }

    public void nextPage() {
        pendingSelection = null;
        loadPage(pageStart.get().add(BigInteger.valueOf(PAGE_SIZE)).min(lastPageStart()));
    }

    public void lastPage() {
        pendingSelection = null;
        loadPage(lastPageStart());
    }

    /** Jumps to schedule number {@code text} (1-based; commas, spaces and underscores allowed) and selects it. */
    public void goTo(String text) {
        BigInteger count = outcomeCount();
        if (count.signum() == 0) {
            return;
        }
        String cleaned = text == null ? "" : text.replaceAll("[\\s,_'#]", "");
        BigInteger n;
        try {
            n = new BigInteger(cleaned);
        } catch (NumberFormatException e) {
            inputError.set("Enter a schedule number from 1 to " + ExplorerNarration.grouped(count) + ".");
            return;
        }
        if (n.signum() <= 0 || n.compareTo(count) > 0) {
            inputError.set("There " + (count.equals(BigInteger.ONE) ? "is 1 schedule" : "are "
                    + ExplorerNarration.grouped(count) + " schedules") + " here: enter 1 to "
                    + ExplorerNarration.grouped(count) + ".");
            return;
        }
        inputError.set("");
        show(n);
    }

    /** Jumps to a schedule chosen uniformly at random among this outcome's schedules. */
    public void randomOne() {
        BigInteger count = outcomeCount();
        if (count.signum() == 0) {
            return;
        }
        BigInteger i;
        do {
            i = new BigInteger(count.bitLength(), random);
        } while (i.compareTo(count) >= 0);
        inputError.set("");
        show(i.add(BigInteger.ONE));
    }

    private void show(BigInteger number) {
        BigInteger index = number.subtract(BigInteger.ONE);
        BigInteger size = BigInteger.valueOf(PAGE_SIZE);
        pendingSelection = number;
        loadPage(index.divide(size).multiply(size));
    }

    /** The view reports the row the user selected (or null). */
    public void selectRow(ScheduleRow row) {
        selectedRow.set(row);
    }

    private void loadPage(BigInteger from) {
        Interleavings r = result.get();
        InterleavingOutcome o = selectedOutcome.get();
        if (r == null || o == null) {
            return;
        }
        long gen = ++pageGeneration;
        if (pageFetch != null) {
            pageFetch.cancel();
        }
        pageLoading.set(true);
        int finalValue = o.finalValue();
        pageFetch = executor.submit(() -> r.page(finalValue, from, PAGE_SIZE),
                page -> {
                    if (gen == pageGeneration) {
                        showPage(o, from, page);
                    }
                },
                e -> {
                    if (gen == pageGeneration) {
                        pageLoading.set(false);
                        status.set("Could not list the schedules: " + e.getMessage());
                    }
                });
    }

    private void showPage(InterleavingOutcome o, BigInteger from, List<ExploredSchedule> page) {
        pageLoading.set(false);
        pageStart.set(from);
        ScheduleRow select = null;
        List<ScheduleRow> newRows = new java.util.ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            BigInteger number = from.add(BigInteger.valueOf(i + 1L));
            ScheduleRow row = new ScheduleRow(number, page.get(i));
            newRows.add(row);
            if (number.equals(pendingSelection)) {
                select = row;
            }
        }
        rows.setAll(newRows);
        selectedRow.set(select);
        pendingSelection = null;
        BigInteger last = from.add(BigInteger.valueOf(page.size()));
        RaceConfig c = exploredConfig.get();
        int lost = c.expectedFinal() - o.finalValue();
        pageText.set("Schedules " + ExplorerNarration.grouped(from.add(BigInteger.ONE)) + "–"
                + ExplorerNarration.grouped(last) + " of " + ExplorerNarration.grouped(o.count()) + " ending at "
                + o.finalValue() + (lost == 0 ? " (no update lost)" : " (" + lost + " update" + (lost == 1 ? "" : "s")
                + " lost)"));
    }

    public boolean isFirstPage() {
        return pageStart.get().signum() == 0;
    }

    public boolean isLastPage() {
        return pageStart.get().equals(lastPageStart());
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
        ScheduleRow row = selectedRow.get();
        if (row != null && onReplay != null) {
            onReplay.accept(exploredConfig.get(), row.schedule().schedule());
        }
    }

    private void updateCanReplay() {
        canReplay.set(onReplay != null && selectedRow.get() != null);
    }

    /**
     * Forwards progress at most once per percent, so a large exploration does not flood the JavaFX thread.
     * Called only on the exploring thread.
     */
    private final class ProgressThrottle {
        private final java.util.function.DoubleConsumer sink;
        private double last = -1;

        ProgressThrottle(java.util.function.DoubleConsumer sink) {
            this.sink = sink;
        }

        void report(double fraction) {
            if (fraction - last >= 0.01 || fraction >= 1.0) {
                last = fraction;
                executor.handoff().execute(() -> sink.accept(fraction));
            }
        }
    }
}
