package org.racelab.ui.shell;

/** A short message shown inline in the window's notification bar: never a dialog, never a stack trace. */
public record Notice(Level level, String text) {

    /** How serious a notice is; it picks the bar's style. */
    public enum Level {
        INFO, WARNING, ERROR
    }

    public Notice {
        if (level == null || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a notice needs a level and a text");
        }
    }

    public static Notice info(String text) {
        return new Notice(Level.INFO, text);
    }

    public static Notice warning(String text) {
        return new Notice(Level.WARNING, text);
    }

    public static Notice error(String text) {
        return new Notice(Level.ERROR, text);
    }
}
