package org.racelab.ui.shell;

import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard help laid over the window: every binding of the {@link KeyMap}, grouped, rebuilt each time it
 * opens so it lists exactly what the keys do. A click anywhere (or Esc, bound in the KeyMap) closes it.
 */
public final class HelpOverlay extends StackPane {

    private final KeyMap keyMap;
    private final FlowPane groups = new FlowPane();

    public HelpOverlay(KeyMap keyMap, Runnable close) {
        this.keyMap = keyMap;
        getStyleClass().add("help-overlay");
        setId("help-overlay");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        Label hint = new Label("Esc or a click closes this");
        hint.getStyleClass().add("help-hint");
        HBox header = new HBox(title, hint);
        header.getStyleClass().add("help-header");
        header.setAlignment(Pos.BASELINE_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        groups.getStyleClass().add("help-groups");
        // Groups flow into columns so the whole list fits without scrolling on a 1024x768 projector.
        groups.prefWrapLengthProperty().bind(widthProperty().multiply(0.92).subtract(90));
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("help-scroll");
        Label typing = new Label("Letter and digit keys act only when no text or number field has the focus;"
                + " in a field they type.");
        typing.getStyleClass().add("help-hint");
        typing.setId("help-typing");
        typing.setWrapText(true);
        VBox card = new VBox(header, typing, scroll);
        card.getStyleClass().add("help-card");
        card.setMaxHeight(USE_PREF_SIZE);
        card.maxWidthProperty().bind(widthProperty().multiply(0.92));
        getChildren().add(card);
        setOnMouseClicked(e -> close.run());
        rebuild();
    }

    /** Lists the bindings registered so far; call when showing, since parts register keys after the window. */
    public void rebuild() {
        groups.getChildren().clear();
        for (Map.Entry<String, List<KeyMap.Binding>> group : keyMap.byGroup().entrySet()) {
            Label name = new Label(group.getKey());
            name.getStyleClass().add("help-group");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("help-grid");
            ColumnConstraints keys = new ColumnConstraints();
            keys.setMinWidth(USE_PREF_SIZE);
            grid.getColumnConstraints().add(keys);
            int row = 0;
            for (KeyMap.Binding b : group.getValue()) {
                Label k = new Label(KeyMap.keysText(b));
                k.getStyleClass().add("help-keys");
                Label d = new Label(b.description());
                d.getStyleClass().add("help-description");
                d.setWrapText(true);
                grid.addRow(row++, k, d);
            }
            VBox column = new VBox(name, grid);
            column.getStyleClass().add("help-column");
            groups.getChildren().add(column);
        }
    }

    /** The rows as "keys: description" lines, for tests and for copying into lecture notes. */
    public List<String> lines() {
        return keyMap.bindings().stream().map(b -> KeyMap.keysText(b) + ": " + b.description()).toList();
    }
}
