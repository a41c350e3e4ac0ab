package org.racelab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.racelab.model.RaceProgram;
import org.racelab.ui.controls.ScaleToFit;
import org.racelab.ui.controls.Stylesheets;
import org.racelab.ui.part.PartStyle;

/**
 * The explorer screen: settings, a headline a teacher can read out, a bar chart of outcomes and, below it, three
 * tabs: the paged schedules of the chosen outcome, "How often really?" and "Python's switches". The chart keeps at
 * least a third of the part's height; presenting, the type follows the window's height so the back row can read
 * it; at zooms where the part no longer fits, it is scaled down whole like a slide.
 */
public final class ExplorerView extends BorderPane {

    /** The share of the part's height the chart keeps at least. */
    static final double CHART_SHARE = 1.0 / 3;

    private static final List<String> SCHEDULES_ESSENTIAL = List.of("#explorer-first", "#explorer-previous",
            "#explorer-next", "#explorer-last", "#explorer-goto", "#explorer-goto-button", "#explorer-random",
            "#explorer-replay", "#explorer-schedules");
    private static final List<String> ALWAYS_ESSENTIAL = concat(List.of("#explorer-headline", "#explorer-chart"),
            SCHEDULES_ESSENTIAL);
    private static final List<String> REALITY_ESSENTIAL = List.of("#reality-chart", "#reality-preemptions",
            "#reality-run", "#reality-stop", "#reality-python");
    private static final List<String> SWITCHES_ESSENTIAL = List.of("#switch-rules-program",
            "#switch-rules-choose-any", "#switch-rules-choose-cpython", "#switch-rules-any-chart",
            "#switch-rules-gil-chart", "#switch-rules-any-summary", "#switch-rules-gil-summary");

    private final ExplorerViewModel viewModel;
    private final LowerTabs lower;

    /** The explorer with this computer's Python. */
    public ExplorerView(ExplorerViewModel viewModel) {
        this(viewModel, PythonAccess.onThisComputer());
    }

    /** The explorer reaching Python through {@code python} (tests inject one that finds none). */
    public ExplorerView(ExplorerViewModel viewModel, PythonAccess python) {
        this.viewModel = viewModel;
        getStyleClass().add("explorer-view");
        getStylesheets().add(Stylesheets.url(ExplorerView.class, "explorer-view.css"));

        VBox top = new VBox(new ExplorerSettingsBar(viewModel), headline());
        OutcomeChart chart = new OutcomeChart(viewModel);
        // However the split is dragged or the window sized, the chart keeps a third of the part's height.
        chart.chart().minHeightProperty().bind(heightProperty().multiply(CHART_SHARE));
        lower = new LowerTabs(new SchedulesPane(viewModel, chart.outcomeRow()), viewModel, python);
        ChartOverTabs center = new ChartOverTabs(chart, lower.tabs());
        VBox.setVgrow(center, Priority.ALWAYS);
        VBox content = new VBox(top, center);
        content.getStyleClass().add("explorer-content");
        // Up to 150 % everything fits at its size; at larger zooms the whole part is laid out at its minimum and
        // scaled down like a slide, so nothing is cut or pushed off screen (presenting, never below the text rule).
        ScaleToFit fit = new ScaleToFit(content, this::minTextPx);
        fit.activeProperty().set(true);
        setCenter(fit);
        PresentingType.follow(this);
    }

    /** Presenting, the smallest text the scaling may leave: the share of the window's height. */
    private double minTextPx() {
        javafx.scene.Scene scene = getScene();
        boolean presenting = scene != null && scene.getRoot().getPseudoClassStates().stream()
                .anyMatch(p -> "presentation".equals(p.getPseudoClassName()));
        return presenting ? scene.getHeight() * org.racelab.ui.part.Part.MIN_TEXT_SHARE : 0;
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
        String shown = lower.shownTab();
        if (!"explorer-schedules-tab".equals(shown)) {
            all.removeAll(SCHEDULES_ESSENTIAL);
            all.addAll("explorer-reality-tab".equals(shown) ? REALITY_ESSENTIAL : SWITCHES_ESSENTIAL);
        }
        return List.copyOf(all);
    }

    /**
     * Shows "Python's switches" (both switch rules side by side) with {@code program}, as a teacher would pick it.
     */
    public void showSwitchRules(RaceProgram program) {
        lower.show("explorer-switches-tab");
        lower.rules().programProperty().set(program);
    }

    /** Stops the reality pane's trials, the switch-rule counts and any Python run, and ends their threads. */
    public void close() {
        lower.close();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The view-model behind this view, for tests. */
    public ExplorerViewModel viewModel() {
        return viewModel;
    }
}
