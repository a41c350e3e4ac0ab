package org.racelab.ui.shell;

import java.util.Locale;
import java.util.Optional;

/** The colour themes a teacher can switch between at runtime; each is a CSS file overriding racelab.css's colours. */
public enum Theme {
    LIGHT("Light", null),
    DARK("Dark", "theme-dark.css"),
    HIGH_CONTRAST("High contrast", "theme-high-contrast.css");

    private final String title;
    private final String stylesheet;

    Theme(String title, String stylesheet) {
        this.title = title;
        this.stylesheet = stylesheet;
    }

    public String title() {
        return title;
    }

    /** The stylesheet laid over racelab.css, or empty for the light theme, which is racelab.css itself. */
    public Optional<String> stylesheet() {
        return Optional.ofNullable(stylesheet);
    }

    /** The theme after this one, for a single "switch theme" button. */
    public Theme next() {
        Theme[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    /** Reads a stored name such as {@code dark}; empty when it names no theme. */
    public static Optional<Theme> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
