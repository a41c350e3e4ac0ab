package org.racelab.ui.shell;

import java.util.Optional;

/**
 * The preferences RaceLab remembers between lectures: theme, zoom, the last scenario (as scenario JSON) and the
 * window's place and size.
 */
public record Settings(Theme theme, int zoom, Optional<String> lastScenario, Optional<WindowPlace> window) {

    /** Where the window was and how big; {@code maximized} restores a maximized window as such. */
    public record WindowPlace(double x, double y, double width, double height, boolean maximized) {
    }

    public static final Settings DEFAULTS = new Settings(Theme.LIGHT, Zoom.DEFAULT, Optional.empty(), Optional.empty());

    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        zoom = Zoom.clamp(zoom);
        lastScenario = lastScenario == null ? Optional.empty() : lastScenario;
        window = window == null ? Optional.empty() : window;
    }

    public Settings withTheme(Theme value) {
        return new Settings(value, zoom, lastScenario, window);
    }

    public Settings withZoom(int value) {
        return new Settings(theme, value, lastScenario, window);
    }

    public Settings withLastScenario(Optional<String> value) {
        return new Settings(theme, zoom, value, window);
    }

    public Settings withWindow(Optional<WindowPlace> value) {
        return new Settings(theme, zoom, lastScenario, value);
    }
}
