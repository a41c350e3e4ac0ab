package org.racelab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The bar in the tab strip's empty right end: the menus and the tools (zoom, theme, PNG, copy, present, help), or in
 * presentation mode only a small bar with zoom, help and the way out. It costs the parts no height at all.
 */
final class WindowBar extends HBox {

    private final MainViewModel viewModel;
    private final MenuBar menu;
    private final HBox tools;
    /** Tools that give way, first to last, when the tab strip is too narrow (all are in the menus too). */
    private final List<Node> optionalTools = new ArrayList<>();

    WindowBar(MainViewModel viewModel, MenuBar menu, FileCommands files) {
        this.viewModel = viewModel;
        this.menu = menu;
        var zoomText = Bindings.createStringBinding(() -> viewModel.getZoom() + "%", viewModel.zoomProperty());
        this.tools = tools(files, zoomText);
        HBox presentationBar = presentationBar(zoomText);
        getChildren().addAll(menu, tools, presentationBar);
        getStyleClass().add("window-bar");
        setAlignment(Pos.CENTER_RIGHT);
        setPickOnBounds(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        for (Node n : List.of(menu, tools)) {
            n.visibleProperty().bind(viewModel.presentationProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        presentationBar.visibleProperty().bind(viewModel.presentationProperty());
        presentationBar.managedProperty().bind(presentationBar.visibleProperty());
    }

    private HBox tools(FileCommands files, javafx.beans.value.ObservableValue<String> zoomText) {
        ToggleButton present = new ToggleButton("Present");
        present.getStyleClass().add("present-button");
        present.setId("presentation-button");
        present.setSelected(viewModel.isPresentation());
        present.setOnAction(e -> viewModel.setPresentation(present.isSelected()));
        viewModel.presentationProperty().addListener((obs, old, on) -> present.setSelected(on));
        tip(present, "Presentation mode: full screen, larger type, only what stepping needs (F11, Esc leaves)");

        Button out = button("A−", "Zoom out (Ctrl+-)", viewModel::zoomOut);
        out.setId("zoom-out");
        Button in = button("A+", "Zoom in (Ctrl+=)", viewModel::zoomIn);
        in.setId("zoom-in");
        Label zoomLabel = new Label();
        zoomLabel.setId("zoom-level");
        zoomLabel.getStyleClass().add("zoom-level");
        zoomLabel.textProperty().bind(zoomText);
        tip(zoomLabel, "Zoom level, 75% to 250% (Ctrl+0 resets to 100%)");
        zoomLabel.setOnMouseClicked(e -> viewModel.resetZoom());

        ComboBox<Theme> theme = themeChoice();
        Button png = button("PNG", "Export the current part as PNG (Ctrl+S; the File menu also has 2×)",
                () -> files.chooseAndExportPng(PngExport.SCREEN));
        png.setId("export-button");
        Button copy = button("Copy", "Copy the run as text: schedule, timeline as a Markdown table, summary",
                files::copyRunAsText);
        copy.setId("copy-button");
        Button helpButton = button("?", "Keyboard shortcuts (F1 or ?)", () -> viewModel.setHelpShowing(true));
        helpButton.setId("help-button");
        HBox bar = new HBox(out, zoomLabel, in, theme, png, copy, present, helpButton);
        optionalTools.addAll(List.of(theme, copy, png, present, out, zoomLabel, in));
        bar.getStyleClass().add("window-toolbar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getChildren().forEach(n -> n.setFocusTraversable(false));
        return bar;
    }

    private ComboBox<Theme> themeChoice() {
        ComboBox<Theme> theme = new ComboBox<>();
        theme.getItems().setAll(Theme.values());
        theme.setId("theme-choice");
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : t.title();
            }

            @Override
            public Theme fromString(String s) {
                return Theme.parse(s).orElse(Theme.LIGHT);
            }
        });
        theme.setValue(viewModel.getTheme());
        theme.setOnAction(e -> viewModel.setTheme(theme.getValue()));
        viewModel.themeProperty().addListener((obs, old, t) -> theme.setValue(t));
        tip(theme, "Colour theme: light, dark, or high contrast for washed-out projectors");
        return theme;
    }

    /** The small bar that stays in presentation mode: zoom, help and the way out (the tabs stay too). */
    private HBox presentationBar(javafx.beans.value.ObservableValue<String> zoomText) {
        HBox bar = new HBox();
        bar.getStyleClass().add("presentation-bar");
        bar.setId("presentation-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        Label zoomLabel = new Label();
        zoomLabel.getStyleClass().add("zoom-level");
        zoomLabel.textProperty().bind(zoomText);
        tip(zoomLabel, "Zoom level (Ctrl+= / Ctrl+- / Ctrl+0)");
        Button out = button("A−", "Zoom out (Ctrl+-)", viewModel::zoomOut);
        Button in = button("A+", "Zoom in (Ctrl+=)", viewModel::zoomIn);
        Button helpButton = button("?", "Keyboard shortcuts (F1 or ?)", () -> viewModel.setHelpShowing(true));
        Button leave = button("Leave (Esc)", "Leave presentation mode (Esc or F11)",
                () -> viewModel.setPresentation(false));
        leave.setId("leave-presentation");
        bar.getChildren().addAll(out, zoomLabel, in, helpButton, leave);
        bar.getChildren().forEach(n -> n.setFocusTraversable(false));
        return bar;
    }

    private static Button button(String text, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        tip(b, tooltip);
        return b;
    }

    private static void tip(Control c, String text) {
        c.setTooltip(new Tooltip(text));
    }

    /**
     * Keeps the menu and tools from covering the tabs: when the strip is too narrow (1024 wide and zoomed in),
     * the theme chooser, Copy, PNG, Present and the zoom buttons give way in that order; the menus keep them all.
     */
    /** The width the bar needs with every optional tool hidden: what the tab strip must leave it. */
    double requiredWidth() {
        double need = snappedLeftInset() + snappedRightInset();
        int shown = 0;
        for (Node n : getChildren()) {
            if (!n.isVisible()) {
                continue;
            }
            shown++;
            if (n == tools) {
                double spacing = tools.getSpacing();
                need += tools.snappedLeftInset() + tools.snappedRightInset() - spacing;
                for (Node t : tools.getChildren()) {
                    if (!optionalTools.contains(t)) {
                        need += t.prefWidth(-1) + spacing;
                    }
                }
            } else {
                need += n.prefWidth(-1);
            }
        }
        return need + Math.max(0, shown - 1) * getSpacing();
    }

    void fitBeside(TabPane tabs) {
        if (viewModel.isPresentation()) {
            return;
        }
        Node headers = tabs.lookup(".headers-region");
        if (headers == null) {
            return;
        }
        double headersRight = tabs.sceneToLocal(headers.localToScene(headers.getLayoutBounds())).getMaxX();
        double available = tabs.getWidth() - headersRight - 8;
        double spacing = tools.getSpacing();
        double need = snappedLeftInset() + snappedRightInset() + getSpacing() + menu.prefWidth(-1) - spacing;
        for (Node n : tools.getChildren()) {
            need += n.prefWidth(-1) + spacing;
        }
        for (Node n : optionalTools) {
            boolean show = need <= available;
            if (!show) {
                need -= n.prefWidth(-1) + spacing;
            }
            if (n.isManaged() != show) {
                n.setManaged(show);
                n.setVisible(show);
            }
        }
    }
}
