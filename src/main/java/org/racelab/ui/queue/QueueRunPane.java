package org.racelab.ui.queue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.racelab.lab.queue.QueueRunSettings;
import org.racelab.model.queue.QueueMistake;

/**
 * Run mode on screen: sliders and the mistake on the left, the queue's length over time and each thread's share
 * of time running / blocked on put / blocked on get / waiting in join() on the right, the counted result below.
 */
final class QueueRunPane extends HBox {

    /** The time axis moves on in steps of this many seconds, not with every reading. */
    static final double TIME_STEP_SECONDS = 10;

    private final QueueRunViewModel vm;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final NumberAxis time = new NumberAxis();
    private final NumberAxis length = new NumberAxis();
    /** The running run's maxsize, read when its first points arrive (the slider is locked while it runs). */
    private int runMaxsize;
    private final VBox shares = new VBox();
    /** Each row's four shares, kept so the next sample moves the bars instead of building new nodes. */
    private final List<DoubleProperty[]> shareValues = new ArrayList<>();
    private List<String> shareNames = List.of();

    private final VBox settings;
    private final VBox right;

    QueueRunPane(QueueRunViewModel vm) {
        this.vm = vm;
        getStyleClass().add("queue-run");
        setId("queue-run");
        settings = new VBox(
                slider("Producers", vm.producersProperty(), 1, 8, "queue-run-producers"),
                slider("Consumers", vm.consumersProperty(), 1, 8, "queue-run-consumers"),
                slider("Items", vm.itemsProperty(), 100, QueueRunSettings.MAX_ITEMS, "queue-run-items"),
                slider("maxsize (0 = unbounded)", vm.maxsizeProperty(), 0, 20, "queue-run-maxsize"),
                slider("Produce one (ms)", vm.produceMsProperty(), 0, 100, "queue-run-produce"),
                slider("Consume one (ms)", vm.consumeMsProperty(), 0, 100, "queue-run-consume"),
                mistake(), startStop());
        settings.getStyleClass().add("queue-run-settings");
        right = new VBox(chart(), legend(), shares, readout());
        right.getStyleClass().add("queue-run-right");
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(settings, right);
        vm.lengthsProperty().addListener((o, a, points) -> showLengths(points));
        vm.sharesProperty().addListener((o, a, b) -> showShares(b));
        showShares(vm.sharesProperty().get());
    }

    /**
     * The least height the pane needs at {@code width} with its current type: the settings whole, and beside them
     * the chart at its least height above the legend, every thread's row and the readout. The view shrinks its
     * type until this fits, as it does for the step pane's story.
     */
    double neededHeight(double width) {
        double settingsW = settings.prefWidth(-1);
        double rightW = Math.max(0, width - snappedLeftInset() - snappedRightInset() - settingsW - getSpacing());
        double rightH = right.snappedTopInset() + right.snappedBottomInset()
                + Math.max(0, right.getChildren().size() - 1) * right.getSpacing();
        for (Node n : right.getChildren()) {
            rightH += n instanceof LineChart ? n.minHeight(rightW) : n.prefHeight(rightW);
        }
        return snappedTopInset() + snappedBottomInset() + Math.max(settings.prefHeight(settingsW), rightH);
    }

    private Node slider(String title, IntegerProperty value, int min, int max, String id) {
        Slider s = new Slider(min, max, value.get());
        s.setId(id);
        s.valueProperty().addListener((o, a, b) -> value.set((int) Math.round(b.doubleValue())));
        value.addListener((o, a, b) -> s.setValue(b.doubleValue()));
        boolean liveOnly = id.endsWith("produce") || id.endsWith("consume");
        if (!liveOnly) {
            s.disableProperty().bind(vm.runningProperty());
        }
        Label label = new Label();
        label.textProperty().bind(Bindings.concat(title, ": ", value.asString("%,d")));
        label.getStyleClass().add("queue-run-label");
        VBox box = new VBox(label, s);
        box.getStyleClass().add("queue-run-slider");
        return box;
    }

    private Node mistake() {
        ComboBox<QueueMistake> box = new ComboBox<>(FXCollections.observableArrayList(QueueMistake.values()));
        box.setId("queue-run-mistake");
        box.valueProperty().bindBidirectional(vm.mistakeProperty());
        box.disableProperty().bind(vm.runningProperty());
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(QueueMistake m) {
                return m == null ? "" : m.title();
            }

            @Override
            public QueueMistake fromString(String s) {
                return null;
            }
        });
        return box;
    }

    private Node startStop() {
        Button b = new Button();
        b.setId("queue-run-start");
        b.textProperty().bind(Bindings.when(vm.runningProperty()).then("Stop").otherwise("Start (Ctrl+Enter)"));
        b.setOnAction(e -> vm.startOrStop());
        b.setDefaultButton(false);
        return b;
    }

    /**
     * Both axes are ranged here, not by the chart: an auto-ranging axis measured its labels again and rebuilt all of
     * its tick marks (new text nodes, each styled) at every reading, ten times a second, which was most of the
     * window's own work during a full-speed run. Now the time axis moves on in {@value #TIME_STEP_SECONDS}-second
     * steps and the length axis changes only when the queue's range does; the line itself still shows every reading.
     */
    private Node chart() {
        time.setLabel("seconds");
        time.setAutoRanging(false);
        setTimeRange(0, TIME_STEP_SECONDS);
        length.setLabel("items");
        length.setAutoRanging(false);
        setLengthRange(1);
        LineChart<Number, Number> chart = new LineChart<>(time, length);
        chart.setId("queue-length-chart");
        chart.setTitle("The queue's length");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getData().add(series);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }

    private void setTimeRange(double lower, double upper) {
        if (time.getLowerBound() != lower || time.getUpperBound() != upper) {
            double span = upper - lower;
            time.setTickUnit(span <= 10 ? 1 : span <= 30 ? 5 : 10);
            time.setLowerBound(lower);
            time.setUpperBound(upper);
        }
    }

    /** 0 to the smallest of 1, 2, 5, 10, 20, 50 … that holds {@code highest}. */
    private void setLengthRange(double highest) {
        double upper = roundUp(Math.max(1, highest));
        if (length.getUpperBound() != upper || length.getLowerBound() != 0) {
            length.setTickUnit(Math.max(1, roundUp(upper / 10)));
            length.setLowerBound(0);
            length.setUpperBound(upper);
        }
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code v} (v > 0). */
    static double roundUp(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= v - 1e-9) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private Node legend() {
        // Wraps rather than cutting its words: presenting at 1024x768 the four keys do not fit on one line.
        FlowPane legend = new FlowPane(key("running", "share-running"), key("blocked on put", "share-put"),
                key("blocked on get", "share-get"), key("waiting in join()", "share-join"));
        legend.getStyleClass().add("queue-share-legend");
        legend.setId("queue-share-legend");
        return legend;
    }

    private static Node key(String text, String style) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("queue-share-swatch", style);
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox k = new HBox(swatch, label);
        k.setAlignment(Pos.CENTER_LEFT);
        k.getStyleClass().add("queue-share-key");
        return k;
    }

    /**
     * Adds only the points that are new and drops only those that slid out of the window: replacing all 600 points
     * ten times a second made the chart re-lay out its whole path and cost frames during a full-speed run.
     */
    private void showLengths(List<QueueRunViewModel.LengthPoint> points) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        boolean newRun = points.isEmpty() || data.isEmpty()
                || points.get(0).seconds() < data.get(0).getXValue().doubleValue();
        double lastShown = newRun ? Double.NEGATIVE_INFINITY : data.get(data.size() - 1).getXValue().doubleValue();
        List<XYChart.Data<Number, Number>> added = points.stream().filter(p -> p.seconds() > lastShown)
                .map(p -> new XYChart.Data<Number, Number>(p.seconds(), p.length())).toList();
        if (newRun) {
            data.setAll(added);
            runMaxsize = vm.maxsizeProperty().get();
        } else {
            data.addAll(added);
            int excess = data.size() - points.size();
            if (excess > 0) {
                data.remove(0, excess);
            }
        }
        if (points.isEmpty()) {
            return;
        }
        double first = points.get(0).seconds();
        double last = points.get(points.size() - 1).seconds();
        double lower = Math.floor(first / TIME_STEP_SECONDS) * TIME_STEP_SECONDS;
        setTimeRange(lower, Math.max(lower + TIME_STEP_SECONDS,
                Math.ceil(last / TIME_STEP_SECONDS) * TIME_STEP_SECONDS));
        int highest = 0;
        for (QueueRunViewModel.LengthPoint p : points) {
            highest = Math.max(highest, p.length());
        }
        setLengthRange(Math.max(highest, runMaxsize));
    }

    private void showShares(List<QueueRunViewModel.Share> list) {
        List<String> names = list.stream().map(QueueRunViewModel.Share::name).toList();
        if (names.equals(shareNames)) {
            for (int i = 0; i < list.size(); i++) {
                QueueRunViewModel.Share s = list.get(i);
                DoubleProperty[] v = shareValues.get(i);
                v[0].set(s.running());
                v[1].set(s.blockedPut());
                v[2].set(s.blockedGet());
                v[3].set(s.joining());
            }
            return;
        }
        shareNames = names;
        shareValues.clear();
        shares.getChildren().clear();
        for (QueueRunViewModel.Share s : list) {
            HBox bar = new HBox();
            DoubleProperty[] v = {new SimpleDoubleProperty(s.running()), new SimpleDoubleProperty(s.blockedPut()),
                new SimpleDoubleProperty(s.blockedGet()), new SimpleDoubleProperty(s.joining())};
            shareValues.add(v);
            bar.getChildren().addAll(part(bar, v[0], "share-running"), part(bar, v[1], "share-put"),
                    part(bar, v[2], "share-get"), part(bar, v[3], "share-join"));
            bar.getStyleClass().add("queue-share-bar");
            HBox.setHgrow(bar, Priority.ALWAYS);
            Label name = new Label(s.name());
            name.getStyleClass().add("queue-share-name");
            HBox row = new HBox(name, bar);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("queue-share-row");
            shares.getChildren().add(row);
        }
    }

    private static Node part(HBox bar, DoubleProperty share, String style) {
        StackPane p = new StackPane();
        p.getStyleClass().addAll("queue-share-part", style);
        p.setMinWidth(0);
        p.prefWidthProperty().bind(bar.widthProperty().multiply(share));
        return p;
    }

    private Node readout() {
        Label l = new Label();
        l.setId("queue-run-readout");
        l.getStyleClass().add("queue-run-readout");
        l.setWrapText(true);
        l.textProperty().bind(vm.readoutProperty());
        return l;
    }
}
