package org.racelab.ui;

import javafx.scene.Scene;

/** Adds RaceLab's stylesheets to a scene. */
public final class Themes {

    public static final String BASE_CSS = "racelab.css";

    private Themes() {
    }

    public static void apply(Scene scene) {
        scene.getStylesheets().add(url(BASE_CSS));
    }

    static String url(String name) {
        var url = Themes.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + name);
        }
        return url.toExternalForm();
    }
}
