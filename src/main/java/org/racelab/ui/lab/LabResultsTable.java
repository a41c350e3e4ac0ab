package org.racelab.ui.lab;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.RunStatus;

/** The lab's results table: one row per finished run with its exact figures and its explanation. */
final class LabResultsTable {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");

    private LabResultsTable() {
    }

    /** A results table showing {@code rows}, scrolled to the newest. */
    static TableView<LabRow> create(ObservableList<LabRow> rows) {
        TableView<LabRow> table = new TableView<>(rows) {
            @Override
            protected void layoutChildren() {
                // Before every layout: the columns' widths follow the figures at the font now in force.
                LabColumnFit.fit(this);
                super.layoutChildren();
            }
        };
        table.setId("lab-table");
        table.getStyleClass().add("lab-table");
        table.setPlaceholder(new Label("Finished runs appear here with their exact figures."));
        table.getColumns().add(column("Counter", r -> r.counter().id()
                + (r.status() == RunStatus.COMPLETED ? "" : " (" + r.status().name().toLowerCase(Locale.ROOT) + ")"), false));
        table.getColumns().add(column("Expected", r -> r.status() == RunStatus.STOPPED
                ? String.format(Locale.ROOT, "%,d tried", r.attempts()) : String.format(Locale.ROOT, "%,d", r.expected()), true));
        table.getColumns().add(column("Final", r -> String.format(Locale.ROOT, "%,d", r.finalValue()), true));
        table.getColumns().add(column("Lost", r -> String.format(Locale.ROOT, "%,d", r.lost()), true));
        table.getColumns().add(column("Lost %", r -> String.format(Locale.ROOT, "%.2f %%", r.lostPercent()), true));
        table.getColumns().add(column("Time", r -> String.format(Locale.ROOT, "%.2f s", r.seconds()), true));
        table.getColumns().add(column("Increments/s", r -> String.format(Locale.ROOT, "%,.0f", r.incrementsPerSecond()), true));
        TableColumn<LabRow, String> explanation = new TableColumn<>("Explanation");
        explanation.setId(LabColumnFit.EXPLANATION);
        explanation.setSortable(false);
        explanation.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().explanation()));
        // The explanation wraps inside its column, so a row grows taller instead of ending in an ellipsis.
        explanation.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().addAll("text", "lab-explanation");
                text.wrappingWidthProperty().bind(explanation.widthProperty().subtract(snappedLeftInset()
                        + snappedRightInset() + 4));
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setText(null);
                setGraphic(empty ? null : text);
            }
        });
        table.getColumns().add(explanation);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LabRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FAILED, !empty && row != null && row.result().failed());
                pseudoClassStateChanged(STOPPED, !empty && row != null && row.result().status() == RunStatus.STOPPED);
            }
        });
        // Newest run in view.
        rows.addListener((ListChangeListener<LabRow>) c -> table.scrollTo(rows.size() - 1));
        return table;
    }

    /**
     * The explanation of the selected run, or of the newest one, as a wrapped line for under the table: presenting,
     * the table keeps one line per run so several runs' figures show at once, and this line says why.
     */
    static Label explanationLine(TableView<LabRow> table) {
        Label line = new Label();
        line.setId("lab-row-explanation");
        line.getStyleClass().add("lab-row-explanation");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            LabRow chosen = table.getSelectionModel().getSelectedItem();
            if (chosen == null && !table.getItems().isEmpty()) {
                chosen = table.getItems().get(table.getItems().size() - 1);
            }
            return chosen == null ? "" : chosen.explanation();
        }, table.getSelectionModel().selectedItemProperty(), table.getItems()));
        explainBelow(table, line, false);
        return line;
    }

    /** Presenting, the explanation moves from its column to the line under the table, and back. */
    static void explainBelow(TableView<LabRow> table, Label line, boolean below) {
        for (TableColumn<LabRow, ?> column : table.getColumns()) {
            if (LabColumnFit.EXPLANATION.equals(column.getId())) {
                column.setVisible(!below);
            }
        }
        line.visibleProperty().unbind();
        if (below) {
            line.visibleProperty().bind(line.textProperty().isNotEmpty());
        } else {
            line.setVisible(false);
        }
        line.managedProperty().bind(line.visibleProperty());
    }

    private static TableColumn<LabRow, String> column(String title, Function<CounterRunResult, String> text, boolean number) {
        TableColumn<LabRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue().result())));
        if (number) {
            column.getStyleClass().add("number");
        }
        // Numbers must never be cut off: LabColumnFit measures each figure at the font in force.
        column.setUserData(text);
        column.setSortable(false);
        return column;
    }

}
