package org.racelab.ui.stepper;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * A {@link Ticker} on a JavaFX {@link Timeline}: ticks run on the JavaFX thread and nothing sleeps. The timeline
 * is made on first use, so a view-model holding this ticker can be created without the JavaFX toolkit.
 */
public final class FxTicker implements Ticker {

    private Timeline timeline;

    @Override
    public void start(double perSecond, Runnable tick) {
        stop();
        timeline = new Timeline(new KeyFrame(Duration.seconds(1 / perSecond), e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
