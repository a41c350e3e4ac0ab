package org.racelab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.racelab.lab.ThreadedBackgroundExecutor;
import org.racelab.lab.reality.Grade;
import org.racelab.lab.reality.RealityReport;
import org.racelab.lab.reality.WindowDelay;
import org.racelab.ui.controls.Stylesheets;

/**
 * "How often does it really go wrong?": three bars per final value (share of schedules, random scheduler,
 * real threads), Run for real / Stop with a delay between load and store, the gap read out, and the race's
 * schedules counted by preemptions with the fewest-preemption losing witness.
 */
public final class RealityView extends VBox {

    private static final PseudoClass FORBIDDEN = PseudoClass.getPseudoClass("forbidden");

    private final RealityViewModel viewModel;
    private final BarChart<String, Number> chart;
    private final List<XYChart.Series<String, Number>> series = new ArrayList<>();

    public RealityView(RealityViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("reality-view");
        getStylesheets().add(Stylesheets.url(RealityView.class, "reality-view.css"));

        CategoryAxis x = new CategoryAxis();
        x.setLabel("Final value");
        x.setAnimated(false);
        NumberAxis y = new NumberAxis(0, 100, 25);
        y.setLabel("%");
        chart = new BarChart<>(x, y);
        chart.setId("reality-chart");
        chart.getStyleClass().add("reality-chart");
        chart.setAnimated(false);
        for (String name : List.of("All schedules", "Random scheduler", "Real threads")) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(name);
            series.add(s);
            chart.getData().add(s);
        }

        PreemptionTableView preemptions = new PreemptionTableView(viewModel);
        HBox.setHgrow(chart, Priority.ALWAYS);
        // In a short window the pane gives up height rather than pushing the chart below the window's edge.
        chart.setMinHeight(0);
        preemptions.setMinHeight(0);
        HBox body = new HBox(chart, preemptions);
        body.setMinHeight(0);
        body.getStyleClass().add("reality-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(controls(), headline(), body);

        viewModel.reportProperty().addListener((o, old, r) -> showReport(r));
        PresentingType.follow(this);
    }

    /** The view-model, for tests. */
    public RealityViewModel viewModel() {
        return viewModel;
    }

    /**
     * The reality pane of an explorer: its own background thread, following the explorer's results, replaying
     * through the explorer's replay hook, and stopping its trials when the window closes.
     */
    public static RealityView forExplorer(ExplorerViewModel explorer) {
        ThreadedBackgroundExecutor executor = new ThreadedBackgroundExecutor("racelab-reality-run", Platform::runLater);
        RealityViewModel vm = new RealityViewModel(executor, System::nanoTime);
        vm.setOnReplay(explorer::replay);
        explorer.resultProperty().addListener((o, old, r) -> vm.useExploration(r));
        vm.useExploration(explorer.resultProperty().get());
        RealityView view = new RealityView(vm);
        view.onWindowClosed(() -> {
            vm.dispose();
            executor.close();
        });
        return view;
    }

    /** The explorer's schedule list and this pane as two tabs: "Schedules" and "How often really?". */
    public static Node besideSchedules(Node schedules, ExplorerViewModel explorer) {
        Tab list = new Tab("Schedules", schedules);
        list.setId("explorer-schedules-tab");
        Tab reality = new Tab("How often really?", forExplorer(explorer));
        reality.setId("explorer-reality-tab");
        TabPane tabs = new TabPane(list, reality);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("explorer-lower-tabs");
        return tabs;
    }

    private Node controls() {
        Button run = new Button("Run for real ▶");
        run.setId("reality-run");
        run.disableProperty().bind(viewModel.runningProperty().or(viewModel.theoryProperty().isNull()));
        run.setOnAction(e -> viewModel.run());
        Button stop = new Button("Stop ■");
        stop.setId("reality-stop");
        stop.disableProperty().bind(viewModel.runningProperty().not());
        stop.setOnAction(e -> viewModel.stop());
        ChoiceBox<WindowDelay> delay = new ChoiceBox<>();
        delay.setId("reality-delay");
        delay.getItems().setAll(RealityViewModel.DELAYS);
        delay.valueProperty().bindBidirectional(viewModel.delayProperty());
        delay.disableProperty().bind(viewModel.runningProperty());
        delay.setConverter(new StringConverter<>() {
            @Override
            public String toString(WindowDelay d) {
                return d == null ? "" : "delay: " + d.label();
            }

            @Override
            public WindowDelay fromString(String s) {
                return WindowDelay.parse(s.replace("delay: ", ""));
            }
        });
        Label rate = new Label();
        rate.setId("reality-rate");
        rate.getStyleClass().add("reality-rate");
        rate.textProperty().bind(viewModel.rateProperty());
        FlowPane bar = new FlowPane(run, stop, delay, rate);
        bar.getStyleClass().add("reality-controls");
        return bar;
    }

    private Node headline() {
        Label headline = new Label();
        headline.setId("reality-headline");
        headline.getStyleClass().add("reality-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(viewModel.headlineProperty());
        Label warning = new Label();
        warning.setId("reality-warning");
        warning.getStyleClass().add("reality-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(viewModel.warningProperty());
        warning.visibleProperty().bind(viewModel.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        return new VBox(headline, warning);
    }

    private void showReport(RealityReport r) {
        if (r == null) {
            series.forEach(s -> s.getData().clear());
            return;
        }
        List<RealityReport.Row> rows = r.rows();
        boolean sameValues = series.get(0).getData().size() == rows.size();
        for (int i = 0; sameValues && i < rows.size(); i++) {
            sameValues = series.get(0).getData().get(i).getXValue().equals(Integer.toString(rows.get(i).finalValue()));
        }
        if (!sameValues) {
            series.forEach(s -> s.getData().clear());
            for (RealityReport.Row row : rows) {
                String v = Integer.toString(row.finalValue());
                for (XYChart.Series<String, Number> s : series) {
                    XYChart.Data<String, Number> d = new XYChart.Data<>(v, 0);
                    Tooltip tip = new Tooltip();
                    tip.setShowDelay(Duration.millis(150));
                    d.setExtraValue(tip);
                    d.nodeProperty().addListener((o, old, n) -> {
                        if (n != null) {
                            Tooltip.install(n, tip);
                        }
                    });
                    s.getData().add(d);
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            RealityReport.Row row = rows.get(i);
            set(series.get(0).getData().get(i), row.scheduleShare(), row, String.format(Locale.ROOT,
                    "Final %d: %s of all schedules", row.finalValue(), pct(row.scheduleShare())));
            set(series.get(1).getData().get(i), row.randomSchedulerProbability(), row, String.format(Locale.ROOT,
                    "Final %d: probability %s under a random scheduler", row.finalValue(),
                    pct(row.randomSchedulerProbability())));
            set(series.get(2).getData().get(i), row.observedShare(), row, String.format(Locale.ROOT,
                    "Final %d: %,d of %,d real trials (%s), %s", row.finalValue(), row.observed(), r.trials(),
                    pct(row.observedShare()), row.grade().label()));
        }
    }

    private static void set(XYChart.Data<String, Number> d, double share, RealityReport.Row row, String tip) {
        d.setYValue(share * 100);
        ((Tooltip) d.getExtraValue()).setText(tip);
        if (d.getNode() != null) {
            d.getNode().pseudoClassStateChanged(FORBIDDEN, row.grade() == Grade.FORBIDDEN);
        }
    }

    private static String pct(double share) {
        return org.racelab.lab.reality.RealityNarration.percent(share);
    }

    private void onWindowClosed(Runnable action) {
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, oldWindow, window) -> hookWindow(window, action));
                hookWindow(scene.getWindow(), action);
            }
        });
    }

    private static void hookWindow(Window window, Runnable action) {
        if (window != null) {
            window.showingProperty().addListener((o, was, showing) -> {
                if (!showing) {
                    action.run();
                }
            });
        }
    }
}
