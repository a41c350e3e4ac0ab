package org.racelab.ui.explorer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.model.RaceConfig;
import org.racelab.model.explore.ExploredSchedule;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.Interleavings;

/**
 * The explorer's chosen outcome and one page of its schedules: paging, "go to #", "random one" and the selected row.
 *
 * <p>Confined to the JavaFX thread like its {@link ExplorerViewModel}: pages are fetched in the background, and each
 * fetch carries a generation number so a page that arrives after a newer request is dropped.
 */
final class SchedulePager {

    private final BackgroundExecutor executor;
    private final Random random;
    private final Supplier<Interleavings> result;
    private final Supplier<RaceConfig> exploredConfig;
    private final Consumer<String> status;

    private final ReadOnlyObjectWrapper<InterleavingOutcome> selectedOutcome = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ScheduleRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ScheduleRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<BigInteger> pageStart = new ReadOnlyObjectWrapper<>(BigInteger.ZERO);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pageLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ScheduleRow> selectedRow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper("");
    private long pageGeneration;
    private BackgroundExecutor.Cancellable pageFetch;
    /** Row number (1-based) to select once the page holding it has arrived; null to keep no selection. */
    private BigInteger pendingSelection;

    SchedulePager(BackgroundExecutor executor, Random random, Supplier<Interleavings> result,
            Supplier<RaceConfig> exploredConfig, Consumer<String> status) {
        this.executor = executor;
        this.random = random;
        this.result = result;
        this.exploredConfig = exploredConfig;
        this.status = status;
    }

    ReadOnlyObjectProperty<InterleavingOutcome> selectedOutcomeProperty() {
        return selectedOutcome.getReadOnlyProperty();
    }

    ObservableList<ScheduleRow> rows() {
        return rowsView;
    }

    ReadOnlyObjectProperty<BigInteger> pageStartProperty() {
        return pageStart.getReadOnlyProperty();
    }

    ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty pageLoadingProperty() {
        return pageLoading.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ScheduleRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** Forgets the outcome, its page and any page still on its way. */
    void clear() {
        selectedOutcome.set(null);
        pageGeneration++;
        rows.clear();
        selectedRow.set(null);
        pageText.set("");
        inputError.set("");
    }

    void dispose() {
        pageGeneration++;
        if (pageFetch != null) {
            pageFetch.cancel();
        }
    }

    void selectOutcome(int finalValue) {
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
        BigInteger size = BigInteger.valueOf(ExplorerViewModel.PAGE_SIZE);
        return count.subtract(BigInteger.ONE).divide(size).multiply(size);
    }

    void firstPage() {
        pendingSelection = null;
        loadPage(BigInteger.ZERO);
    }

    void previousPage() {
        pendingSelection = null;
        loadPage(pageStart.get().subtract(BigInteger.valueOf(ExplorerViewModel.PAGE_SIZE)).max(BigInteger.ZERO));
    }

    void nextPage() {
        pendingSelection = null;
        loadPage(pageStart.get().add(BigInteger.valueOf(ExplorerViewModel.PAGE_SIZE)).min(lastPageStart()));
    }

    void lastPage() {
        pendingSelection = null;
        loadPage(lastPageStart());
    }

    void goTo(String text) {
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

    void randomOne() {
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
        BigInteger size = BigInteger.valueOf(ExplorerViewModel.PAGE_SIZE);
        pendingSelection = number;
        loadPage(index.divide(size).multiply(size));
    }

    void selectRow(ScheduleRow row) {
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
        pageFetch = executor.submit(() -> r.page(finalValue, from, ExplorerViewModel.PAGE_SIZE),
                page -> {
                    if (gen == pageGeneration) {
                        showPage(o, from, page);
                    }
                },
                e -> {
                    if (gen == pageGeneration) {
                        pageLoading.set(false);
                        status.accept("Could not list the schedules: " + e.getMessage());
                    }
                });
    }

    private void showPage(InterleavingOutcome o, BigInteger from, List<ExploredSchedule> page) {
        pageLoading.set(false);
        pageStart.set(from);
        ScheduleRow select = null;
        List<ScheduleRow> newRows = new ArrayList<>(page.size());
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

    boolean isFirstPage() {
        return pageStart.get().signum() == 0;
    }

    boolean isLastPage() {
        return pageStart.get().equals(lastPageStart());
    }
}
