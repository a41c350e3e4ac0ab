package org.racelab.ui.lab;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * Draws a {@link LabChartWindow} as a line chart: one chart series per line, kept in step with the line's points
 * (each added point adds one data point, each trim removes the same range), the x axis bound to the window.
 */
final class LabCharts {

    /** An x axis narrower than this many of its tick labels' em labels every 20 s instead of every 10 s. */
    static final double NARROW_AXIS_EM = 22;

    private final LabChartWindow window;
    private final ToDoubleFunction<LabChartWindow.Point> y;
    private final ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
    private final Map<LabChartWindow.Line, XYChart.Series<Number, Number>> byLine = new IdentityHashMap<>();
    private final Map<LabChartWindow.Line, ListChangeListener<LabChartWindow.Point>> followers =
            new IdentityHashMap<>();
    private final LineChart<Number, Number> chart;

    /** A chart of {@code window} with {@code y} as the value of each point; the title names y and its unit. */
    LabCharts(LabChartWindow window, String id, String title, ToDoubleFunction<LabChartWindow.Point> y) {
        this.window = window;
        this.y = y;
        chart = chart(id, title, series);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.lowerBoundProperty().bind(window.lowerProperty());
        x.upperBoundProperty().bind(window.upperProperty());
        window.lines().addListener((ListChangeListener<LabChartWindow.Line>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::unfollow);
                c.getAddedSubList().forEach(this::follow);
            }
        });
        window.lines().forEach(this::follow);
    }

    LineChart<Number, Number> chart() {
        return chart;
    }

    private void follow(LabChartWindow.Line line) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(line.name());
        line.points().forEach(p -> s.getData().add(point(p)));
        ListChangeListener<LabChartWindow.Point> follower = c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    s.getData().remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                if (c.wasAdded()) {
                    s.getData().addAll(c.getFrom(), c.getAddedSubList().stream().map(this::point).toList());
                }
            }
        };
        line.points().addListener(follower);
        byLine.put(line, s);
        followers.put(line, follower);
        series.add(s);
        styleLine(s, line.styleClass());
    }

    private void unfollow(LabChartWindow.Line line) {
        XYChart.Series<Number, Number> s = byLine.remove(line);
        line.points().removeListener(followers.remove(line));
        series.remove(s);
    }

    private XYChart.Data<Number, Number> point(LabChartWindow.Point p) {
        return new XYChart.Data<>(p.seconds(), y.applyAsDouble(p));
    }

    /**
     * A line chart for the lab with fixed x bounds that label whole seconds. No axis titles: the chart's title
     * names what y counts and the x ticks carry their unit, so on a small or zoomed screen the plot keeps the
     * height a rotated axis title would take, and no title ends in an ellipsis.
     */
    static LineChart<Number, Number> chart(String id, String title, ObservableList<XYChart.Series<Number, Number>> data) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setTickUnit(10);
        x.setAnimated(false);
        x.setUpperBound(LabChartWindow.WINDOW_SECONDS);
        // A narrow chart (small screen, large type) labels every 20 s, so its tick labels never run together.
        x.widthProperty().addListener((obs, old, w) -> {
            double em = x.getTickLabelFont().getSize();
            x.setTickUnit(w.doubleValue() < NARROW_AXIS_EM * em ? 20 : 10);
        });
        // The window scrolls continuously, so bounds are fractional: label whole seconds only.
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return String.format(Locale.ROOT, "%.0f s", seconds.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text.replace(" s", ""));
            }
        });
        NumberAxis yAxis = new NumberAxis();
        yAxis.setForceZeroInRange(true);
        yAxis.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(x, yAxis);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setData(data);
        return chart;
    }

    /** Gives a series' line its style class, and keeps it there. */
    static void styleLine(XYChart.Series<Number, Number> series, String style) {
        // The chart's own listener (added by setData) has created the line's Path by the time this runs.
        Node line = series.getNode();
        if (line == null) {
            return;
        }
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

    /** For tests: the chart series of each line, in the window's order. */
    List<XYChart.Series<Number, Number>> series() {
        return List.copyOf(series);
    }
}
