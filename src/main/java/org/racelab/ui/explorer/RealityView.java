package org.racelab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.racelab.lab.reality.Grade;
import org.racelab.lab.python.PythonReport;
import org.racelab.lab.reality.RealityReport;
import org.racelab.lab.reality.RealitySnapshot;
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
    private final PythonTrialsViewModel python;
    private final Runnable runOnPython;
    private final BarChart<String, Number> chart;
    private final List<XYChart.Series<String, Number>> series = new ArrayList<>();
    private final XYChart.Series<String, Number> pythonSeries = new XYChart.Series<>();

    /** The pane without "Run on this Python". */
    public RealityView(RealityViewModel viewModel) {
        this(viewModel, null, null);
    }

    /**
     * @param python the teacher's own Python as a fourth source, or null for none
     * @param runOnPython what "Run on this Python" does (runs the explorer's race with the chosen program)
     */
    public RealityView(RealityViewModel viewModel, PythonTrialsViewModel python, Runnable runOnPython) {
        this.viewModel = viewModel;
        this.python = python;
        this.runOnPython = runOnPython;
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
        viewModel.theoryProperty().addListener((o, old, t) -> showReport(viewModel.reportProperty().get()));
        if (python != null) {
            pythonSeries.nameProperty().bind(python.sourceNameProperty());
            python.reportProperty().addListener((o, old, r) -> showReport(viewModel.reportProperty().get()));
        }
        PresentingType.follow(this);
    }

    /** The view-model, for tests. */
    public RealityViewModel viewModel() {
        return viewModel;
    }

    private Node controls() {
        Button run = new Button("Run for real ▶");
        run.setId("reality-run");
        run.disableProperty().bind(viewModel.runningProperty().or(viewModel.theoryProperty().isNull()));
        run.setOnAction(e -> viewModel.run());
        Button stop = new Button("Stop ■");
        stop.setId("reality-stop");
        stop.disableProperty().bind(python == null ? viewModel.runningProperty().not()
                : viewModel.runningProperty().or(python.runningProperty()).not());
        stop.setOnAction(e -> {
            viewModel.stop();
            if (python != null) {
                python.stop();
            }
        });
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
        FlowPane bar = new FlowPane(run, stop, delay);
        if (python != null) {
            Button onPython = new Button("Run on this Python ▶");
            onPython.setId("reality-python");
            onPython.disableProperty().bind(python.runningProperty().or(viewModel.theoryProperty().isNull()));
            onPython.setOnAction(e -> runOnPython.run());
            onPython.setTooltip(new Tooltip("Runs the race " + PythonTrialsViewModel.TRIALS + " times on the Python "
                    + "found on this computer, one process each, with the program chosen under Python's switches"));
            bar.getChildren().add(onPython);
        }
        bar.getChildren().add(rate);
        bar.getStyleClass().add("reality-controls");
        bar.setMinHeight(Region.USE_PREF_SIZE);
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
        VBox box = new VBox(headline, warning);
        if (python != null) {
            Label notice = new Label();
            notice.setId("reality-python-notice");
            notice.getStyleClass().add("python-notice");
            notice.setWrapText(true);
            notice.textProperty().bind(python.noticeProperty());
            notice.visibleProperty().bind(python.noticeProperty().isNotEmpty());
            notice.managedProperty().bind(notice.visibleProperty());
            python.missingProperty().addListener((o, was, missing) -> {
                notice.getStyleClass().remove("missing");
                if (missing) {
                    notice.getStyleClass().add("missing");
                }
            });
            box.getChildren().add(notice);
        }
        return box;
    }

    private void showReport(RealityReport report) {
        RealityReport r = report;
        if (r == null && viewModel.theoryProperty().get() != null) {
            // Before a real run the chart still names the race's final values, so a Python run has its bars.
            r = RealityReport.of(viewModel.theoryProperty().get(), viewModel.delayProperty().get(),
                    new RealitySnapshot(0, 0, new java.util.TreeMap<>(), false));
        }
        PythonReport py = python == null ? null : python.reportProperty().get();
        List<XYChart.Series<String, Number>> shown = new ArrayList<>(series);
        if (py != null) {
            shown.add(pythonSeries);
        }
        if (r == null) {
            shown.forEach(s -> s.getData().clear());
            return;
        }
        List<RealityReport.Row> rows = r.rows();
        if (!sameCategories(rows, shown)) {
            shown.forEach(s -> s.getData().clear());
            for (RealityReport.Row row : rows) {
                String v = Integer.toString(row.finalValue());
                for (XYChart.Series<String, Number> s : shown) {
                    s.getData().add(bar(v));
                }
            }
        }
        if (!chart.getData().equals(shown)) {
            chart.getData().setAll(shown);
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
            if (py != null) {
                double share = PythonTrialsViewModel.share(py, r.config().start(), row.finalValue());
                set(pythonSeries.getData().get(i), share, row, String.format(Locale.ROOT,
                        "Final %d: %d of %d trials on %s (%s)", row.finalValue(),
                        Math.round(share * py.runs().size()), py.runs().size(), python.sourceNameProperty().get(),
                        pct(share)));
            }
        }
    }

    private static boolean sameCategories(List<RealityReport.Row> rows, List<XYChart.Series<String, Number>> shown) {
        for (XYChart.Series<String, Number> s : shown) {
            if (s.getData().size() != rows.size()) {
                return false;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!s.getData().get(i).getXValue().equals(Integer.toString(rows.get(i).finalValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static XYChart.Data<String, Number> bar(String value) {
        XYChart.Data<String, Number> d = new XYChart.Data<>(value, 0);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        d.setExtraValue(tip);
        d.nodeProperty().addListener((o, old, n) -> {
            if (n != null) {
                Tooltip.install(n, tip);
            }
        });
        return d;
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
}
