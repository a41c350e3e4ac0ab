package org.racelab.ui.stepper;

import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The timeline in a strip as wide as the stage: its cells scroll sideways under a scroll bar of their own while
 * the row labels (step, A–D, count) stay put at the left, and a new step scrolls to itself. The bar has its own
 * row under the grid, so it never covers the count row.
 */
final class TimelineStrip extends Region {

    private final TimelineGrid grid;
    private final Pane clip = new Pane();
    private final ScrollBar bar = new ScrollBar();
    /** True while the strip shows the newest step: a wider grid then scrolls along with it. */
    private boolean following = true;
    private boolean adjusting;

    TimelineStrip(TimelineGrid grid) {
        this.grid = grid;
        getStyleClass().add("timeline-strip");
        setId("timeline-strip");
        clip.getChildren().add(grid);
        Rectangle shape = new Rectangle();
        shape.widthProperty().bind(clip.widthProperty());
        shape.heightProperty().bind(clip.heightProperty());
        clip.setClip(shape);
        clip.getStyleClass().add("timeline-viewport");
        bar.setOrientation(Orientation.HORIZONTAL);
        bar.setId("timeline-bar");
        bar.setFocusTraversable(false);
        bar.valueProperty().addListener((o, a, b) -> {
            if (!adjusting) {
                following = b.doubleValue() >= bar.getMax() - 0.5;
            }
            requestLayout();
        });
        getChildren().addAll(clip, bar);
    }

    /** Scrolls to the newest step (the right end). */
    void followNewest() {
        following = true;
        requestLayout();
    }

    private double barHeight() {
        return snapSizeY(bar.prefHeight(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return grid.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return grid.frozenWidth() * 3 + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        // The bar's row is always reserved: showing it later must not squeeze the rows above.
        return grid.prefHeight(-1) + barHeight() + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double gridW = grid.prefWidth(-1);
        double gridH = grid.prefHeight(-1);
        double overflow = Math.max(0, gridW - w);
        bar.setVisible(overflow > 0);
        adjusting = true;
        bar.setMin(0);
        bar.setMax(overflow);
        bar.setVisibleAmount(overflow > 0 ? overflow * w / gridW : 0);
        if (following) {
            bar.setValue(overflow);
        }
        adjusting = false;
        double offset = Math.min(bar.getValue(), overflow);
        clip.resizeRelocate(x, y, w, gridH);
        grid.resizeRelocate(-offset, 0, gridW, gridH);
        grid.freeze(offset);
        bar.resizeRelocate(x, y + gridH, w, barHeight());
    }
}
