package org.racelab.ui.lab;

import javafx.scene.control.ListCell;
import org.racelab.lab.CounterKind;

/** Shows a counter kind by its id. */
final class KindCell extends ListCell<CounterKind> {
    @Override
    protected void updateItem(CounterKind kind, boolean empty) {
        super.updateItem(kind, empty);
        setText(empty || kind == null ? null
                : kind == CounterKind.SWITCHABLE ? "switchable (live lock)" : kind.id());
    }
}
