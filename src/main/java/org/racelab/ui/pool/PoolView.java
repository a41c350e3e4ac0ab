package org.racelab.ui.pool;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.racelab.lab.pool.PoolRunResult;
import org.racelab.lab.pool.PoolSettings;
import org.racelab.ui.controls.FitTriggers;
import org.racelab.ui.controls.Stylesheets;

/**
 * The pool part's view, built in code and bound to {@link PoolViewModel}: the settings, the run buttons and the
 * GIL switch, the live Gantt chart beside the sweep chart, and tabs for map / as_completed, thread cost and code.
 *
 * <p>Presenting (the scene root has the pseudo-class {@code presentation}), its type grows to at least 2.6 % of
 * the window's height, so a student in the back row can read it; the zoom scales it further.
 */
public final class PoolView extends StackPane {

    /** The shell's root font presenting at 100 % zoom (15 px × 1.25); above it, the zoom scales this view too. */
    static final double PRESENTING_BASE_PX = 18.75;
    /** Presenting, the type is this share of the window's height, so it stays above 2.5 % of the screen. */
    static final double PRESENTING_SHARE = 0.026;
    /** The Gantt chart's share of the width, in percent; the sweep chart has the rest. */
    static final double GANTT_SHARE = 58;

    private final PoolViewModel vm;
    private final BorderPane content = new BorderPane();
    private final Label probe = new Label("x");
    private final GanttChart gantt;
    private final Label backlog = new Label();
    private final LineChart<String, Number> sweepChart;
    private final PoolTypeFit typeFit;
    private boolean fitting;
    private final XYChart.Series<String, Number> measured = new XYChart.Series<>();
    private final XYChart.Series<String, Number> ideal = new XYChart.Series<>();
    private final AnimationTimer ticker = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.tick();
        }
    };

    private final ReadOnlyBooleanProperty presenting;
    private final ToggleButton settingsShown = new ToggleButton("Settings");

    public PoolView(PoolViewModel vm) {
        this.vm = vm;
        presenting = FitTriggers.install(this, probe);
        settingsShown.setId("pool-settings-toggle");
        settingsShown.visibleProperty().bind(presenting);
        settingsShown.managedProperty().bind(presenting);
        getStyleClass().add("pool-root");
        getStylesheets().add(Stylesheets.url(PoolView.class, "pool-view.css"));
        content.getStyleClass().add("pool-view");
        content.setId("pool-view");
        content.setMinWidth(0);
        probe.getStyleClass().add("pool-probe");
        probe.setVisible(false);
        probe.setManaged(false);

        Region io = swatch("pool-swatch-io");
        Region compute = swatch("pool-swatch-compute");
        Region gilWait = swatch("pool-swatch-gil");
        Label ganttTitle = new Label("Workers over time");
        ganttTitle.getStyleClass().add("pool-title");
        gantt = new GanttChart(io, compute, gilWait, ganttTitle);
        gantt.setId("pool-gantt");
        backlog.setId("pool-backlog");
        backlog.getStyleClass().add("pool-backlog");

        // A flow, not a row: presenting on a narrow screen the legend wraps instead of cutting its words.
        FlowPane legend = new FlowPane(legendItem(io, "waiting on I/O"), legendItem(compute, "computing"),
                legendItem(gilWait, "waiting for the GIL"), backlog);
        legend.getStyleClass().add("pool-legend");
        VBox ganttBox = new VBox(ganttTitle, legend, gantt);
        ganttBox.getStyleClass().add("pool-panel");
        VBox.setVgrow(gantt, Priority.ALWAYS);

        sweepChart = sweepChart();
        GridPane runGrid = new GridPane();
        runGrid.getStyleClass().add("pool-run-grid");
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(GANTT_SHARE);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(100 - GANTT_SHARE);
        runGrid.getColumnConstraints().addAll(left, right);
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        runGrid.getRowConstraints().add(row);
        runGrid.add(ganttBox, 0, 0);
        runGrid.add(sweepChart, 1, 0);

        // Toggle buttons over a stack, not a TabPane: the shell finds its own tab strip by looking up the first
        // ".headers-region", and a nested TabPane's strip made the window bar drop PNG, Copy and Present.
        FlowPane picker = new FlowPane();
        BorderPane pages = pages(picker, new String[] {"Gantt & sweep", "map / as_completed", "Thread vs pool", "Code"},
                new javafx.scene.Node[] {runGrid, PoolPanes.orders(vm), PoolPanes.threadCost(vm), PoolPanes.code()});
        pages.setId("pool-tabs");
        // Presenting, the shell folds the settings away; the Settings button brings them back on this screen.
        javafx.scene.Node settingsRow = PoolSettingsRow.of(vm);
        settingsRow.visibleProperty().bind(presenting.not().or(settingsShown.selectedProperty()));
        settingsRow.managedProperty().bind(settingsRow.visibleProperty());
        VBox top = new VBox(settingsRow, actionRow(picker));
        top.getStyleClass().add("pool-top");
        content.setTop(top);
        content.setCenter(pages);
        getChildren().addAll(probe, content);
        typeFit = new PoolTypeFit(content, top, ganttBox, gantt, probe);

        Runnable redraw = () -> gantt.show(vm.snapshotProperty().get(), vm.sequentialSnapshotProperty().get(),
                sequentialNote());
        vm.snapshotProperty().addListener((obs, old, now) -> redraw.run());
        vm.sequentialSnapshotProperty().addListener((obs, old, now) -> redraw.run());
        vm.snapshotProperty().addListener((obs, old, now) -> backlog.setText(backlogText()));
        vm.tasksProperty().addListener((obs, old, now) -> redraw.run());
        vm.latencyMsProperty().addListener((obs, old, now) -> redraw.run());
        backlog.setText(backlogText());
        redraw.run();
        vm.sweepPoints().addListener((ListChangeListener<PoolRunResult>) c -> fillSweep());
        vm.runningProperty().addListener((obs, old, on) -> {
            if (on) {
                ticker.start();
            } else {
                ticker.stop();
            }
        });
    }

    /** One page on show at a time, picked by toggle buttons (in {@code picker}) named like the old tabs. */
    private static BorderPane pages(FlowPane picker, String[] names, javafx.scene.Node[] nodes) {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        picker.getStyleClass().add("pool-pages");
        StackPane stack = new StackPane();
        stack.setMinSize(0, 0);
        for (int i = 0; i < names.length; i++) {
            ToggleButton b = new ToggleButton(names[i]);
            // "as_completed" keeps its underscore: no mnemonic parsing.
            b.setMnemonicParsing(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setToggleGroup(group);
            b.setId("pool-page-" + i);
            b.getStyleClass().add("pool-page");
            javafx.scene.Node page = nodes[i];
            page.visibleProperty().bind(b.selectedProperty());
            page.managedProperty().bind(b.selectedProperty());
            picker.getChildren().add(b);
            stack.getChildren().add(page);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
        });
        group.selectToggle(group.getToggles().get(0));
        BorderPane pages = new BorderPane(stack);
        pages.setMinSize(0, 0);
        return pages;
    }

    private String sequentialNote() {
        try {
            PoolSettings s = vm.settings();
            return String.format(java.util.Locale.ROOT, "not run: one thread would take about %.1f s (Sequential)",
                    s.sequentialSeconds());
        } catch (IllegalArgumentException e) {
            return "not run";
        }
    }

    private String backlogText() {
        var s = vm.snapshotProperty().get();
        return "Backlog: " + s.backlog() + " queued · " + s.finished() + " of " + s.submitted() + " done";
    }

    private static Region swatch(String styleClass) {
        Region r = new Region();
        r.getStyleClass().addAll("pool-swatch", styleClass);
        return r;
    }

    private static HBox legendItem(Region swatch, String text) {
        HBox box = new HBox(swatch, new Label(text));
        box.getStyleClass().add("pool-legend-item");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox actionRow(FlowPane picker) {
        Button run = new Button("Run");
        run.setId("pool-run");
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.run());
        Button sequential = new Button("Sequential");
        sequential.setId("pool-sequential");
        sequential.setOnAction(e -> vm.runSequential());
        Button sweep = new Button("Sweep 1–64");
        sweep.setId("pool-sweep");
        sweep.setOnAction(e -> vm.sweep());
        for (Button b : new Button[] {run, sequential, sweep}) {
            b.disableProperty().bind(vm.runningProperty());
        }
        Button stop = new Button("Stop");
        stop.setId("pool-stop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        ToggleButton gil = new ToggleButton();
        gil.setId("pool-gil");
        gil.getStyleClass().add("pool-gil");
        gil.selectedProperty().bindBidirectional(vm.gilProperty());
        gil.textProperty().bind(Bindings.when(vm.gilProperty()).then("GIL: on").otherwise("GIL: off"));
        gil.disableProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("pool-status");
        status.getStyleClass().add("pool-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Label speedUp = new Label();
        speedUp.setId("pool-speedup");
        speedUp.getStyleClass().add("pool-status");
        speedUp.textProperty().bind(Bindings.createStringBinding(
                () -> PoolViewModel.speedUp(vm.lastRunProperty().get(), vm.sequentialRunProperty().get()).orElse(""),
                vm.lastRunProperty(), vm.sequentialRunProperty()));
        Label error = new Label();
        error.setId("pool-error");
        error.getStyleClass().add("pool-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        // A flow, not a row: at 1024 px and a large zoom the buttons wrap instead of shrinking to "S...".
        FlowPane buttons = new FlowPane(run, stop, sequential, sweep, gil, settingsShown);
        buttons.getChildren().addAll(java.util.List.copyOf(picker.getChildren()));
        buttons.getStyleClass().add("pool-actions");
        buttons.setAlignment(Pos.CENTER_LEFT);
        // The page picker shares the buttons' line: a row of its own cost the charts their height at 150 %.
        for (javafx.scene.Node b : java.util.List.of(run, stop, sequential, sweep, gil, settingsShown)) {
            ((Region) b).setMinWidth(Region.USE_PREF_SIZE);
        }
        speedUp.visibleProperty().bind(speedUp.textProperty().isNotEmpty());
        speedUp.managedProperty().bind(speedUp.visibleProperty());
        VBox texts = new VBox(status, speedUp);
        texts.getStyleClass().add("pool-texts");
        speedUp.setWrapText(true);
        status.setMinWidth(0);
        speedUp.setMinWidth(0);
        return new VBox(buttons, texts, error);
    }

    private LineChart<String, Number> sweepChart() {
        CategoryAxis x = new CategoryAxis();
        x.setLabel("workers");
        x.setAnimated(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("seconds");
        y.setAnimated(false);
        LineChart<String, Number> chart = new LineChart<>(x, y);
        chart.setId("pool-sweep-chart");
        chart.getStyleClass().add("pool-sweep-chart");
        chart.setTitle("Sweep: measured vs ideal");
        chart.setAnimated(false);
        chart.setMinSize(0, 0);
        measured.setName("measured");
        ideal.setName("ideal");
        chart.getData().add(measured);
        chart.getData().add(ideal);
        return chart;
    }

    private void fillSweep() {
        measured.getData().clear();
        ideal.getData().clear();
        for (PoolRunResult r : vm.sweepPoints()) {
            String w = String.valueOf(r.workers());
            measured.getData().add(new XYChart.Data<>(w, r.seconds()));
            ideal.getData().add(new XYChart.Data<>(w, r.idealSeconds()));
        }
    }

    /** Any size will do: the type shrinks until the view fits (see the fit in layoutChildren). */
    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        if (!fitting && getScene() != null) {
            fitting = true;
            try {
                typeFit.fit(getScene(), presenting.get(), getWidth(), getHeight());
            } finally {
                fitting = false;
            }
        }
        super.layoutChildren();
    }

    /** Stops the live redraw; the view-model's dispose stops the work. */
    void dispose() {
        ticker.stop();
    }
}
