package org.racelab.ui.explorer;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.racelab.model.RaceConfig;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.Interleavings;

/**
 * The explorer's outcome chart: two bars per final value (share of all schedules, random scheduler), coloured
 * expected or lost, clickable, with a row of outcome buttons under it that pick the same outcome.
 */
final class OutcomeChart extends VBox {

    private static final PseudoClass EXPECTED = PseudoClass.getPseudoClass("expected");
    private static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final ExplorerViewModel viewModel;
    private final BarChart<String, Number> chart;
    private final FlowPane outcomeButtons = new FlowPane();
    private final ToggleGroup outcomeGroup = new ToggleGroup();

    OutcomeChart(ExplorerViewModel viewModel) {
        this.viewModel = viewModel;
        CategoryAxis x = new CategoryAxis();
        x.setLabel("Final value of the counter");
        x.setTickLabelRotation(0);
        x.setAutoRanging(true);
        NumberAxis y = new NumberAxis(0, 100, 10);
        y.setLabel("%");
        chart = new BarChart<>(x, y);
        chart.setId("explorer-chart");
        chart.getStyleClass().add("outcome-chart");
        chart.setAnimated(false);
        getChildren().add(chart);
        getStyleClass().add("chart-box");
        VBox.setVgrow(chart, Priority.ALWAYS);

        viewModel.resultProperty().addListener((o, old, r) -> showResult(r));
        viewModel.selectedOutcomeProperty().addListener((o, old, outcome) -> markSelected(outcome));
        showResult(viewModel.resultProperty().get());
    }

    /** The bar chart itself, whose height the explorer keeps at a third of its own at least. */
    Region chart() {
        return chart;
    }

    /** The outcome buttons with their label, for the schedules pane to put beside its title. */
    Node outcomeRow() {
        Label label = new Label("Ending at:");
        label.getStyleClass().add("outcome-row-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(label, outcomeButtons);
        row.getStyleClass().add("outcome-row");
        row.setAlignment(Pos.CENTER_LEFT);
        outcomeButtons.getStyleClass().add("outcome-buttons");
        outcomeButtons.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(outcomeButtons, Priority.ALWAYS);
        return row;
    }

    private void showResult(Interleavings r) {
        chart.getData().clear();
        outcomeButtons.getChildren().clear();
        outcomeGroup.getToggles().clear();
        if (r == null) {
            chart.setTitle(null);
            return;
        }
        RaceConfig c = r.config();
        XYChart.Series<String, Number> share = new XYChart.Series<>();
        share.setName("Share of all schedules");
        XYChart.Series<String, Number> odds = new XYChart.Series<>();
        odds.setName("Random scheduler");
        for (InterleavingOutcome o : r.outcomes()) {
            String category = category(c, o);
            share.getData().add(bar(category, o.share().doubleValue() * 100, o, c, r, true));
            odds.getData().add(bar(category, o.randomSchedulerProbability().doubleValue() * 100, o, c, r, false));
            ToggleButton b = new ToggleButton(Integer.toString(o.finalValue()));
            b.setId("outcome-button-" + o.finalValue());
            b.setToggleGroup(outcomeGroup);
            b.getStyleClass().add("outcome-button");
            b.setMinWidth(Region.USE_PREF_SIZE);
            if (o.finalValue() == c.expectedFinal()) {
                b.getStyleClass().add("expected-outcome");
            }
            b.setTooltip(tooltip(c, r, o));
            b.setOnAction(e -> viewModel.selectOutcome(o.finalValue()));
            outcomeButtons.getChildren().add(b);
        }
        chart.getData().setAll(List.of(share, odds));
        ((CategoryAxis) chart.getXAxis()).setLabel("Final value (" + c.expectedFinal()
                + " ✓ expected, green; red bars lose updates)");
        chart.setTitle(c.settingsText() + ": " + ExplorerNarration.approximately(r.total()) + " schedules");
        markSelected(viewModel.selectedOutcomeProperty().get());
    }

    private static String category(RaceConfig c, InterleavingOutcome o) {
        return o.finalValue() == c.expectedFinal() ? o.finalValue() + " ✓" : Integer.toString(o.finalValue());
    }

    private XYChart.Data<String, Number> bar(String category, double percent, InterleavingOutcome o, RaceConfig c,
            Interleavings r, boolean shareSeries) {
        XYChart.Data<String, Number> data = new XYChart.Data<>(category, percent);
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                decorate(node, o, c, r, shareSeries);
            }
        });
        if (data.getNode() != null) {
            decorate(data.getNode(), o, c, r, shareSeries);
        }
        return data;
    }

    private void decorate(Node node, InterleavingOutcome o, RaceConfig c, Interleavings r, boolean shareSeries) {
        node.setId((shareSeries ? "outcome-bar-" : "outcome-odds-bar-") + o.finalValue());
        // Pseudo-classes, because the chart resets a bar's style classes when it lays the bar out.
        node.pseudoClassStateChanged(EXPECTED, o.finalValue() == c.expectedFinal());
        node.pseudoClassStateChanged(LOST, o.finalValue() != c.expectedFinal());
        node.getProperties().put("finalValue", o.finalValue());
        Tooltip.install(node, tooltip(c, r, o));
        node.setOnMouseClicked(e -> viewModel.selectOutcome(o.finalValue()));
    }

    private static Tooltip tooltip(RaceConfig c, Interleavings r, InterleavingOutcome o) {
        int lost = c.expectedFinal() - o.finalValue();
        String text = "Final value " + o.finalValue() + (lost == 0 ? " (no update lost)"
                : " (" + lost + " update" + (lost == 1 ? "" : "s") + " lost)") + "\n"
                + ExplorerNarration.grouped(o.count()) + " of " + ExplorerNarration.grouped(r.total())
                + " schedules\n"
                + "Share of schedules: " + ExplorerNarration.percent(o.share()) + "\n"
                + "Random scheduler: " + ExplorerNarration.percent(o.randomSchedulerProbability())
                + (o.randomSchedulerProbability().denominator().bitLength() <= 40
                        ? " (exactly " + o.randomSchedulerProbability() + ")" : "");
        Tooltip t = new Tooltip(text);
        t.getStyleClass().add("outcome-tooltip");
        t.setShowDelay(Duration.millis(150));
        t.setShowDuration(Duration.INDEFINITE);
        return t;
    }

    private void markSelected(InterleavingOutcome selected) {
        for (XYChart.Series<String, Number> s : chart.getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                Node n = d.getNode();
                if (n != null) {
                    boolean on = selected != null
                            && Integer.valueOf(selected.finalValue()).equals(n.getProperties().get("finalValue"));
                    n.pseudoClassStateChanged(SELECTED, on);
                }
            }
        }
        for (var t : outcomeGroup.getToggles()) {
            ToggleButton b = (ToggleButton) t;
            b.setSelected(selected != null && b.getText().equals(Integer.toString(selected.finalValue())));
        }
    }
}
