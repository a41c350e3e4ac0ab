package org.racelab.ui.explorer;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;
import org.racelab.model.RaceRange;
import org.racelab.ui.part.PartStyle;

/**
 * The explorer's settings row (threads, increments, start, lock, Explore) and its progress, Cancel and status.
 * The row wraps instead of cutting its controls; presenting, the settings fold away (the explorer takes over the
 * stepper's settings anyway) while progress, Cancel and the status stay.
 */
final class ExplorerSettingsBar extends FlowPane {

    private final ExplorerViewModel viewModel;
    // Held so the bidirectional bindings to the spinners are not collected.
    private final ObjectProperty<Integer> threadsValue;
    private final ObjectProperty<Integer> incrementsValue;
    private final ObjectProperty<Integer> startValue;

    ExplorerSettingsBar(ExplorerViewModel viewModel) {
        this.viewModel = viewModel;
        threadsValue = viewModel.threadsProperty().asObject();
        incrementsValue = viewModel.incrementsProperty().asObject();
        startValue = viewModel.startProperty().asObject();
        RaceRange range = ExplorerViewModel.RANGE;
        Spinner<Integer> threads = spinner(range.minThreads(), range.maxThreads(), threadsValue, "explorer-threads");
        Spinner<Integer> increments = spinner(range.minIncrements(), range.maxIncrements(), incrementsValue,
                "explorer-increments");
        Spinner<Integer> start = spinner(range.minStart(), range.maxStart(), startValue, "explorer-start");
        start.setEditable(true);
        start.getStyleClass().add("start-spinner");
        ToggleSwitch lock = new ToggleSwitch("Lock");
        lock.setId("explorer-lock");
        lock.selectedProperty().bindBidirectional(viewModel.lockProperty());
        viewModel.lockProperty().addListener((o, old, v) -> viewModel.settingsEdited());

        Button explore = new Button("Explore");
        explore.setId("explorer-explore");
        explore.setDefaultButton(false);
        explore.setOnAction(e -> viewModel.explore());
        Button cancel = new Button("Cancel");
        cancel.setId("explorer-cancel");
        cancel.setOnAction(e -> viewModel.cancel());
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.getStyleClass().add("explore-progress");
        Label status = new Label();
        status.setId("explorer-status");
        status.getStyleClass().add("status");
        status.textProperty().bind(viewModel.statusProperty());
        status.setWrapText(true);
        status.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        // A long status wraps inside the row's width rather than pushing the row wider than the window.
        status.maxWidthProperty().bind(widthProperty().subtract(8));

        for (Node n : List.of(lock, explore, cancel)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Node n : List.of(labelled("Threads", threads), labelled("Increments", increments),
                labelled("Start", start), lock, explore)) {
            n.getStyleClass().add(PartStyle.SECONDARY);
            getChildren().add(n);
        }
        getChildren().addAll(progress, cancel, status);
        getStyleClass().add("settings-bar");
        // Wrapped, the row needs all its lines (a FlowPane's own minimum is one line).
        setMinHeight(Region.USE_PREF_SIZE);
        setAlignment(Pos.CENTER_LEFT);
    }

    private static Node labelled(String text, Node control) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(control);
        HBox box = new HBox(label, control);
        box.getStyleClass().add("setting");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Spinner<Integer> spinner(int min, int max, ObjectProperty<Integer> value, String id) {
        Spinner<Integer> spinner = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        // Typed text that is not a number keeps the old value instead of throwing.
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s.strip());
                    return Math.max(min, Math.min(max, v));
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        spinner.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(value);
        spinner.setId(id);
        spinner.getStyleClass().add("setting-spinner");
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.increment(0);
            }
        });
        // Settings changes explore at once: small races finish instantly, big ones show progress and can be cancelled.
        factory.valueProperty().addListener((o, old, v) -> viewModel.settingsEdited());
        return spinner;
    }
}
