package org.racelab.ui.lab;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.racelab.lab.CounterRunResult;

/**
 * Sizes the results table's columns to their widest figure or title at the font actually in force (zoom and
 * presenting change it), so no figure ends in an ellipsis; the explanation column takes the width that is left,
 * but never less than {@value #EXPLANATION_MIN_EM} em (then the table scrolls sideways instead of cutting).
 */
final class LabColumnFit {

    /** The id of the explanation column, the one that wraps and takes the rest. */
    static final String EXPLANATION = "lab-explanation-column";
    static final double EXPLANATION_MIN_EM = 20;

    private LabColumnFit() {
    }

    @SuppressWarnings("unchecked")
    static void fit(TableView<LabRow> table) {
        Font cell = font(table, ".table-cell");
        Font header = font(table, ".column-header .label");
        if (header == null) {
            return;
        }
        if (cell == null) {
            cell = header;
        }
        // The cells' and headers' padding and the sort-arrow room, in the font's own em.
        double pad = cell.getSize() * 0.8 + 6;
        double used = 0;
        TableColumn<LabRow, ?> explanation = null;
        for (TableColumn<LabRow, ?> column : table.getColumns()) {
            if (EXPLANATION.equals(column.getId())) {
                explanation = column;
                continue;
            }
            double width = width(column.getText(), header);
            if (column.getUserData() instanceof Function<?, ?> f) {
                Function<CounterRunResult, String> text = (Function<CounterRunResult, String>) f;
                for (LabRow row : table.getItems()) {
                    width = Math.max(width, width(text.apply(row.result()), cell));
                }
            }
            width = Math.ceil(width + pad);
            set(column, width);
            used += width;
        }
        if (explanation != null && explanation.isVisible()) {
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - used
                    - cell.getSize() * 1.5;
            double min = Math.max(width(explanation.getText(), header) + pad, EXPLANATION_MIN_EM * cell.getSize());
            set(explanation, Math.floor(Math.max(min, room)));
        }
    }

    private static void set(TableColumn<LabRow, ?> column, double width) {
        if (Math.abs(column.getWidth() - width) > 0.5 || Math.abs(column.getMinWidth() - width) > 0.5) {
            column.setMinWidth(width);
            column.setPrefWidth(width);
        }
    }

    private static Font font(TableView<LabRow> table, String selector) {
        for (Node n : table.lookupAll(selector)) {
            if (n instanceof Labeled labeled) {
                return labeled.getFont();
            }
        }
        return null;
    }

    private static double width(String s, Font font) {
        Text text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }
}
