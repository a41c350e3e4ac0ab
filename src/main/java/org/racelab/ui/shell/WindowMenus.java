package org.racelab.ui.shell;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

/** The window's menus: File (scenarios, PNG, copy, quit), View (presentation, zoom, theme) and Help. */
final class WindowMenus {

    private WindowMenus() {
    }

    static MenuBar create(MainViewModel viewModel, FileCommands files, Runnable quit) {
        MenuItem open = item("Open scenario…", "Load threads, increments, start, lock and schedule from a file",
                files::chooseAndOpenScenario);
        // Ctrl+O is listed with the menu item; the KeyMap runs it (one place for every key).
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem save = item("Save scenario…", "Save the stepper's settings and schedule as a small JSON file",
                files::chooseAndSaveScenario);
        MenuItem png = item("Export PNG…", "Save the current part as an image at screen size",
                () -> files.chooseAndExportPng(PngExport.SCREEN));
        png.setId("menu-export-png");
        MenuItem png2 = item("Export PNG at 2×…", "Save the current part as an image at twice the size, for slides",
                () -> files.chooseAndExportPng(PngExport.DOUBLE));
        MenuItem copy = item("Copy run as text", "Copy schedule, timeline table and summary, ready to paste into notes",
                files::copyRunAsText);
        copy.setId("menu-copy-run");
        MenuItem exit = item("Quit", "Close RaceLab", quit);
        Menu file = new Menu("File", null, open, save, new SeparatorMenuItem(), png, png2, copy,
                new SeparatorMenuItem(), exit);

        MenuItem presentation = item("Presentation mode", "Full screen, larger type, fewer controls (F11; Esc leaves)",
                viewModel::togglePresentation);
        MenuItem zoomIn = item("Zoom in", "Larger everything (Ctrl+=)", viewModel::zoomIn);
        MenuItem zoomOut = item("Zoom out", "Smaller everything (Ctrl+-)", viewModel::zoomOut);
        MenuItem zoomReset = item("Zoom 100%", "Back to normal size (Ctrl+0)", viewModel::resetZoom);
        Menu view = new Menu("View", null, presentation, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                new SeparatorMenuItem(), themes(viewModel));
        MenuItem keys = item("Keyboard shortcuts", "Every key, listed from where they are defined (F1 or ?)",
                () -> viewModel.setHelpShowing(true));
        Menu helpMenu = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(file, view, helpMenu);
        bar.getStyleClass().add("window-menu");
        return bar;
    }

    private static Menu themes(MainViewModel viewModel) {
        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.title());
            r.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            r.setToggleGroup(themes);
            r.setSelected(viewModel.getTheme() == t);
            r.setOnAction(e -> viewModel.setTheme(t));
            viewModel.themeProperty().addListener((obs, old, now) -> r.setSelected(now == t));
            theme.getItems().add(r);
        }
        return theme;
    }

    private static MenuItem item(String text, String tooltip, Runnable action) {
        // A MenuItem is not a Control and cannot carry a Tooltip; the toolbar buttons do, and say the same.
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        item.setUserData(tooltip);
        return item;
    }
}
