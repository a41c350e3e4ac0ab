package org.racelab.ui.stepper;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The random scheduler's seed, its text field's content and what is wrong with that text. FX thread only. */
final class SeedSetting {

    private long value;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    SeedSetting() {
        set(1 + Math.floorMod(System.nanoTime(), 9999L));
    }

    long value() {
        return value;
    }

    StringProperty text() {
        return text;
    }

    ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    void set(long seed) {
        value = seed;
        text.set(String.valueOf(seed));
        error.set("");
    }

    /** The typed seed, or null with {@link #error()} saying why it is not one. */
    Long parse() {
        try {
            return Long.parseLong(text.get().strip());
        } catch (NumberFormatException e) {
            error.set("The seed must be a whole number, not \"" + text.get().strip() + "\".");
            return null;
        }
    }

    /** A fresh seed that differs from the current one in practice. */
    long fresh() {
        return 1 + Math.floorMod(System.nanoTime() * 31 + value, 99_999L);
    }
}
