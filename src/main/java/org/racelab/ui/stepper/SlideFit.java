package org.racelab.ui.stepper;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows one layout whole, like a slide: when the space is smaller than what the layout needs (its minimum width,
 * and its minimum height at that width), the layout is laid out larger and scaled down uniformly to fit; when
 * there is room it is laid out at the space's size, unscaled. Nothing is ever cut off or scrolled away.
 */
final class SlideFit extends Region {

    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);

    SlideFit(Region content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("slide-fit");
    }

    /** The factor the layout is drawn at now (1 when it fits unscaled). */
    double factor() {
        return scale.getX();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        double s = 1;
        // A narrower layout wraps text into more lines, so fit the width first, then the height at that width;
        // a few rounds settle it (a smaller factor only widens the layout, which never adds lines).
        for (int round = 0; round < 4; round++) {
            double needW = content.minWidth(-1);
            if (needW > w / s) {
                s = w / needW;
            }
            double needH = content.minHeight(w / s);
            if (needH > h / s) {
                s = h / needH;
            } else {
                break;
            }
        }
        s = Math.min(1, s);
        scale.setX(s);
        scale.setY(s);
        content.resizeRelocate(0, 0, w / s, h / s);
    }
}
