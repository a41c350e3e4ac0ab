package org.racelab.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The one place where keyboard shortcuts are defined: parts register their bindings here, the scene dispatches
 * them, and the help overlay lists them, so the help can never drift from what the keys do.
 */
public final class KeyMap {

    /** One shortcut: the keys, the group it is listed under, what it does in words, and the action. */
    public record Binding(List<KeyCombination> keys, String group, String description, BooleanSupplier active,
            Runnable action) {
    }

    private final List<Binding> bindings = new ArrayList<>();

    /** Registers an action that is active whenever {@code active} says so (e.g. only while its tab shows). */
    public Binding bind(String group, String description, BooleanSupplier active, Runnable action,
            KeyCombination... keys) {
        Binding b = new Binding(List.of(keys), group, description, active, action);
        bindings.add(b);
        return b;
    }

    /** Registers an action that is always active. */
    public Binding bind(String group, String description, Runnable action, KeyCombination... keys) {
        return bind(group, description, () -> true, action, keys);
    }

    public List<Binding> bindings() {
        return Collections.unmodifiableList(bindings);
    }

    /** Routes key presses in the scene to the first active matching binding. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::dispatch);
    }

    void dispatch(KeyEvent event) {
        // Typing a schedule or a number must not step threads.
        // A read-only field (such as a spinner's editor) takes no typing, so the keys stay shortcuts there.
        if (event.getTarget() instanceof TextInputControl field && field.isEditable() && !event.isShortcutDown()
                && !event.getCode().isFunctionKey()) {
            return;
        }
        for (Binding b : bindings) {
            if (b.active().getAsBoolean() && b.keys().stream().anyMatch(k -> k.match(event))) {
                b.action().run();
                event.consume();
                return;
            }
        }
    }
}
