package org.racelab.ui.part;

import java.util.List;
import java.util.Objects;
import javafx.scene.input.KeyCombination;

/**
 * One key of a part: the key combinations, what it does in words (for the help), and the action, which runs only
 * while the part is on show and no text field has focus.
 */
public record PartKey(List<KeyCombination> keys, String description, Runnable action) {

    public PartKey {
        keys = List.copyOf(keys);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(action, "action");
    }

    /** A key with one or more combinations. */
    public static PartKey of(String description, Runnable action, KeyCombination... keys) {
        return new PartKey(List.of(keys), description, action);
    }
}
