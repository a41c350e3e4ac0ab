package org.racelab.ui.lab;

import org.racelab.ui.controls.Stylesheets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRun;
import org.racelab.lab.FrameGapStats;
import org.racelab.lab.LabSettings;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.RunStatus;
import org.racelab.ui.part.PartStyle;

/**
 * The lab screen: settings on the left (folded into a drawer when presenting or narrow), the live bar (start, stop,
 * lock switch) over the charts, and the results table below.
 */
public final class LabView extends BorderPane {

    static final String STYLESHEET = "lab-view.css";
    /** Developer tools (the frame-gap line) show only with {@code -Dracelab.dev=true}. */
    public static final String DEV_PROPERTY = "racelab.dev";
    /** How often the live readout and the charts take the run's newest reading: ten times a second. */
    static final Duration SHOW_EVERY = Duration.millis(100);
    /** Presenting, the table's height in em: its header and scroll bar, one line per run, and at most this. */
    private static final double TABLE_HEADER_EM = 2.8;
    private static final double TABLE_ROW_EM = 1.7;
    private static final double TABLE_MAX_EM = 8;

    private final LabViewModel viewModel;
    private final LabSettingsForm settingsForm;
    private final TableView<LabRow> table;
    /** The one FX-side timer of the live path: it reads the session's newest reading while a run goes. */
    private final Timeline liveTimer = new Timeline(new KeyFrame(SHOW_EVERY, e -> viewModel().showLatest()));
    private final FrameGapMeter meter;
    private final LabPresentation presentation;
    private final LabFolding folding;
    private boolean presenting;

    /** The lab screen; the frame-gap line shows when the system property {@value #DEV_PROPERTY} is true. */
    public LabView(LabViewModel viewModel) {
        this(viewModel, Boolean.getBoolean(DEV_PROPERTY));
    }

    /** The lab screen, with the developer's frame-gap line or without. */
    public LabView(LabViewModel viewModel, boolean devTools) {
        this.viewModel = viewModel;
        this.settingsForm = new LabSettingsForm(viewModel);
        getStyleClass().add("lab-view");
        getStylesheets().add(Stylesheets.url(LabView.class, STYLESHEET));
        // Controls beside the charts; the results table spans the full width below so its explanations fit.
        table = LabResultsTable.create(viewModel.rows());
        Label frames = devTools ? frameGapLine() : null;
        meter = devTools ? new FrameGapMeter(s -> frames.setText(frameText(s))) : null;
        Label explanation = LabResultsTable.explanationLine(table);
        VBox bottom = new VBox(table, explanation, statusBar(frames));
        bottom.getStyleClass().add("lab-bottom");
        Node settings = settingsForm.pane();
        ToggleButton settingsToggle = new ToggleButton("Settings");
        settingsToggle.setId("lab-settings-toggle");
        Node center = results(settingsToggle);
        folding = new LabFolding(this, settings, center, settingsToggle);
        setBottom(bottom);
        // An invisible label right under the view carries the window's root font (the zoom) for presenting.
        Label rootFont = new Label();
        rootFont.setManaged(false);
        rootFont.setVisible(false);
        getChildren().add(rootFont);
        presentation = new LabPresentation(this, rootFont, List.of(settings, center, bottom),
                (presenting, folded) -> {
                    folding.fold(folded);
                    LabResultsTable.explainBelow(table, explanation, presenting);
                    this.presenting = presenting;
                    fitTableToRuns();
                });
        viewModel.rows().addListener((javafx.collections.ListChangeListener<LabRow>) c -> fitTableToRuns());
        liveTimer.setCycleCount(Animation.INDEFINITE);
        viewModel.runningProperty().addListener((obs, was, running) -> runningChanged(running));
        runningChanged(viewModel.isRunning());
        // Right after the tab first shows, while nothing runs or is measured.
        Platform.runLater(this::rehearse);
    }

    /**
     * Presenting, the table is as tall as its runs (one line each) up to about four of them, so a single run
     * leaves the height to the charts.
     */
    private void fitTableToRuns() {
        table.setStyle(presenting ? String.format(Locale.ROOT, "-fx-pref-height: %.1fem;",
                Math.min(TABLE_MAX_EM, TABLE_HEADER_EM + TABLE_ROW_EM * Math.max(1, viewModel.rows().size()))) : "");
    }

    private void runningChanged(boolean running) {
        if (running) {
            liveTimer.play();
            if (meter != null) {
                meter.start();
            }
        } else {
            liveTimer.stop();
            if (meter != null) {
                meter.stop();
            }
        }
    }

    /** The frame-gap figures of the run going or the last one; empty without developer tools. */
    FrameGapStats frameGaps() {
        return meter == null ? FrameGapStats.EMPTY : meter.stats();
    }

    /**
     * Puts a sample row through a detached copy of the results table and a sample line through a detached chart,
     * CSS, layout and a snapshot included. The first finished run would otherwise be the first time this JVM
     * loads and runs the cell skins, their CSS and the number formatting, all on the JavaFX thread while the
     * workers hold both cores: measured, that one moment was the run's longest frame gap (70-110 ms).
     */
    private void rehearse() {
        CounterRunResult sample = new CounterRunResult(CounterKind.SYNCHRONIZED, 2, 2, 10, 20, 20, 18, 2, 0.5,
                RunStatus.COMPLETED, Optional.empty(), List.of(1, 0));
        TableView<LabRow> shadowTable = LabResultsTable.create(FXCollections.observableArrayList(
                new LabRow(sample, RunExplanation.forThisMachine().explain(sample, Optional.of(sample)))));
        javafx.collections.ObservableList<XYChart.Series<Number, Number>> lines = FXCollections.observableArrayList();
        LineChart<Number, Number> shadowChart = LabCharts.chart("lab-rehearsal-chart", "", lines);
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.getData().add(new XYChart.Data<>(0, 0));
        line.getData().add(new XYChart.Data<>(1, 2));
        lines.add(line);
        LabCharts.styleLine(line, "lab-line-unsafe");
        VBox shadow = new VBox(shadowTable, shadowChart);
        shadow.getStyleClass().setAll(getStyleClass());
        shadow.getStylesheets().setAll(getStylesheets());
        Scene scene = new Scene(shadow, 900, 500);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        shadow.applyCss();
        shadow.layout();
        scene.snapshot(null);
    }

    public LabViewModel viewModel() {
        return viewModel;
    }

    private static Label frameGapLine() {
        Label frames = hint(frameText(FrameGapStats.EMPTY));
        frames.setId("lab-frame-gaps");
        frames.getStyleClass().add("lab-frame-gaps");
        frames.setTooltip(new Tooltip("Intervals between JavaFX pulses while a run goes, measured with an "
                + "AnimationTimer. Targets: p99 ≤ 34 ms, max ≤ 100 ms (a smooth window never freezes)."));
        return frames;
    }

    /** The bar under the table: the frame-gap line (developer tools only) and the clear button. */
    private HBox statusBar(Label frames) {
        Button clear = new Button("Clear charts and table");
        clear.setId("lab-clear");
        clear.setOnAction(e -> viewModel.clear());
        clear.disableProperty().bind(viewModel.runningProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = frames == null ? new HBox(gap, clear) : new HBox(frames, gap, clear);
        bar.getStyleClass().addAll("lab-status-bar", PartStyle.SECONDARY);
        return bar;
    }

    private static String frameText(FrameGapStats s) {
        return s.frames() == 0 ? "Smoothness: frame gaps are measured while a run goes."
                : "Smoothness (frame gaps): " + s;
    }

    private Node results(ToggleButton settingsToggle) {
        Label error = new Label();
        error.setId("lab-error");
        error.getStyleClass().add("lab-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label status = hint("");
        status.setId("lab-status");
        // Presenting, the readout and the table say it all; the status line gives the charts its height.
        status.getStyleClass().add(PartStyle.SECONDARY);
        status.textProperty().bind(viewModel.statusProperty());
        status.setMinHeight(Region.USE_PREF_SIZE);

        Label readout = new Label();
        readout.setId("lab-readout");
        readout.getStyleClass().add("lab-readout");
        readout.setWrapText(true);
        readout.setMinHeight(Region.USE_PREF_SIZE);
        readout.textProperty().bind(Bindings.when(viewModel.readoutProperty().isEmpty())
                .then("Press Start: the counter below is shared by every worker thread.")
                .otherwise(viewModel.readoutProperty()));
        readout.setTooltip(approximateTip());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.getStyleClass().add("lab-progress");
        bar.setMaxWidth(Double.MAX_VALUE);

        LineChart<Number, Number> lost = new LabCharts(viewModel.chart(), "lab-lost-chart", "Lost updates so far",
                LabChartWindow.Point::lost).chart();
        Tooltip.install(lost, approximateTip());
        LineChart<Number, Number> rate = new LabCharts(viewModel.chart(), "lab-rate-chart",
                "Throughput, M increments/s", LabChartWindow.Point::millionsPerSecond).chart();
        HBox charts = new HBox(lost, rate);
        charts.getStyleClass().add("lab-charts");
        HBox.setHgrow(lost, Priority.ALWAYS);
        HBox.setHgrow(rate, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);

        FlowPane legend = new FlowPane();
        legend.getStyleClass().add("lab-legend");
        // Squeezed, a wrapped legend would draw its second row over the table.
        legend.setMinHeight(Region.USE_PREF_SIZE);
        legend.getChildren().addAll(
                legendItem("unsafe (no lock)", "lab-line-unsafe"),
                legendItem("synchronized", "lab-line-synchronized"),
                legendItem("lock (ReentrantLock)", "lab-line-lock"),
                legendItem("atomic (AtomicLong)", "lab-line-atomic"),
                legendItem("adder (LongAdder)", "lab-line-adder"),
                legendItem("switchable, unlocked", "lab-line-unlocked"),
                legendItem("switchable, locked", "lab-line-locked"));

        showOnlyDrawnLines(legend);
        VBox box = new VBox(LabLiveBar.create(viewModel, settingsToggle), error, readout, status, bar, charts, legend);
        box.getStyleClass().add("lab-results");
        return box;
    }

    /** The legend names only the lines the charts draw, so it never outgrows them on a small screen. */
    private void showOnlyDrawnLines(FlowPane legend) {
        Runnable update = () -> {
            boolean any = false;
            for (Node item : legend.getChildren()) {
                String line = (String) item.getUserData();
                boolean drawn = viewModel.chart().lines().stream().anyMatch(l -> l.styleClass().equals(line));
                item.setVisible(drawn);
                item.setManaged(drawn);
                any |= drawn;
            }
            legend.setVisible(any);
            legend.setManaged(any);
        };
        viewModel.chart().lines().addListener((javafx.collections.ListChangeListener<LabChartWindow.Line>) c -> update.run());
        update.run();
    }

    private static Tooltip approximateTip() {
        return new Tooltip(String.format(Locale.ROOT, "Lost so far is approximate while the run is going: each "
                + "worker publishes its private count every %,d increments, so the live figure lags a little. "
                + "The numbers in the table, taken after every task finished, are exact.", CounterRun.PUBLISH_EVERY));
    }

    private static Label legendItem(String text, String lineClass) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("lab-swatch", lineClass);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("lab-legend-item");
        label.setUserData(lineClass);
        return label;
    }

    private static Label hint(String text) {
        return LabSettingsForm.hint(text);
    }
}
