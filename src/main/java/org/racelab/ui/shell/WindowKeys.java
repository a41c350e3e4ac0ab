package org.racelab.ui.shell;

import java.util.List;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.racelab.ui.part.Part;
import org.racelab.ui.part.PartKey;

/**
 * Registers every key of the window on the {@link KeyMap}: the window's own (digit per part, presentation, zoom,
 * help, export, open) and each part's {@link PartKey}s, active only while that part is on show. A new window key
 * goes here; a new part key goes into its part's {@link Part#keys()}.
 */
final class WindowKeys {

    /** The help's group for the keys that work in every part. */
    static final String GROUP = "Window";

    private WindowKeys() {
    }

    static void register(KeyMap keys, MainViewModel vm, List<Part> parts, FileCommands files) {
        for (Part part : parts) {
            int n = part.number();
            // Looked up when pressed: the list is the window's, in which a test may have swapped a part.
            Runnable show = () -> parts.stream().filter(p -> p.number() == n).findFirst().ifPresent(vm::select);
            keys.bind(GROUP, "Show the " + part.title().toLowerCase(java.util.Locale.ROOT), show,
                    new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n)),
                    new KeyCodeCombination(KeyCode.valueOf("NUMPAD" + n)));
        }
        keys.bind(GROUP, "Presentation mode on / off (full screen, larger type)", vm::togglePresentation,
                new KeyCodeCombination(KeyCode.F11));
        keys.bind(GROUP, "Close this help", vm::isHelpShowing, () -> vm.setHelpShowing(false),
                new KeyCodeCombination(KeyCode.ESCAPE));
        keys.bind(GROUP, "Leave presentation mode", vm::isPresentation, () -> vm.setPresentation(false),
                new KeyCodeCombination(KeyCode.ESCAPE));
        keys.bind(GROUP, "Zoom in", vm::zoomIn,
                new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
        keys.bind(GROUP, "Zoom out", vm::zoomOut,
                new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
        keys.bind(GROUP, "Zoom 100%", vm::resetZoom,
                new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN));
        keys.bind(GROUP, "Keyboard help on / off", () -> vm.setHelpShowing(!vm.isHelpShowing()),
                new KeyCodeCombination(KeyCode.F1),
                new KeyCharacterCombination("?", KeyCombination.SHIFT_ANY));
        keys.bind(GROUP, "Export the current part as PNG", () -> files.chooseAndExportPng(PngExport.SCREEN),
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        keys.bind(GROUP, "Open a scenario file", files::chooseAndOpenScenario,
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        for (Part part : parts) {
            for (PartKey key : part.keys()) {
                keys.bind(part.title(), key.description(), () -> vm.getSelectedPart() == part, key.action(),
                        key.keys().toArray(KeyCombination[]::new));
            }
        }
    }
}
