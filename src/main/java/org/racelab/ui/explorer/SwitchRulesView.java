package org.racelab.ui.explorer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;

/**
 * "Python's switches": the program chooser, the rule to read out, and the explorer's race counted under both
 * switch rules side by side, each as a compact chart of final values with one sentence under it.
 */
public final class SwitchRulesView extends VBox {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private static final PseudoClass EXPECTED = PseudoClass.getPseudoClass("expected");
    private static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");

    private final SwitchRulesViewModel viewModel;
    private final java.util.List<Label> titles = new java.util.ArrayList<>();

    public SwitchRulesView(SwitchRulesViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("switch-rules-view");

        Label status = new Label();
        status.setId("switch-rules-status");
        status.getStyleClass().add("switch-rules-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        status.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        status.setMinHeight(Region.USE_PREF_SIZE);

        Node any = side(SwitchRule.ANY, viewModel.anyPointProperty(), "switch-rules-any");
        Node gil = side(SwitchRule.CPYTHON_GIL, viewModel.gilProperty(), "switch-rules-gil");
        alignTitles();
        HBox sides = new HBox(any, gil);
        sides.getStyleClass().add("switch-rules-sides");
        HBox.setHgrow(any, Priority.ALWAYS);
        HBox.setHgrow(gil, Priority.ALWAYS);
        VBox.setVgrow(sides, Priority.ALWAYS);
        getChildren().addAll(choosers(), status, sides);
    }

    /** The view-model, for tests. */
    public SwitchRulesViewModel viewModel() {
        return viewModel;
    }

    private Node choosers() {
        Label programLabel = new Label("Program");
        programLabel.setMinWidth(Region.USE_PREF_SIZE);
        ChoiceBox<RaceProgram> program = new ChoiceBox<>();
        program.setId("switch-rules-program");
        program.getItems().setAll(RaceProgram.values());
        program.setConverter(new StringConverter<>() {
            @Override
            public String toString(RaceProgram p) {
                return p == null ? "" : p.source();
            }

            @Override
            public RaceProgram fromString(String s) {
                return RaceProgram.COUNT;
            }
        });
        program.valueProperty().bindBidirectional(viewModel.programProperty());
        program.setMinWidth(Region.USE_PREF_SIZE);
        programLabel.setLabelFor(program);
        HBox programBox = new HBox(programLabel, program);
        programBox.getStyleClass().add("switch-rules-setting");
        programBox.setAlignment(Pos.CENTER_LEFT);

        Label ruleLabel = new Label("Read out");
        ruleLabel.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        HBox ruleBox = new HBox(ruleLabel);
        for (SwitchRule r : SwitchRule.values()) {
            ToggleButton b = new ToggleButton(r == SwitchRule.ANY ? "Any point" : "CPython (GIL)");
            b.setId("switch-rules-choose-" + r.cliName());
            b.setToggleGroup(group);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setSelected(viewModel.ruleProperty().get() == r);
            b.setOnAction(e -> viewModel.ruleProperty().set(r));
            viewModel.ruleProperty().addListener((o, old, now) -> b.setSelected(now == r));
            ruleBox.getChildren().add(b);
        }
        ruleBox.getStyleClass().add("switch-rules-setting");
        ruleBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(programBox, ruleBox);
        row.getStyleClass().add("switch-rules-choosers");
        row.setMinHeight(Region.USE_PREF_SIZE);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node side(SwitchRule rule, ReadOnlyObjectProperty<RuleSide> side, String id) {
        Label title = new Label(RuleSide.title(rule));
        title.getStyleClass().add("switch-rules-title");
        title.setWrapText(true);
        titles.add(title);
        CategoryAxis x = new CategoryAxis();
        x.setAnimated(false);
        NumberAxis y = new NumberAxis(0, 100, 25);
        y.setLabel("%");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId(id + "-chart");
        chart.getStyleClass().add("switch-rules-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId(id + "-summary");
        summary.getStyleClass().add("switch-rules-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(title, chart, summary);
        box.setId(id);
        box.getStyleClass().add("switch-rules-side");
        box.setMinWidth(0);
        box.setOnMouseClicked(e -> viewModel.ruleProperty().set(rule));
        box.pseudoClassStateChanged(CHOSEN, viewModel.ruleProperty().get() == rule);
        viewModel.ruleProperty().addListener((o, old, now) -> box.pseudoClassStateChanged(CHOSEN, now == rule));
        side.addListener((o, old, s) -> show(s, chart, summary));
        show(side.get(), chart, summary);
        return box;
    }

    /** Both titles as tall as the taller one wraps, so the two charts start at the same height. */
    private void alignTitles() {
        javafx.beans.binding.DoubleBinding tallest = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> titles.stream().mapToDouble(t -> t.prefHeight(t.getWidth() > 0 ? t.getWidth() : -1)).max()
                        .orElse(0),
                titles.stream().flatMap(t -> java.util.stream.Stream.of(t.widthProperty(), t.fontProperty()))
                        .toArray(javafx.beans.Observable[]::new));
        for (Label t : titles) {
            t.minHeightProperty().bind(tallest);
        }
    }

    private void show(RuleSide s, BarChart<String, Number> chart, Label summary) {
        chart.getData().clear();
        if (s == null) {
            summary.setText(viewModel.busyProperty().get() ? "Counting..." : "");
            ((CategoryAxis) chart.getXAxis()).setLabel(null);
            return;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (RuleSide.Bar bar : s.bars()) {
            XYChart.Data<String, Number> d = new XYChart.Data<>(
                    bar.expected() ? bar.finalValue() + " ✓" : Integer.toString(bar.finalValue()), bar.percent());
            d.nodeProperty().addListener((o, old, n) -> mark(n, bar));
            mark(d.getNode(), bar);
            series.getData().add(d);
        }
        chart.getData().add(series);
        ((CategoryAxis) chart.getXAxis()).setLabel("Final value");
        summary.setText(s.summary());
    }

    private static void mark(Node n, RuleSide.Bar bar) {
        if (n != null) {
            n.pseudoClassStateChanged(EXPECTED, bar.expected());
            n.pseudoClassStateChanged(LOST, !bar.expected());
        }
    }
}
