package org.racelab.ui.controls;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.racelab.model.RaceConfig;

/** Letter badges that stand for a thread, so threads are told apart by letter as well as by colour. */
public final class ThreadBadges {

    private ThreadBadges() {
    }

    public static Label badge(int index) {
        char letter = RaceConfig.threadName(index);
        Label badge = new Label(String.valueOf(letter));
        badge.getStyleClass().addAll("badge", "thread-" + Character.toLowerCase(letter));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinHeight(Region.USE_PREF_SIZE);
        return badge;
    }
}
