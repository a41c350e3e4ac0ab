package org.racelab.ui.explorer;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.racelab.lab.reality.RealityTheory;
import org.racelab.model.explore.PreemptionCount;
import org.racelab.model.explore.PreemptionProfile;

/** The race's schedules counted by preemptions, the sentence that reads them out, and the fewest-preemption witness. */
final class PreemptionTableView extends VBox {

    PreemptionTableView(RealityViewModel viewModel) {
        getStyleClass().add("preemption-pane");
        Label title = new Label("Schedules by preemptions");
        title.getStyleClass().add("preemption-title");
        Label executions = new Label();
        executions.setId("reality-executions");
        executions.getStyleClass().add("preemption-summary");
        executions.setWrapText(true);
        executions.textProperty().bind(Bindings.createStringBinding(
                () -> executionsLine(viewModel.preemptionsProperty().get(), viewModel.theoryProperty().get()),
                viewModel.preemptionsProperty(), viewModel.theoryProperty()));
        TableView<PreemptionCount> table = new TableView<>();
        table.setId("reality-preemptions");
        table.getStyleClass().add("preemption-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("counting…"));
        TableColumn<PreemptionCount, String> p = new TableColumn<>("Preempt.");
        p.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Integer.toString(c.getValue().preemptions())));
        TableColumn<PreemptionCount, String> s = new TableColumn<>("Schedules");
        s.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format("%,d", c.getValue().schedules())));
        TableColumn<PreemptionCount, String> l = new TableColumn<>("Losing");
        l.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format("%,d", c.getValue().losing())));
        table.getColumns().addAll(java.util.List.of(p, s, l));
        viewModel.preemptionsProperty().addListener((o, old, profile) -> show(table, profile));
        show(table, viewModel.preemptionsProperty().get());
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("reality-preemption-summary");
        summary.getStyleClass().add("preemption-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.preemptionSummaryProperty());
        Label witness = new Label();
        witness.setId("reality-witness");
        witness.getStyleClass().add("preemption-witness");
        witness.setWrapText(true);
        witness.textProperty().bind(viewModel.witnessProperty());
        Button replay = new Button("Replay in stepper ▶");
        replay.setId("reality-replay");
        replay.disableProperty().bind(viewModel.canReplayWitnessProperty().not());
        replay.setOnAction(e -> viewModel.replayWitness());
        getChildren().addAll(title, executions, table, summary, witness, replay);
    }

    /** "20 schedules · 4 really different executions · 2 outcomes", once both the profile and the theory are in. */
    static String executionsLine(PreemptionProfile profile, RealityTheory theory) {
        if (profile == null || theory == null || !profile.config().equals(theory.config())) {
            return "";
        }
        return profile.executions().line(profile.total(), theory.outcomes().size());
    }

    private static void show(TableView<PreemptionCount> table, PreemptionProfile profile) {
        table.setItems(profile == null ? FXCollections.observableArrayList()
                : FXCollections.observableArrayList(profile.counts()));
    }
}
