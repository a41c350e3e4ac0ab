package org.racelab.ui.lab;

import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.RunStatus;

/**
 * The lab's results table as data: finished runs, newest last, each explained against the latest completed unsafe
 * run of the same size (the baseline). Keeps at most {@link #MAX_ROWS}. Used on the JavaFX thread only.
 */
public final class LabResults {

    /** The table keeps this many rows. */
    public static final int MAX_ROWS = 200;

    private final ObservableList<LabRow> rows = FXCollections.observableArrayList();
    // One read-only view, held here: such views forward changes only while something keeps them alive.
    private final ObservableList<LabRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final RunExplanation explanation;

    /** Results explained for the machine this JVM runs on. */
    public LabResults() {
        this(RunExplanation.forThisMachine());
    }

    LabResults(RunExplanation explanation) {
        this.explanation = explanation;
    }

    public ObservableList<LabRow> rows() {
        return rowsView;
    }

    /** Adds a finished run with its explanation. */
    void add(CounterRunResult result) {
        Optional<CounterRunResult> baseline = rows.stream().map(LabRow::result)
                .filter(r -> r.counter() == CounterKind.UNSAFE && r.status() == RunStatus.COMPLETED
                        && r.sameSize(result))
                .reduce((first, second) -> second);
        if (result.counter() == CounterKind.UNSAFE) {
            baseline = Optional.of(result);
        }
        rows.add(new LabRow(result, explanation.explain(result, baseline)));
        if (rows.size() > MAX_ROWS) {
            rows.remove(0, rows.size() - MAX_ROWS);
        }
    }

    void clear() {
        rows.clear();
    }
}
