package org.racelab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.racelab.ui.controls.Stylesheets;
import org.racelab.ui.part.PartStyle;

/**
 * The explorer screen: settings, a headline a teacher can read out, a bar chart of outcomes and, below it, the
 * paged schedules of the chosen outcome or the "How often really?" pane. The chart keeps at least a third of the
 * screen's height; presenting, the type follows the window's height so the back row can read it.
 */
public final class ExplorerView extends BorderPane {

    /** The share of the part's height the chart keeps at least. */
    static final double CHART_SHARE = 1.0 / 3;

    private static final List<String> ALWAYS_ESSENTIAL = List.of("#explorer-headline", "#explorer-chart",
            "#explorer-first", "#explorer-previous", "#explorer-next", "#explorer-last", "#explorer-goto",
            "#explorer-goto-button", "#explorer-random", "#explorer-replay", "#explorer-schedules");
    private static final List<String> REALITY_ESSENTIAL = List.of("#reality-chart", "#reality-preemptions");

    private final ExplorerViewModel viewModel;
    private final TabPane lower;

    public ExplorerView(ExplorerViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("explorer-view");
        getStylesheets().add(Stylesheets.url(ExplorerView.class, "explorer-view.css"));

        setTop(new VBox(new ExplorerSettingsBar(viewModel), headline()));
        OutcomeChart chart = new OutcomeChart(viewModel);
        // However the split is dragged or the window sized, the chart keeps a third of the part's height.
        chart.chart().minHeightProperty().bind(heightProperty().multiply(CHART_SHARE));
        lower = (TabPane) RealityView.besideSchedules(new SchedulesPane(viewModel, chart.outcomeRow()), viewModel);
        SplitPane center = new SplitPane(chart, lower);
        center.setOrientation(Orientation.VERTICAL);
        // The chart takes its third (its minimum) and a little more; the schedules or the reality pane take the rest.
        center.setDividerPositions(0.36);
        center.getStyleClass().add("explorer-split");
        setCenter(center);
        PresentingType.follow(this);
    }

    private Node headline() {
        Label headline = new Label();
        headline.setId("explorer-headline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(viewModel.headlineProperty());
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        Label odds = new Label();
        odds.setId("explorer-odds");
        odds.getStyleClass().add("odds");
        odds.textProperty().bind(viewModel.oddsExplanationProperty());
        // One line windowed (the whole text in its tooltip); presenting it folds away and the headline speaks.
        Tooltip oddsTip = new Tooltip();
        oddsTip.textProperty().bind(viewModel.oddsExplanationProperty());
        oddsTip.setWrapText(true);
        oddsTip.setMaxWidth(600);
        odds.setTooltip(oddsTip);
        odds.setMinWidth(0);
        odds.getStyleClass().add(PartStyle.SECONDARY);
        VBox box = new VBox(headline, odds);
        box.getStyleClass().add("headline-box");
        return box;
    }

    /**
     * Selectors of the nodes a teacher needs whole on screen: headline, chart, pager and schedules, and the reality
     * pane's chart and preemption table while that pane is the one shown.
     */
    public List<String> essentials() {
        List<String> all = new ArrayList<>(ALWAYS_ESSENTIAL);
        Tab shown = lower.getSelectionModel().getSelectedItem();
        if (shown != null && "explorer-reality-tab".equals(shown.getId())) {
            all.removeAll(List.of("#explorer-first", "#explorer-previous", "#explorer-next", "#explorer-last",
                    "#explorer-goto", "#explorer-goto-button", "#explorer-random", "#explorer-replay",
                    "#explorer-schedules"));
            all.addAll(REALITY_ESSENTIAL);
        }
        return List.copyOf(all);
    }

    /** The view-model behind this view, for tests. */
    public ExplorerViewModel viewModel() {
        return viewModel;
    }
}
