package org.racelab.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;

/**
 * Shows one node like a slide: while active, a node that needs more room than it gets (its minimum size) is laid
 * out at that size and scaled down uniformly to fit, but never so far that its smallest text drops below
 * {@code minTextPx}; inactive, it is a plain pass-through.
 */
public final class ScaleToFit extends Region {

    private final Node content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final java.util.function.DoubleSupplier minTextPx;

    /** @param minTextPx the smallest on-screen text size allowed, asked at each layout (it follows the screen) */
    public ScaleToFit(Node content, java.util.function.DoubleSupplier minTextPx) {
        this.content = content;
        this.minTextPx = minTextPx;
        getStyleClass().add("scale-to-fit");
        content.getTransforms().add(scale);
        getChildren().add(content);
        active.addListener((obs, old, on) -> requestLayout());
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** The scale applied at the last layout: 1 when the content fits or the wrapper is inactive. */
    public double currentScale() {
        return scale.getX();
    }

    @Override
    protected double computeMinWidth(double height) {
        return active.get() ? 0 : content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return active.get() ? 0 : content.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double s = 1;
        if (active.get() && w > 0 && h > 0) {
            double needW = content.minWidth(-1);
            double needH = content.minHeight(Math.max(needW, w));
            s = Math.min(1, Math.min(w / Math.max(1, needW), h / Math.max(1, needH)));
            s = Math.max(s, Math.min(1, textFloor()));
        }
        scale.setX(s);
        scale.setY(s);
        content.resizeRelocate(0, 0, w / s, h / s);
    }

    /** The smallest scale that keeps the smallest visible text at or above the minimum size. */
    private double textFloor() {
        double smallest = Double.MAX_VALUE;
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.add(content);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof Text t && !t.getText().isBlank()) {
                smallest = Math.min(smallest, t.getFont().getSize());
            }
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return smallest == Double.MAX_VALUE ? 0 : minTextPx.getAsDouble() / smallest;
    }
}
