package org.racelab.ui.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCharacterCombination;
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

    /** The bindings by group, groups in the order they were first registered: what the help overlay lists. */
    public Map<String, List<Binding>> byGroup() {
        Map<String, List<Binding>> groups = new LinkedHashMap<>();
        for (Binding b : bindings) {
            groups.computeIfAbsent(b.group(), g -> new ArrayList<>()).add(b);
        }
        return groups;
    }

    /** How a binding's keys read in the help, e.g. {@code F1 / ?}. */
    public static String keysText(Binding binding) {
        // Numpad twins and keys that display alike (Ctrl++ for PLUS and ADD) would only clutter the list.
        List<String> texts = binding.keys().stream().map(KeyMap::keyText).distinct().toList();
        List<String> main = texts.stream().filter(t -> !t.contains("Numpad")).toList();
        return String.join(" / ", main.isEmpty() ? texts : main);
    }

    static String keyText(KeyCombination key) {
        String text = key.getDisplayText();
        // JavaFX spells some keys as symbols that read badly from the back row.
        return switch (text) {
            case "" -> key.getName();
            case " " -> "Space";
            case "\u2192" -> "Right";
            case "\u238B", "Escape" -> "Esc";
            default -> text.replace("\u21B5", "Enter");
        };
    }

    /** Routes key presses in the scene to the first active matching binding. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::dispatch);
        scene.addEventFilter(KeyEvent.KEY_TYPED, this::dispatchTyped);
    }

    void dispatch(KeyEvent event) {
        if (typing(event)) {
            return;
        }
        // Character keys such as "?" are matched on the typed character instead (see dispatchTyped): which
        // physical key makes "?" depends on the keyboard layout, and not every platform maps it back.
        run(event, k -> !(k instanceof KeyCharacterCombination) && k.match(event));
    }

    void dispatchTyped(KeyEvent event) {
        if (typing(event) || event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        String typed = event.getCharacter();
        run(event, k -> k instanceof KeyCharacterCombination c && c.getCharacter().equals(typed));
    }

    private static boolean typing(KeyEvent event) {
        // Typing a schedule or a number must not step threads or switch tabs. The event's target is not always the
        // field (a spinner keeps the focus and forwards keys to its editor), so the scene's focus owner counts too.
        // A read-only field (such as the stepper's spinners) takes no typing, so the keys stay shortcuts there.
        if (event.isShortcutDown() || event.getCode().isFunctionKey()) {
            return false;
        }
        return takesTyping(event.getTarget())
                || event.getSource() instanceof Scene scene && takesTyping(scene.getFocusOwner());
    }

    private static boolean takesTyping(Object node) {
        return node instanceof TextInputControl field && field.isEditable()
                || node instanceof Spinner<?> spinner && spinner.isEditable()
                || node instanceof ComboBoxBase<?> box && box.isEditable();
    }

    private void run(KeyEvent event, java.util.function.Predicate<KeyCombination> matches) {
        for (Binding b : bindings) {
            if (b.active().getAsBoolean() && b.keys().stream().anyMatch(matches)) {
                b.action().run();
                event.consume();
                return;
            }
        }
    }
}
