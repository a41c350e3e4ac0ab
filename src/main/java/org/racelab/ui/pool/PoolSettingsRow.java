package org.racelab.ui.pool;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.racelab.lab.pool.PoolSettings;
import org.racelab.lab.pool.TaskKind;
import org.racelab.ui.part.PartStyle;

/** The pool's settings row (tasks, latency, workers and the formula, server cap, kind, presets); hidden presenting. */
final class PoolSettingsRow {

    /** The spinners' object views of the int settings: bidirectional bindings hold them only weakly. */
    private final java.util.List<Object> bound = new java.util.ArrayList<>();

    private PoolSettingsRow() {
    }

    static FlowPane of(PoolViewModel vm) {
        PoolSettingsRow self = new PoolSettingsRow();
        Spinner<Integer> tasks = spinner(PoolSettings.MIN_TASKS, PoolSettings.MAX_TASKS, vm.tasksProperty().get(), 10);
        tasks.setId("pool-tasks");
        tasks.getValueFactory().valueProperty().bindBidirectional(self.keep(vm.tasksProperty().asObject()));
        Spinner<Integer> latency = spinner(PoolSettings.MIN_LATENCY_MS, PoolSettings.MAX_LATENCY_MS,
                vm.latencyMsProperty().get(), 10);
        latency.setId("pool-latency");
        latency.getValueFactory().valueProperty().bindBidirectional(self.keep(vm.latencyMsProperty().asObject()));
        Spinner<Integer> workers = spinner(PoolSettings.MIN_WORKERS, PoolSettings.MAX_WORKERS, vm.workersProperty().get(), 1);
        workers.setId("pool-workers");
        workers.getValueFactory().valueProperty().bindBidirectional(self.keep(vm.workersProperty().asObject()));
        Spinner<Integer> cap = spinner(0, PoolSettings.MAX_CAP, vm.serverCapProperty().get(), 1);
        cap.setId("pool-cap");
        cap.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null || v == 0 ? "off" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                return s == null || s.isBlank() || s.strip().equalsIgnoreCase("off") ? 0 : Integer.parseInt(s.strip());
            }
        });
        cap.getValueFactory().valueProperty().bindBidirectional(self.keep(vm.serverCapProperty().asObject()));
        ChoiceBox<TaskKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(TaskKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskKind k) {
                return k == null ? "" : PoolViewModel.kindWord(k);
            }

            @Override
            public TaskKind fromString(String s) {
                return TaskKind.parse(s);
            }
        });
        kind.setId("pool-kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        Button slide2 = new Button("Slide 2: 100 × 1 s");
        slide2.setOnAction(e -> vm.presetSlide2());
        Button classroom = new Button("Classroom: 100 × 100 ms");
        classroom.setOnAction(e -> vm.presetClassroom());
        Label formula = new Label("default " + PoolViewModel.workersFormula(Runtime.getRuntime().availableProcessors()));
        formula.getStyleClass().add("pool-muted");
        FlowPane row = new FlowPane(field("Tasks", tasks), field("Latency ms", latency), field("Workers", workers),
                formula, field("Server cap", cap), field("Kind", kind), slide2, classroom);
        row.getStyleClass().addAll("pool-settings", PartStyle.SECONDARY);
        row.disableProperty().bind(vm.runningProperty());
        row.getProperties().put("pool-bound", self.bound);
        return row;
    }

    private <T> T keep(T property) {
        bound.add(property);
        return property;
    }

    private static Spinner<Integer> spinner(int min, int max, int value, int step) {
        Spinner<Integer> s = new Spinner<>(min, max, value, step);
        s.setEditable(true);
        s.getStyleClass().add("pool-spinner");
        return s;
    }

    private static HBox field(String text, javafx.scene.Node control) {
        HBox box = new HBox(new Label(text), control);
        box.getStyleClass().add("pool-field");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

}
