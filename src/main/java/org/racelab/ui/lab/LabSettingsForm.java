package org.racelab.ui.lab;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.racelab.lab.CounterKind;
import org.racelab.lab.LabSettings;

/**
 * The lab's settings (counter, workers, tasks, increments) in a scroll pane: beside the charts on a wide screen,
 * in the fold-away drawer on a narrow one and when presenting (see {@link LabFolding}).
 */
final class LabSettingsForm {

    private final LabViewModel viewModel;
    // Bidirectional bindings hold their ends weakly: keep the adapters alive as long as the form.
    private final ObjectProperty<Integer> workersValue;
    private final ObjectProperty<Integer> tasksValue;
    private final ObjectProperty<Integer> incrementsValue;
    private final ScrollPane pane;

    LabSettingsForm(LabViewModel viewModel) {
        this.viewModel = viewModel;
        this.workersValue = viewModel.workersProperty().asObject();
        this.tasksValue = viewModel.tasksProperty().asObject();
        this.incrementsValue = viewModel.incrementsProperty().asObject();
        this.pane = build();
    }

    /** The settings' scroll pane, {@code #lab-settings}. */
    ScrollPane pane() {
        return pane;
    }

    private ScrollPane build() {
        ComboBox<CounterKind> counter = new ComboBox<>();
        counter.setId("lab-counter");
        counter.getItems().setAll(CounterKind.values());
        counter.valueProperty().bindBidirectional(viewModel.counterProperty());
        counter.setButtonCell(new KindCell());
        counter.setCellFactory(list -> new KindCell());
        counter.setMaxWidth(Double.MAX_VALUE);
        counter.disableProperty().bind(viewModel.runningProperty());
        Label counterHelp = hint("");
        counterHelp.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.counterProperty().get() == null ? "" : viewModel.counterProperty().get().description(),
                viewModel.counterProperty()));

        Spinner<Integer> workers = spinner("lab-workers", "Workers", LabSettings.MIN_WORKERS, LabSettings.MAX_WORKERS, 1,
                workersValue);
        int cpus = Runtime.getRuntime().availableProcessors();
        Label workersHelp = hint(String.format(Locale.ROOT,
                "Default %d = min(32, CPUs + 4) with %d CPUs: Python's ThreadPoolExecutor rule.",
                LabSettings.defaultWorkers(), cpus));
        Spinner<Integer> tasks = spinner("lab-tasks", "Tasks", 1, 10_000, 1, tasksValue);
        Spinner<Integer> increments = spinner("lab-increments", "Increments per task", 1, 1_000_000_000, 1_000_000,
                incrementsValue);
        Label expected = hint("");
        expected.setId("lab-expected");
        expected.textProperty().bind(Bindings.createStringBinding(() ->
                viewModel.counterProperty().get() == CounterKind.SWITCHABLE
                        ? "The switchable counter runs until you press Stop (compare all uses these increments)."
                        : String.format(Locale.ROOT, "Expected final value: T × I = %,d",
                                (long) viewModel.tasksProperty().get() * viewModel.incrementsProperty().get()),
                viewModel.tasksProperty(), viewModel.incrementsProperty(), viewModel.counterProperty()));

        VBox form = new VBox(
                field("Counter", counter, counterHelp),
                field("Workers (pool threads, 1-64)", workers, workersHelp),
                sideBySide(field("Tasks", tasks), field("Increments / task", increments)),
                expected);
        form.getStyleClass().add("lab-form");

        VBox box = new VBox(form, new Separator(Orientation.HORIZONTAL), LabLiveBar.lockHelp());
        box.getStyleClass().add("lab-controls");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("lab-settings");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lab-controls-scroll");
        return scroll;
    }

    static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("lab-hint");
        label.setWrapText(true);
        return label;
    }

    private static HBox sideBySide(Node... fields) {
        HBox row = new HBox(fields);
        row.getStyleClass().add("lab-side-by-side");
        for (Node n : fields) {
            HBox.setHgrow(n, Priority.ALWAYS);
        }
        return row;
    }

    private static VBox field(String title, Node control, Node... help) {
        Label label = new Label(title);
        label.getStyleClass().add("lab-field-label");
        label.setLabelFor(control);
        VBox box = new VBox(label, control);
        box.getChildren().addAll(help);
        box.getStyleClass().add("lab-field");
        return box;
    }

    private Spinner<Integer> spinner(String id, String name, int min, int max, int step,
            ObjectProperty<Integer> value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step);
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        factory.setConverter(new GroupedIntegers(factory, name, viewModel));
        factory.valueProperty().bindBidirectional(value);
        spinner.disableProperty().bind(viewModel.runningProperty());
        spinner.setMaxWidth(Double.MAX_VALUE);
        // Commit typed text when focus leaves, and put back the last good value if it was not a number.
        spinner.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit(spinner, factory);
            }
        });
        // Enter commits the number only; it must not fall through to the default button and start a run.
        spinner.getEditor().setOnAction(e -> {
            commit(spinner, factory);
            e.consume();
        });
        return spinner;
    }

    private static void commit(Spinner<Integer> spinner, SpinnerValueFactory.IntegerSpinnerValueFactory factory) {
        // The converter reports bad text inline; here the editor only shows the value actually in force.
        factory.setValue(factory.getConverter().fromString(spinner.getEditor().getText()));
        spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
    }
}
