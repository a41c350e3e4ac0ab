package org.racelab.ui.lab;

import org.racelab.ui.controls.Stylesheets;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRun;
import org.racelab.lab.FrameGapStats;
import org.racelab.lab.LabSettings;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.RunStatus;

/** The lab screen: settings and controls on the left, live charts and the results table on the right. */
public final class LabView extends BorderPane {

    static final String STYLESHEET = "lab-view.css";
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
    private static final PseudoClass UNLOCKED = PseudoClass.getPseudoClass("unlocked");

    private final LabViewModel viewModel;
    // Bidirectional bindings hold their ends weakly: keep the adapters alive as long as the view.
    private final ObjectProperty<Integer> workersValue;
    private final ObjectProperty<Integer> tasksValue;
    private final ObjectProperty<Integer> incrementsValue;
    private Label frames;
    private final TableView<LabRow> table;

    public LabView(LabViewModel viewModel) {
        this.viewModel = viewModel;
        this.workersValue = viewModel.workersProperty().asObject();
        this.tasksValue = viewModel.tasksProperty().asObject();
        this.incrementsValue = viewModel.incrementsProperty().asObject();
        getStyleClass().add("lab-view");
        getStylesheets().add(Stylesheets.url(LabView.class, STYLESHEET));
        // Controls beside the charts; the results table spans the full width below so its explanations fit.
        table = table(viewModel.rows());
        VBox bottom = new VBox(table, frames());
        bottom.getStyleClass().add("lab-bottom");
        setLeft(controls());
        setCenter(results());
        setBottom(bottom);
        // Right after the tab first shows, while nothing runs or is measured.
        Platform.runLater(this::rehearse);
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
        TableView<LabRow> shadowTable = table(FXCollections.observableArrayList(
                new LabRow(sample, sample.explanation(Optional.of(sample)))));
        javafx.collections.ObservableList<XYChart.Series<Number, Number>> lines = FXCollections.observableArrayList();
        LineChart<Number, Number> shadowChart = chart("lab-rehearsal-chart", "", "", lines);
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.getData().add(new XYChart.Data<>(0, 0));
        line.getData().add(new XYChart.Data<>(1, 2));
        lines.add(line);
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

    private Node controls() {

        ComboBox<CounterKind> counter = new ComboBox<>();
        counter.setId("lab-counter");
        counter.getItems().setAll(CounterKind.values());
        counter.valueProperty().bindBidirectional(viewModel.counterProperty());
        counter.setButtonCell(new KindCell());
        counter.setCellFactory(list -> new KindCell());
        counter.setMaxWidth(Double.MAX_VALUE);
        counter.disableProperty().bind(viewModel.runningProperty());
        Label counterHelp = hint("");
        counterHelp.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.counterProperty().get() == null ? "" : viewModel.counterProperty().get().description(),
                viewModel.counterProperty()));

        Spinner<Integer> workers = spinner("lab-workers", "Workers", LabSettings.MIN_WORKERS, LabSettings.MAX_WORKERS, 1,
                workersValue);
        int cpus = Runtime.getRuntime().availableProcessors();
        Label workersHelp = hint(String.format(Locale.ROOT,
                "Default %d = min(32, CPUs + 4) with %d CPUs: Python's ThreadPoolExecutor rule.",
                LabSettings.defaultWorkers(), cpus));
        Spinner<Integer> tasks = spinner("lab-tasks", "Tasks", 1, 10_000, 1, tasksValue);
        Spinner<Integer> increments = spinner("lab-increments", "Increments per task", 1, 1_000_000_000, 1_000_000, incrementsValue);
        Label expected = hint("");
        expected.setId("lab-expected");
        expected.textProperty().bind(Bindings.createStringBinding(() ->
                viewModel.counterProperty().get() == CounterKind.SWITCHABLE
                        ? "The switchable counter runs until you press Stop (compare all uses these increments)."
                        : String.format(Locale.ROOT, "Expected final value: T × I = %,d",
                                (long) viewModel.tasksProperty().get() * viewModel.incrementsProperty().get()),
                viewModel.tasksProperty(), viewModel.incrementsProperty(), viewModel.counterProperty()));

        VBox form = new VBox(
                field("Counter", counter, counterHelp),
                field("Workers (pool threads, 1-64)", workers, workersHelp),
                sideBySide(field("Tasks", tasks), field("Increments / task", increments)),
                expected);
        form.getStyleClass().add("lab-form");

        Button start = new Button("Start");
        start.setId("lab-start");
        // Not a default button: Enter in a number field must commit the number, not start a run.
        start.setOnAction(e -> viewModel.start());
        start.disableProperty().bind(viewModel.runningProperty());
        Button compare = new Button("Compare all");
        compare.setId("lab-compare");
        compare.setTooltip(new Tooltip("Runs unsafe, synchronized, lock, atomic and adder in turn with these settings."));
        compare.setOnAction(e -> viewModel.compareAll());
        compare.disableProperty().bind(viewModel.runningProperty());
        Button stop = new Button("Stop");
        stop.setId("lab-stop");
        stop.setOnAction(e -> viewModel.stop());
        stop.disableProperty().bind(viewModel.runningProperty().not());
        stop.getStyleClass().add("lab-stop");
        HBox buttons = new HBox(start, compare, stop);
        buttons.getStyleClass().add("lab-buttons");

        ToggleSwitch lock = new ToggleSwitch("Lock");
        lock.setId("lab-lock");
        lock.selectedProperty().bindBidirectional(viewModel.lockOnProperty());
        lock.pseudoClassStateChanged(UNLOCKED, !lock.isSelected());
        lock.selectedProperty().addListener((obs, was, on) -> lock.pseudoClassStateChanged(UNLOCKED, !on));
        Label lockState = new Label();
        lockState.setId("lab-lock-state");
        lockState.getStyleClass().add("lab-lock-state");
        lockState.textProperty().bind(Bindings.when(viewModel.lockOnProperty())
                .then("LOCKED").otherwise("UNLOCKED"));
        lockState.pseudoClassStateChanged(UNLOCKED, true);
        viewModel.lockOnProperty().addListener((obs, was, on) -> lockState.pseudoClassStateChanged(UNLOCKED, !on));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label lockTitle = new Label("Live lock switch");
        lockTitle.getStyleClass().add("lab-field-label");
        HBox lockRow = new HBox(lock, gap, lockState);
        lockRow.getStyleClass().add("lab-lock-row");
        Label lockHelp = hint("During a switchable run the workers take the ReentrantLock path (on) or the bare "
                + "read-then-write (off) from their next increment. Key: L");

        Label error = new Label();
        error.setId("lab-error");
        error.getStyleClass().add("lab-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label status = hint("");
        status.setId("lab-status");
        status.textProperty().bind(viewModel.statusProperty());

        VBox box = new VBox(form, buttons, new Separator(Orientation.HORIZONTAL), lockTitle, lockRow, lockHelp,
                new Separator(Orientation.HORIZONTAL), error, status);
        box.getStyleClass().add("lab-controls");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lab-controls-scroll");
        return scroll;
    }

    private HBox frames() {
        frames = hint("");
        frames.setId("lab-frame-gaps");
        frames.getStyleClass().add("lab-frame-gaps");
        frames.textProperty().bind(Bindings.createStringBinding(() -> frameText(viewModel.frameGapsProperty().get()),
                viewModel.frameGapsProperty()));
        frames.setTooltip(new Tooltip("Intervals between JavaFX pulses while a run goes, measured with an "
                + "AnimationTimer. Targets: p99 ≤ 34 ms, max ≤ 100 ms (a smooth window never freezes)."));

        Button clear = new Button("Clear charts and table");
        clear.setId("lab-clear");
        clear.setOnAction(e -> viewModel.clear());
        clear.disableProperty().bind(viewModel.runningProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(frames, gap, clear);
        bar.getStyleClass().add("lab-status-bar");
        return bar;
    }

    private static String frameText(FrameGapStats s) {
        return s.frames() == 0 ? "Smoothness: frame gaps are measured while a run goes."
                : "Smoothness (frame gaps): " + s;
    }

    private Node results() {
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

        LineChart<Number, Number> lost = chart("lab-lost-chart", "Lost updates so far",
                "lost updates", viewModel.lostSeries());
        Tooltip.install(lost, approximateTip());
        LineChart<Number, Number> rate = chart("lab-rate-chart", "Throughput", "million increments / s",
                viewModel.rateSeries());
        HBox charts = new HBox(lost, rate);
        charts.getStyleClass().add("lab-charts");
        HBox.setHgrow(lost, Priority.ALWAYS);
        HBox.setHgrow(rate, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);

        FlowPane legend = new FlowPane();
        legend.getStyleClass().add("lab-legend");
        legend.getChildren().addAll(
                legendItem("unsafe (no lock)", "lab-line-unsafe"),
                legendItem("synchronized", "lab-line-synchronized"),
                legendItem("lock (ReentrantLock)", "lab-line-lock"),
                legendItem("atomic (AtomicLong)", "lab-line-atomic"),
                legendItem("adder (LongAdder)", "lab-line-adder"),
                legendItem("switchable, unlocked", "lab-line-unlocked"),
                legendItem("switchable, locked", "lab-line-locked"));

        VBox box = new VBox(readout, bar, charts, legend);
        box.getStyleClass().add("lab-results");
        return box;
    }

    private static Tooltip approximateTip() {
        return new Tooltip(String.format(Locale.ROOT, "Lost so far is approximate while the run is going: each "
                + "worker publishes its private count every %,d increments, so the live figure lags a little. "
                + "The numbers in the table, taken after every task finished, are exact.", CounterRun.PUBLISH_EVERY));
    }

    private LineChart<Number, Number> chart(String id, String title, String yLabel,
            javafx.collections.ObservableList<XYChart.Series<Number, Number>> data) {
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds");
        x.setAutoRanging(false);
        x.setTickUnit(10);
        x.setAnimated(false);
        x.lowerBoundProperty().bind(viewModel.chartLowerProperty());
        x.upperBoundProperty().bind(viewModel.chartUpperProperty());
        // The window scrolls continuously, so bounds are fractional: label whole seconds only.
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return String.format(Locale.ROOT, "%.0f", seconds.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(true);
        y.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setData(data);
        // The chart's own listener (added by setData) has created each line's Path by the time this one runs.
        data.addListener((ListChangeListener<XYChart.Series<Number, Number>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::styleLine);
            }
        });
        data.forEach(this::styleLine);
        return chart;
    }

    private void styleLine(XYChart.Series<Number, Number> series) {
        Node line = series.getNode();
        if (line == null) {
            return;
        }
        String style = viewModel.styleClassOf(series);
        line.getStyleClass().add(style);
        // LineChart resets a line's style classes (setAll) when series come and go: put ours back each time.
        line.getStyleClass().addListener((ListChangeListener<String>) change -> {
            if (!line.getStyleClass().contains(style)) {
                Platform.runLater(() -> {
                    if (!line.getStyleClass().contains(style)) {
                        line.getStyleClass().add(style);
                    }
                });
            }
        });
    }

    private static Label legendItem(String text, String lineClass) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("lab-swatch", lineClass);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("lab-legend-item");
        return label;
    }

    private TableView<LabRow> table(javafx.collections.ObservableList<LabRow> rows) {
        TableView<LabRow> table = new TableView<>(rows);
        table.setId("lab-table");
        table.getStyleClass().add("lab-table");
        table.setPlaceholder(new Label("Finished runs appear here with their exact figures."));
        table.getColumns().add(column("Counter", r -> r.counter().id()
                + (r.status() == RunStatus.COMPLETED ? "" : " (" + r.status().name().toLowerCase(Locale.ROOT) + ")"), false));
        table.getColumns().add(column("Expected", r -> r.status() == RunStatus.STOPPED
                ? String.format(Locale.ROOT, "%,d tried", r.attempts()) : String.format(Locale.ROOT, "%,d", r.expected()), true));
        table.getColumns().add(column("Final", r -> String.format(Locale.ROOT, "%,d", r.finalValue()), true));
        table.getColumns().add(column("Lost", r -> String.format(Locale.ROOT, "%,d", r.lost()), true));
        table.getColumns().add(column("Lost %", r -> String.format(Locale.ROOT, "%.2f %%", r.lostPercent()), true));
        table.getColumns().add(column("Time", r -> String.format(Locale.ROOT, "%.2f s", r.seconds()), true));
        table.getColumns().add(column("Increments/s", r -> String.format(Locale.ROOT, "%,.0f", r.incrementsPerSecond()), true));
        table.getColumns().get(0).setPrefWidth(125);
        TableColumn<LabRow, String> explanation = new TableColumn<>("Explanation");
        explanation.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().explanation()));
        explanation.setPrefWidth(560);
        explanation.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        explanation.setMinWidth(200);
        table.getColumns().add(explanation);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LabRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FAILED, !empty && row != null && row.result().failed());
                pseudoClassStateChanged(STOPPED, !empty && row != null && row.result().status() == RunStatus.STOPPED);
            }
        });
        // Newest run in view.
        rows.addListener((ListChangeListener<LabRow>) c -> table.scrollTo(rows.size() - 1));
        return table;
    }

    private static TableColumn<LabRow, String> column(String title, Function<CounterRunResult, String> text, boolean number) {
        TableColumn<LabRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue().result())));
        if (number) {
            column.getStyleClass().add("number");
        }
        // Numbers must never be cut off: minimum widths fit 400,000,000-sized values at the table's font.
        column.setMinWidth(switch (title) {
            case "Expected", "Increments/s" -> 110;
            case "Final", "Lost" -> 105;
            case "Counter" -> 112;
            default -> Math.max(60, title.length() * 9 + 24);
        });
        column.setPrefWidth(switch (title) {
            case "Expected" -> 150;
            case "Final", "Lost", "Increments/s" -> 120;
            default -> Math.max(75, title.length() * 9 + 30);
        });
        return column;
    }

    private static HBox sideBySide(Node... fields) {
        HBox row = new HBox(fields);
        row.getStyleClass().add("lab-side-by-side");
        for (Node n : fields) {
            HBox.setHgrow(n, Priority.ALWAYS);
        }
        return row;
    }

    private static VBox field(String title, Node control, Node... help) {
        Label label = new Label(title);
        label.getStyleClass().add("lab-field-label");
        label.setLabelFor(control);
        VBox box = new VBox(label, control);
        box.getChildren().addAll(help);
        box.getStyleClass().add("lab-field");
        return box;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("lab-hint");
        label.setWrapText(true);
        return label;
    }

    private Spinner<Integer> spinner(String id, String name, int min, int max, int step,
            ObjectProperty<Integer> value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step);
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        factory.setConverter(new GroupedIntegers(factory, name, viewModel));
        factory.valueProperty().bindBidirectional(value);
        spinner.disableProperty().bind(viewModel.runningProperty());
        spinner.setMaxWidth(Double.MAX_VALUE);
        // Commit typed text when focus leaves, and put back the last good value if it was not a number.
        spinner.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit(spinner, factory);
            }
        });
        // Enter commits the number only; it must not fall through to the default button and start a run.
        spinner.getEditor().setOnAction(e -> {
            commit(spinner, factory);
            e.consume();
        });
        return spinner;
    }

    private void commit(Spinner<Integer> spinner, SpinnerValueFactory.IntegerSpinnerValueFactory factory) {
        // The converter reports bad text inline; here the editor only shows the value actually in force.
        factory.setValue(factory.getConverter().fromString(spinner.getEditor().getText()));
        spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
    }

    /** Shows numbers with thousands separators and accepts them back with or without. */
    private static final class GroupedIntegers extends StringConverter<Integer> {
        private final SpinnerValueFactory.IntegerSpinnerValueFactory factory;
        private final String name;
        private final LabViewModel viewModel;

        GroupedIntegers(SpinnerValueFactory.IntegerSpinnerValueFactory factory, String name, LabViewModel viewModel) {
            this.factory = factory;
            this.name = name;
            this.viewModel = viewModel;
        }

        @Override
        public String toString(Integer value) {
            return value == null ? "" : String.format(Locale.ROOT, "%,d", value);
        }

        @Override
        public Integer fromString(String text) {
            Integer parsed = parse(text);
            if (parsed == null) {
                viewModel.rejectInput(String.format(Locale.ROOT, "%s: '%s' is not a whole number; kept %,d.",
                        name, text == null ? "" : text.strip(), factory.getValue()));
                return factory.getValue();
            }
            if (parsed < factory.getMin() || parsed > factory.getMax()) {
                int clamped = Math.max(factory.getMin(), Math.min(factory.getMax(), parsed));
                viewModel.rejectInput(String.format(Locale.ROOT, "%s must be between %,d and %,d; set to %,d.",
                        name, factory.getMin(), factory.getMax(), clamped));
                return clamped;
            }
            if (!parsed.equals(factory.getValue())) {
                // Only a new, valid value clears the message: re-reading the value already in force must not.
                viewModel.acceptInput();
            }
            return parsed;
        }

        static Integer parse(String text) {
            if (text == null) {
                return null;
            }
            String digits = text.strip().replace(",", "").replace("_", "").replace(" ", "");
            ParsePosition pos = new ParsePosition(0);
            Number n = NumberFormat.getIntegerInstance(Locale.ROOT).parse(digits, pos);
            if (n == null || pos.getIndex() != digits.length() || digits.isEmpty()) {
                return null;
            }
            long v = n.longValue();
            return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : (int) v;
        }
    }

    /** Shows a counter kind by its id. */
    private static final class KindCell extends ListCell<CounterKind> {
        @Override
        protected void updateItem(CounterKind kind, boolean empty) {
            super.updateItem(kind, empty);
            setText(empty || kind == null ? null
                    : kind == CounterKind.SWITCHABLE ? "switchable (live lock)" : kind.id());
        }
    }

}
