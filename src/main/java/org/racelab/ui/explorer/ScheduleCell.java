package org.racelab.ui.explorer;

import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.racelab.model.explore.ExploredSchedule;
import org.racelab.model.explore.ExplorerNarration;

/** A row: the schedule's number, then one coloured letter per micro-step with its stale stores marked. */
final class ScheduleCell extends ListCell<ScheduleRow> {

    private static final String[] THREAD_CLASSES = {"thread-a", "thread-b", "thread-c", "thread-d",
        "thread-e", "thread-f"};

    private final java.util.function.IntSupplier expectedFinal;

    ScheduleCell(java.util.function.IntSupplier expectedFinal) {
        this.expectedFinal = expectedFinal;
        getStyleClass().add("schedule-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(ScheduleRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        ExploredSchedule s = row.schedule();
        int expected = expectedFinal.getAsInt();
        String digits = ExplorerNarration.grouped(row.number());
        // Huge numbers keep their last digits in the row (the page title and tooltip have them all).
        Label number = new Label("#" + (digits.length() > 15 ? "…" + digits.substring(digits.length() - 11)
                : digits));
        number.getStyleClass().add("schedule-number");
        HBox letters = new HBox();
        letters.getStyleClass().add("schedule-letters");
        String text = s.schedule().letters();
        for (int i = 0; i < text.length(); i++) {
            Label letter = new Label(String.valueOf(text.charAt(i)));
            letter.getStyleClass().addAll("step-letter", THREAD_CLASSES[text.charAt(i) - 'A']);
            if (s.staleSteps().contains(i + 1)) {
                letter.getStyleClass().add("stale");
            }
            letters.getChildren().add(letter);
        }
        int lost = expected - s.finalValue();
        Label result = new Label("→ " + s.finalValue() + (lost == 0 ? "" : " (" + lost + " lost)"));
        String staleText = s.staleSteps().isEmpty() ? "no stale store"
                : "stale store" + (s.staleSteps().size() == 1 ? "" : "s") + " at step "
                        + String.join(", ", s.staleSteps().stream().map(String::valueOf).toList());
        setTooltip(new Tooltip("Schedule #" + ExplorerNarration.grouped(row.number()) + ": " + text
                + "\nFinal " + s.finalValue() + (lost == 0 ? ", no update lost" : ", " + lost + " lost") + "; "
                + staleText));
        result.getStyleClass().add("schedule-result");
        HBox graphic = new HBox(number, letters, result);
        graphic.getStyleClass().add("schedule-row");
        graphic.setAlignment(Pos.CENTER_LEFT);
        setGraphic(graphic);
        setText(text);
        setAccessibleText("Schedule " + row.number() + ": " + text + ", final " + s.finalValue());
    }
}
