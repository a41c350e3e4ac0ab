package org.racelab.ui.explorer;

import org.racelab.ui.controls.Stylesheets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;
import org.racelab.model.explore.ExploredSchedule;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceRange;

/**
 * The explorer screen: settings, a headline a teacher can read out, a bar chart of outcomes and a paged list of
 * the schedules of the chosen outcome, each with its stale stores marked.
 */
public final class ExplorerView extends BorderPane {

    private static final PseudoClass EXPECTED = PseudoClass.getPseudoClass("expected");
    private static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final ExplorerViewModel viewModel;
    // Held so the bidirectional bindings to the spinners are not collected.
    private final ObjectProperty<Integer> threadsValue;
    private final ObjectProperty<Integer> incrementsValue;
    private final ObjectProperty<Integer> startValue;
    private final BarChart<String, Number> chart;
    private final FlowPane outcomeButtons = new FlowPane();
    private final ToggleGroup outcomeGroup = new ToggleGroup();
    private final ListView<ScheduleRow> list = new ListView<>();
    private boolean syncingSelection;

    public ExplorerView(ExplorerViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("explorer-view");
        getStylesheets().add(Stylesheets.url(ExplorerView.class, "explorer-view.css"));
        threadsValue = viewModel.threadsProperty().asObject();
        incrementsValue = viewModel.incrementsProperty().asObject();
        startValue = viewModel.startProperty().asObject();

        CategoryAxis x = new CategoryAxis();
        x.setLabel("Final value of the counter");
        x.setTickLabelRotation(0);
        x.setAutoRanging(true);
        NumberAxis y = new NumberAxis(0, 100, 10);
        y.setLabel("%");
        chart = new BarChart<>(x, y);
        chart.getStyleClass().add("outcome-chart");
        chart.setAnimated(false);

        setTop(new VBox(settings(), headline()));
        VBox chartBox = new VBox(chart, outcomeRow());
        chartBox.getStyleClass().add("chart-box");
        VBox.setVgrow(chart, Priority.ALWAYS);
        // A split the teacher can drag: more chart, or more schedules.
        Node schedules = schedulesPane();
        VBox.setVgrow(list, Priority.ALWAYS);
        SplitPane center = new SplitPane(chartBox, RealityView.besideSchedules(schedules, viewModel));
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.5);
        center.getStyleClass().add("explorer-split");
        setCenter(center);

        viewModel.lockProperty().addListener((o, old, v) -> viewModel.settingsEdited());
        viewModel.resultProperty().addListener((o, old, r) -> showResult(r));
        viewModel.selectedOutcomeProperty().addListener((o, old, outcome) -> markSelected(outcome));
        showResult(viewModel.resultProperty().get());
    }

    // ---- settings -----------------------------------------------------------------------------------------

    private Node settings() {
        RaceRange range = ExplorerViewModel.RANGE;
        Spinner<Integer> threads = spinner(range.minThreads(), range.maxThreads(), threadsValue, "explorer-threads");
        Spinner<Integer> increments = spinner(range.minIncrements(), range.maxIncrements(), incrementsValue,
                "explorer-increments");
        Spinner<Integer> start = spinner(range.minStart(), range.maxStart(), startValue, "explorer-start");
        start.setEditable(true);
        start.getStyleClass().add("start-spinner");
        ToggleSwitch lock = new ToggleSwitch("Lock");
        lock.setId("explorer-lock");
        lock.selectedProperty().bindBidirectional(viewModel.lockProperty());

        Button explore = new Button("Explore");
        explore.setId("explorer-explore");
        explore.setDefaultButton(false);
        explore.setOnAction(e -> viewModel.explore());
        Button cancel = new Button("Cancel");
        cancel.setId("explorer-cancel");
        cancel.setOnAction(e -> viewModel.cancel());
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.getStyleClass().add("explore-progress");
        Label status = new Label();
        status.setId("explorer-status");
        status.getStyleClass().add("status");
        status.textProperty().bind(viewModel.statusProperty());
        status.setWrapText(true);

        status.setMinWidth(0);
        for (Node n : List.of(lock, explore, cancel)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(labelled("Threads", threads), labelled("Increments", increments),
                labelled("Start", start), lock, explore, progress, cancel, status);
        bar.getStyleClass().add("settings-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        return bar;
    }

    private static Node labelled(String text, Node control) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(control);
        HBox box = new HBox(label, control);
        box.getStyleClass().add("setting");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Spinner<Integer> spinner(int min, int max, ObjectProperty<Integer> value, String id) {
        Spinner<Integer> spinner = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        // Typed text that is not a number keeps the old value instead of throwing.
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s.strip());
                    return Math.max(min, Math.min(max, v));
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        spinner.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(value);
        spinner.setId(id);
        spinner.getStyleClass().add("setting-spinner");
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.increment(0);
            }
        });
        // Settings changes explore at once: small races finish instantly, big ones show progress and can be cancelled.
        factory.valueProperty().addListener((o, old, v) -> viewModel.settingsEdited());
        return spinner;
    }

    private Node headline() {
        Label headline = new Label();
        headline.setId("explorer-headline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(viewModel.headlineProperty());
        headline.setWrapText(true);
        Label odds = new Label();
        odds.setId("explorer-odds");
        odds.getStyleClass().add("odds");
        odds.textProperty().bind(viewModel.oddsExplanationProperty());
        odds.setWrapText(true);
        VBox box = new VBox(headline, odds);
        box.getStyleClass().add("headline-box");
        return box;
    }

    // ---- chart --------------------------------------------------------------------------------------------

    private Node outcomeRow() {
        Label label = new Label("Show schedules ending at:");
        label.getStyleClass().add("outcome-row-label");
        HBox row = new HBox(label, outcomeButtons);
        row.getStyleClass().add("outcome-row");
        row.setAlignment(Pos.CENTER_LEFT);
        outcomeButtons.getStyleClass().add("outcome-buttons");
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
        odds.setName("Probability under a random scheduler");
        Map<String, InterleavingOutcome> byCategory = new HashMap<>();
        for (InterleavingOutcome o : r.outcomes()) {
            String category = category(c, o);
            byCategory.put(category, o);
            share.getData().add(bar(category, o.share().doubleValue() * 100, o, c, r, true));
            odds.getData().add(bar(category, o.randomSchedulerProbability().doubleValue() * 100, o, c, r, false));
            ToggleButton b = new ToggleButton(Integer.toString(o.finalValue()));
            b.setId("outcome-button-" + o.finalValue());
            b.setToggleGroup(outcomeGroup);
            b.getStyleClass().add("outcome-button");
            if (o.finalValue() == c.expectedFinal()) {
                b.getStyleClass().add("expected-outcome");
            }
            b.setTooltip(tooltip(c, r, o));
            b.setOnAction(e -> viewModel.selectOutcome(o.finalValue()));
            outcomeButtons.getChildren().add(b);
        }
        chart.getData().setAll(List.of(share, odds));
        ((CategoryAxis) chart.getXAxis()).setLabel("Final value of the counter (" + c.expectedFinal()
                + " ✓ = expected: no update lost, in green; the rest in red lose updates)");
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

    // ---- schedules ----------------------------------------------------------------------------------------

    private Node schedulesPane() {
        Label title = new Label();
        title.setId("explorer-page-text");
        title.getStyleClass().add("page-text");
        title.textProperty().bind(viewModel.pageTextProperty());
        title.setWrapText(true);

        list.setId("explorer-schedules");
        list.getStyleClass().add("schedule-list");
        list.setItems(viewModel.rows());
        list.setCellFactory(v -> new ScheduleCell(() -> viewModel.exploredConfigProperty().get().expectedFinal()));
        Label placeholder = new Label();
        placeholder.getStyleClass().add("list-placeholder");
        placeholder.textProperty().bind(Bindings.when(viewModel.busyProperty())
                .then("Counting every schedule exactly...").otherwise("Click a bar to list its schedules."));
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (!syncingSelection) {
                viewModel.selectRow(row);
            }
        });
        viewModel.selectedRowProperty().addListener((o, old, row) -> {
            syncingSelection = true;
            try {
                if (row == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(row);
                    list.scrollTo(row);
                }
            } finally {
                syncingSelection = false;
            }
        });

        Button first = pagerButton("« First", "explorer-first", viewModel::firstPage);
        Button previous = pagerButton("‹ Previous", "explorer-previous", viewModel::previousPage);
        Button next = pagerButton("Next ›", "explorer-next", viewModel::nextPage);
        Button last = pagerButton("Last »", "explorer-last", viewModel::lastPage);
        Runnable updatePager = () -> {
            boolean none = viewModel.selectedOutcomeProperty().get() == null;
            first.setDisable(none || viewModel.isFirstPage());
            previous.setDisable(none || viewModel.isFirstPage());
            next.setDisable(none || viewModel.isLastPage());
            last.setDisable(none || viewModel.isLastPage());
        };
        viewModel.pageStartProperty().addListener((o, a, b) -> updatePager.run());
        viewModel.selectedOutcomeProperty().addListener((o, a, b) -> updatePager.run());
        viewModel.rows().addListener((javafx.collections.ListChangeListener<ScheduleRow>) ch -> updatePager.run());
        updatePager.run();

        TextField goTo = new TextField();
        goTo.setId("explorer-goto");
        goTo.setPromptText("#");
        goTo.getStyleClass().add("goto-field");
        goTo.setOnAction(e -> viewModel.goTo(goTo.getText()));
        Button go = pagerButton("Go to #", "explorer-goto-button", () -> viewModel.goTo(goTo.getText()));
        Button random = pagerButton("Random one", "explorer-random", viewModel::randomOne);
        Button replay = new Button("Replay in stepper ▶");
        replay.setId("explorer-replay");
        replay.getStyleClass().add("replay-button");
        replay.disableProperty().bind(viewModel.canReplayProperty().not());
        replay.setOnAction(e -> viewModel.replaySelected());
        go.disableProperty().bind(viewModel.selectedOutcomeProperty().isNull());
        random.disableProperty().bind(viewModel.selectedOutcomeProperty().isNull());
        goTo.disableProperty().bind(viewModel.selectedOutcomeProperty().isNull());

        Label error = new Label();
        error.setId("explorer-input-error");
        error.getStyleClass().add("input-error");
        error.textProperty().bind(viewModel.inputErrorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(viewModel.inputErrorProperty()));
        error.managedProperty().bind(error.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pager = new HBox(first, previous, next, last, goTo, go, random, spacer, replay);
        pager.getStyleClass().add("pager");
        pager.setAlignment(Pos.CENTER_LEFT);
        Label legend = new Label("Each row is one schedule: which thread took each micro-step. "
                + "Red letters are stale stores: that store overwrote a newer value, so an update is lost.");
        legend.getStyleClass().add("legend");
        legend.setWrapText(true);
        VBox box = new VBox(title, legend, list, pager, error);
        box.getStyleClass().add("schedules-pane");
        return box;
    }

    private static Button pagerButton(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("pager-button");
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A row: the schedule's number, then one coloured letter per micro-step with its stale stores marked. */
    private static final class ScheduleCell extends ListCell<ScheduleRow> {

        private static final String[] THREAD_CLASSES = {"thread-a", "thread-b", "thread-c", "thread-d",
            "thread-e", "thread-f"};

        private final java.util.function.IntSupplier expectedFinal;

        ScheduleCell(java.util.function.IntSupplier expectedFinal) {
            this.expectedFinal = expectedFinal;
            getStyleClass().add("schedule-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ScheduleRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            ExploredSchedule s = row.schedule();
            int expected = expectedFinal.getAsInt();
            String digits = ExplorerNarration.grouped(row.number());
            // Huge numbers keep their last digits in the row (the page title and tooltip have them all).
            Label number = new Label("#" + (digits.length() > 15 ? "…" + digits.substring(digits.length() - 11)
                    : digits));
            number.getStyleClass().add("schedule-number");
            HBox letters = new HBox();
            letters.getStyleClass().add("schedule-letters");
            String text = s.schedule().letters();
            for (int i = 0; i < text.length(); i++) {
                Label letter = new Label(String.valueOf(text.charAt(i)));
                letter.getStyleClass().addAll("step-letter", THREAD_CLASSES[text.charAt(i) - 'A']);
                if (s.staleSteps().contains(i + 1)) {
                    letter.getStyleClass().add("stale");
                }
                letters.getChildren().add(letter);
            }
            int lost = expected - s.finalValue();
            Label result = new Label("→ " + s.finalValue() + (lost == 0 ? "" : " (" + lost + " lost)"));
            String staleText = s.staleSteps().isEmpty() ? "no stale store"
                    : "stale store" + (s.staleSteps().size() == 1 ? "" : "s") + " at step "
                            + String.join(", ", s.staleSteps().stream().map(String::valueOf).toList());
            setTooltip(new Tooltip("Schedule #" + ExplorerNarration.grouped(row.number()) + ": " + text
                    + "\nFinal " + s.finalValue() + (lost == 0 ? ", no update lost" : ", " + lost + " lost") + "; "
                    + staleText));
            result.getStyleClass().add("schedule-result");
            HBox graphic = new HBox(number, letters, result);
            graphic.getStyleClass().add("schedule-row");
            graphic.setAlignment(Pos.CENTER_LEFT);
            setGraphic(graphic);
            setText(text);
            setAccessibleText("Schedule " + row.number() + ": " + text + ", final " + s.finalValue());
        }
    }

    /** The view-model behind this view, for tests. */
    public ExplorerViewModel viewModel() {
        return viewModel;
    }

}
