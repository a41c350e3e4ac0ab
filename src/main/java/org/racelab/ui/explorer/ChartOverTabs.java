package org.racelab.ui.explorer;

import javafx.geometry.Insets;
import javafx.scene.layout.Region;

/**
 * The explorer's centre: the outcome chart above the lower tabs, split by a fixed rule rather than a draggable
 * divider. The chart takes {@link #CHART_PREFERRED} of the height but never less than its minimum (a third of
 * the part); the tabs get the rest and never less than their own minimum, so the pager below the schedules is
 * never cut by the tab's clip.
 *
 * <p>A SplitPane did this before and lost: its skin moves the divider when it is first laid out at another size
 * (the window builds the explorer lazily, before the real size is known), and the divider stayed near 0.72.
 */
final class ChartOverTabs extends Region {

    /** The share of the height the chart takes when there is room. */
    static final double CHART_PREFERRED = 0.38;

    /** Pixels for the tab content area's own border and padding. */
    private static final double CONTENT_SLACK = 4;

    private final Region chart;
    private final javafx.scene.control.TabPane tabs;

    ChartOverTabs(Region chart, javafx.scene.control.TabPane tabs) {
        this.chart = chart;
        this.tabs = tabs;
        getChildren().addAll(chart, tabs);
        getStyleClass().add("chart-over-tabs");
    }

    /** The tabs wrap (pager, choosers): their height depends on the width, so parents must pass it. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : -1;
        double inner = w > 0 ? w - snappedLeftInset() - snappedRightInset() : -1;
        return chart.minHeight(inner) + tabsMin(inner) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return chart.prefHeight(width) + tabs.prefHeight(width) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(chart.minWidth(-1), tabs.minWidth(-1)) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.max(chart.prefWidth(-1), tabs.prefWidth(-1)) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        double chartHeight = chartHeight(h, chart.minHeight(w), tabsMin(w));
        double before = overhead();
        chart.resizeRelocate(x, y, w, snapSizeY(chartHeight));
        tabs.resizeRelocate(x, y + snapSizeY(chartHeight), w, h - snapSizeY(chartHeight));
        tabs.layout();
        if (Math.abs(overhead() - before) > 0.5) {
            // The header's real height is known only now (e.g. after a zoom): split again with it.
            requestLayout();
        }
    }

    /**
     * What the tabs need: their header and the shown tab's minimum. A TabPane reports less than that, and the
     * tab's clip then cuts the bottom of its content (the pager).
     */
    private double tabsMin(double width) {
        double min = tabs.minHeight(width);
        javafx.scene.control.Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown != null && shown.getContent() instanceof Region content) {
            min = Math.max(min, overhead() + content.minHeight(width));
        }
        return min;
    }

    /**
     * The tabs' height around the shown content (header, borders, padding) as last laid out, or before the
     * first layout the header's preferred height and a little slack.
     */
    private double overhead() {
        for (javafx.scene.Node n : tabs.lookupAll(".tab-content-area")) {
            if (n.isVisible() && n instanceof Region area && area.getHeight() > 0 && tabs.getHeight() > 0) {
                return tabs.getHeight() - area.getHeight() + area.snappedTopInset() + area.snappedBottomInset();
            }
        }
        javafx.scene.Node header = tabs.lookup(".tab-header-area");
        Insets in = tabs.getInsets();
        return (header instanceof Region r ? r.prefHeight(-1) : 0) + in.getTop() + in.getBottom() + CONTENT_SLACK;
    }

    /** The chart's share when there is room; less (down to its minimum) when the tabs need more. */
    static double chartHeight(double height, double chartMin, double tabsMin) {
        double wanted = Math.max(chartMin, height * CHART_PREFERRED);
        return Math.max(chartMin, Math.min(wanted, height - tabsMin));
    }
}
