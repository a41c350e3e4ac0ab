package org.racelab.ui.shell;

import org.racelab.model.scenario.Scenario;
import org.racelab.model.scenario.ScenarioCodec;
import org.racelab.model.scenario.ScenarioException;
import org.racelab.ui.explorer.ExplorerView;
import org.racelab.ui.lab.LabView;
import org.racelab.ui.part.PartStyle;
import org.racelab.ui.stepper.StepperViewModel;

import org.racelab.ui.explorer.ExplorerViewModel;
import org.racelab.ui.lab.LabViewModel;
import org.racelab.ui.part.Part;
import org.racelab.ui.stepper.StepperView;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

/**
 * The main window's content: menu, toolbar, the three parts in tabs, the notification bar, the presentation bar
 * and the keyboard help overlay.
 *
 * <p>How a part hooks in: its view is put into {@code parts} wrapped as a {@link PartView} (export node, copy
 * text, scenario; {@code LazyPart} builds it when its tab first opens), register its keys on {@link #keyMap()} with group "Stepper"/"Lab"/"Explorer" and an
 * active-check such as {@code () -> viewModel.getSelectedPart() == Part.LAB}, and let {@link #dispose()} reach
 * its shutdown through {@link PartView#dispose()}. In presentation mode the root gets the pseudo-class
 * {@code :presentation} and every node with style class {@code secondary-control} is hidden and unmanaged; a
 * part may instead bind to {@link MainViewModel#presentationProperty()}.
 */
public final class MainView extends BorderPane {

    public static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    /** Nodes with this style class disappear (hidden and unmanaged) in presentation mode. */
    public static final String SECONDARY = PartStyle.SECONDARY;
    public static final String WINDOW_KEYS = "Window";

    private final MainViewModel viewModel;
    private final KeyMap keyMap = new KeyMap();
    private final TabPane tabs = new TabPane();
    private final Map<MainViewModel.Part, Tab> tabByPart = new EnumMap<>(MainViewModel.Part.class);
    private final Map<MainViewModel.Part, PartView> parts = new EnumMap<>(MainViewModel.Part.class);
    private HelpOverlay help;
    private final Label zoomLabel = new Label();
    private final Label presentationZoomLabel = new Label();
    /** Toolbar items that give way, first to last, when the tab strip is too narrow (all are in the menus too). */
    private final List<Node> optionalTools = new java.util.ArrayList<>();
    private MenuBar windowMenu;
    private HBox windowTools;
    private HBox windowBarBox;
    private BackgroundExecutor background;
    private final StepperView stepperView;
    private final LabViewModel labViewModel = new LabViewModel(FxBackground.create("racelab-lab"));
    private final BackgroundExecutor explorerBackground = FxBackground.create("racelab-explorer");
    private final ExplorerViewModel explorerViewModel = new ExplorerViewModel(explorerBackground);
    private RaceConfig lastStepperConfig;
    private boolean explorerStarted;

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("main-view");

        // The parts, each wrapped as a PartView: what File > Export PNG, Copy run as text and the scenario files use.
        stepperView = new StepperView(new StepperViewModel(), keyMap,
                () -> viewModel.getSelectedPart() == MainViewModel.Part.STEPPER);
        parts.put(MainViewModel.Part.STEPPER, new StepperPart(stepperView));
        // The lab's charts and the explorer's chart are built when their tab first opens: off the startup path.
        parts.put(MainViewModel.Part.LAB, new LazyPart(() -> new LabView(labViewModel), labViewModel::dispose));
        parts.put(MainViewModel.Part.EXPLORER, new LazyPart(() -> new ExplorerView(explorerViewModel), () -> {
            explorerViewModel.dispose();
            explorerBackground.close();
        }));

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("part-tabs");
        for (MainViewModel.Part part : MainViewModel.Part.values()) {
            PartView view = parts.get(part);
            Tab tab = new Tab(part.title(), view instanceof LazyPart lazy ? lazy.holder : view.node());
            tab.setId(part.name().toLowerCase() + "-tab");
            tab.setTooltip(new Tooltip(part.title() + " (key " + (part.ordinal() + 1) + ")"));
            tabByPart.put(part, tab);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(tabByPart.get(viewModel.getSelectedPart()));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) ->
                tabByPart.forEach((part, t) -> {
                    if (t == tab) {
                        viewModel.select(part);
                    }
                }));
        viewModel.selectedPartProperty().addListener((obs, old, part) ->
                tabs.getSelectionModel().select(tabByPart.get(part)));
        viewModel.selectedPartProperty().addListener((obs, old, part) -> {
            if (parts.get(part) instanceof LazyPart lazy && !lazy.isBuilt()) {
                lazy.node();
                applyPresentation(viewModel.isPresentation());
            }
        });

        NoticeBar notices = new NoticeBar(viewModel);
        // The help overlay is built the first time it is asked for: nothing on the startup path that can wait.
        StackPane center = new StackPane(tabs);
        viewModel.helpShowingProperty().addListener((obs, old, on) -> {
            if (on) {
                if (help == null) {
                    help = new HelpOverlay(keyMap, () -> viewModel.setHelpShowing(false));
                    help.visibleProperty().bind(viewModel.helpShowingProperty());
                    center.getChildren().add(help);
                }
                help.rebuild();
            }
        });
        // Notices float over the bottom of the part: a message never pushes the stepper out of a 1024x768 window.
        StackPane.setAlignment(notices, Pos.BOTTOM_CENTER);
        notices.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        center.getChildren().add(notices);
        setCenter(center);

        registerKeys();
        bindLabKeys();
        explorerViewModel.setOnReplay((config, schedule) -> {
            stepper().replay(config, schedule);
            viewModel.select(MainViewModel.Part.STEPPER);
        });
        // The explorer follows the stepper: on opening it, a race changed in the stepper since is taken over;
        // settings changed in the explorer itself stay until the stepper changes again.
        // Its first count runs when the explorer first opens (or a schedule is replayed from it), not at startup.
        viewModel.selectedPartProperty().addListener((obs, old, part) -> {
            if (part == MainViewModel.Part.EXPLORER) {
                syncExplorerFromStepper();
                if (!explorerStarted) {
                    explorerStarted = true;
                    explorerViewModel.explore();
                }
            }
        });
        // Menu and tools sit in the tab strip's empty right end, so the window chrome costs no height at all:
        // the parts keep every pixel of a 1024x768 projector. In presentation mode only a small bar remains.
        MenuBar menu = menuBar();
        HBox toolBar = toolBar();
        windowMenu = menu;
        windowTools = toolBar;
        HBox presentationBar = presentationBar();
        HBox windowBar = new HBox(menu, toolBar, presentationBar);
        windowBar.getStyleClass().add("window-bar");
        windowBar.setAlignment(Pos.CENTER_RIGHT);
        windowBar.setPickOnBounds(false);
        windowBar.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(windowBar, Pos.TOP_RIGHT);
        for (Node n : List.of(menu, toolBar)) {
            n.visibleProperty().bind(viewModel.presentationProperty().not());
            n.managedProperty().bind(viewModel.presentationProperty().not());
        }
        presentationBar.visibleProperty().bind(viewModel.presentationProperty());
        presentationBar.managedProperty().bind(viewModel.presentationProperty());
        center.getChildren().add(1, windowBar);
        windowBarBox = windowBar;

        var zoomText = Bindings.createStringBinding(() -> viewModel.getZoom() + "%", viewModel.zoomProperty());
        zoomLabel.textProperty().bind(zoomText);
        presentationZoomLabel.textProperty().bind(zoomText);

        viewModel.presentationProperty().addListener((obs, old, on) -> applyPresentation(on));
        viewModel.zoomProperty().addListener((obs, old, z) -> applyStyles());
        viewModel.themeProperty().addListener((obs, old, t) -> applyStyles());
        sceneProperty().addListener((obs, old, scene) -> applyStyles());
    }

    private void bindLabKeys() {
        java.util.function.BooleanSupplier labShowing = () -> viewModel.getSelectedPart() == MainViewModel.Part.LAB;
        keyMap.bind("Lab", "Flip the live lock switch", labShowing,
                () -> labViewModel.lockOnProperty().set(!labViewModel.lockOnProperty().get()),
                new KeyCodeCombination(KeyCode.L));
        keyMap.bind("Lab", "Start a run, or stop the one going", labShowing,
                () -> {
                    if (labViewModel.isRunning()) {
                        labViewModel.stop();
                    } else {
                        labViewModel.start();
                    }
                },
                new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN));
    }

    /** The lab's state, for tests and the frame-gap benchmark. */
    public LabViewModel labViewModel() {
        return labViewModel;
    }

    private void syncExplorerFromStepper() {
        RaceConfig current = stepper().currentConfig();
        if (!current.equals(lastStepperConfig)) {
            lastStepperConfig = current;
            explorerViewModel.useSettings(current);
        }
    }

    /** The explorer's view-model, so the stepper's settings can be handed over. */
    public ExplorerViewModel explorerViewModel() {
        return explorerViewModel;
    }

    /** The stepper's view-model, e.g. for the explorer to replay a schedule in it. */
    public StepperViewModel stepper() {
        return stepperView.viewModel();
    }

    /** A part whose view is built the first time it is needed; its tab holds an empty pane until then. */
    private static final class LazyPart implements PartView {
        final StackPane holder = new StackPane();
        private final java.util.function.Supplier<Node> factory;
        private final Runnable dispose;
        private Node view;

        LazyPart(java.util.function.Supplier<Node> factory, Runnable dispose) {
            this.factory = factory;
            this.dispose = dispose;
            holder.getStyleClass().add("part-holder");
        }

        boolean isBuilt() {
            return view != null;
        }

        @Override
        public Node node() {
            if (view == null) {
                view = factory.get();
                holder.getChildren().setAll(view);
            }
            return view;
        }

        @Override
        public void dispose() {
            dispose.run();
        }
    }

    /** The stepper as the File menu sees it: its run as text, its scenario, the whole view as the PNG. */
    private static final class StepperPart implements PartView {
        private final StepperView view;

        StepperPart(StepperView view) {
            this.view = view;
        }

        @Override
        public Node node() {
            return view;
        }

        @Override
        public Optional<String> copyText() {
            StepperViewModel vm = view.viewModel();
            return vm.currentSchedule().isEmpty() ? Optional.empty() : Optional.of(vm.runAsText());
        }

        @Override
        public Optional<Scenario> currentScenario() {
            StepperViewModel vm = view.viewModel();
            // Steps taken plus the ones queued for redo: a scenario just opened saves as it was opened.
            return Optional.of(new Scenario(vm.currentConfig(),
                    new Schedule(vm.currentSchedule().letters() + vm.aheadProperty().get())));
        }

        @Override
        public boolean openScenario(Scenario scenario) {
            view.viewModel().replay(scenario.config(), scenario.schedule());
            return true;
        }

        @Override
        public void dispose() {
            view.dispose();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Keys, menu, toolbar

    private void registerKeys() {
        for (MainViewModel.Part part : MainViewModel.Part.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (part.ordinal() + 1));
            KeyCode numpad = KeyCode.valueOf("NUMPAD" + (part.ordinal() + 1));
            keyMap.bind(WINDOW_KEYS, "Show the " + part.title().toLowerCase(), () -> viewModel.select(part),
                    new KeyCodeCombination(digit), new KeyCodeCombination(numpad));
        }
        keyMap.bind(WINDOW_KEYS, "Presentation mode on / off (full screen, larger type)",
                viewModel::togglePresentation, new KeyCodeCombination(KeyCode.F11));
        keyMap.bind(WINDOW_KEYS, "Close this help", viewModel::isHelpShowing, () -> viewModel.setHelpShowing(false),
                new KeyCodeCombination(KeyCode.ESCAPE));
        keyMap.bind(WINDOW_KEYS, "Leave presentation mode", viewModel::isPresentation,
                () -> viewModel.setPresentation(false), new KeyCodeCombination(KeyCode.ESCAPE));
        keyMap.bind(WINDOW_KEYS, "Zoom in", viewModel::zoomIn,
                new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
        keyMap.bind(WINDOW_KEYS, "Zoom out", viewModel::zoomOut,
                new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
        keyMap.bind(WINDOW_KEYS, "Zoom 100%", viewModel::resetZoom,
                new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN));
        keyMap.bind(WINDOW_KEYS, "Keyboard help on / off", () -> viewModel.setHelpShowing(!viewModel.isHelpShowing()),
                new KeyCodeCombination(KeyCode.F1),
                new KeyCharacterCombination("?", KeyCombination.SHIFT_ANY));
        keyMap.bind(WINDOW_KEYS, "Export the current part as PNG", () -> chooseAndExportPng(PngExport.SCREEN),
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open scenario…", "Load threads, increments, start, lock and schedule from a file",
                this::chooseAndOpenScenario);
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem save = item("Save scenario…", "Save the stepper's settings and schedule as a small JSON file",
                this::chooseAndSaveScenario);
        MenuItem png = item("Export PNG…", "Save the current part as an image at screen size",
                () -> chooseAndExportPng(PngExport.SCREEN));
        png.setId("menu-export-png");
        MenuItem png2 = item("Export PNG at 2×…", "Save the current part as an image at twice the size, for slides",
                () -> chooseAndExportPng(PngExport.DOUBLE));
        MenuItem copy = item("Copy run as text", "Copy schedule, timeline table and summary, ready to paste into notes",
                this::copyRunAsText);
        copy.setId("menu-copy-run");
        MenuItem exit = item("Quit", "Close RaceLab", () -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });
        Menu file = new Menu("File", null, open, save, new SeparatorMenuItem(), png, png2, copy,
                new SeparatorMenuItem(), exit);
        // Ctrl+O is listed with the menu item; Ctrl+S and the rest come from the KeyMap (one place).
        keyMap.bind(WINDOW_KEYS, "Open a scenario file", this::chooseAndOpenScenario,
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));

        MenuItem presentation = item("Presentation mode", "Full screen, larger type, fewer controls (F11; Esc leaves)",
                viewModel::togglePresentation);
        MenuItem zoomIn = item("Zoom in", "Larger everything (Ctrl+=)", viewModel::zoomIn);
        MenuItem zoomOut = item("Zoom out", "Smaller everything (Ctrl+-)", viewModel::zoomOut);
        MenuItem zoomReset = item("Zoom 100%", "Back to normal size (Ctrl+0)", viewModel::resetZoom);
        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.title());
            r.setId("theme-" + t.name().toLowerCase().replace('_', '-'));
            r.setToggleGroup(themes);
            r.setSelected(viewModel.getTheme() == t);
            r.setOnAction(e -> viewModel.setTheme(t));
            viewModel.themeProperty().addListener((obs, old, now) -> r.setSelected(now == t));
            theme.getItems().add(r);
        }
        Menu view = new Menu("View", null, presentation, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                new SeparatorMenuItem(), theme);
        MenuItem keys = item("Keyboard shortcuts", "Every key, listed from where they are defined (F1 or ?)",
                () -> viewModel.setHelpShowing(true));
        Menu helpMenu = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(file, view, helpMenu);
        bar.getStyleClass().add("window-menu");
        return bar;
    }

    private static MenuItem item(String text, String tooltip, Runnable action) {
        // A MenuItem is not a Control and cannot carry a Tooltip; the toolbar buttons do, and say the same.
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        item.setUserData(tooltip);
        return item;
    }

    private HBox toolBar() {
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
        zoomLabel.setId("zoom-level");
        zoomLabel.getStyleClass().add("zoom-level");
        tip(zoomLabel, "Zoom level, 75% to 250% (Ctrl+0 resets to 100%)");
        zoomLabel.setOnMouseClicked(e -> viewModel.resetZoom());

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
        theme.setFocusTraversable(false);

        Button png = button("PNG", "Export the current part as PNG (Ctrl+S; the File menu also has 2×)",
                () -> chooseAndExportPng(PngExport.SCREEN));
        png.setId("export-button");
        Button copy = button("Copy", "Copy the run as text: schedule, timeline as a Markdown table, summary",
                this::copyRunAsText);
        copy.setId("copy-button");
        Button helpButton = button("?", "Keyboard shortcuts (F1 or ?)", () -> viewModel.setHelpShowing(true));
        helpButton.setId("help-button");
        HBox bar = new HBox(out, zoomLabel, in, theme, png, copy, present, helpButton);
        optionalTools.addAll(List.of(theme, copy, png, present, out, zoomLabel, in));
        bar.getStyleClass().add("window-toolbar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        for (Node n : bar.getChildren()) {
            n.setFocusTraversable(false);
        }
        return bar;
    }

    /** The small bar that stays in presentation mode: zoom, help and the way out (the tabs stay too). */
    private HBox presentationBar() {
        HBox bar = new HBox();
        bar.getStyleClass().add("presentation-bar");
        bar.setId("presentation-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        presentationZoomLabel.getStyleClass().add("zoom-level");
        tip(presentationZoomLabel, "Zoom level (Ctrl+= / Ctrl+- / Ctrl+0)");
        Button out = button("A−", "Zoom out (Ctrl+-)", viewModel::zoomOut);
        Button in = button("A+", "Zoom in (Ctrl+=)", viewModel::zoomIn);
        Button helpButton = button("?", "Keyboard shortcuts (F1 or ?)", () -> viewModel.setHelpShowing(true));
        Button leave = button("Leave (Esc)", "Leave presentation mode (Esc or F11)",
                () -> viewModel.setPresentation(false));
        leave.setId("leave-presentation");
        bar.getChildren().addAll(out, presentationZoomLabel, in, helpButton, leave);
        for (Node n : bar.getChildren()) {
            n.setFocusTraversable(false);
        }
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

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        fitWindowBar();
    }

    /**
     * Keeps the menu and tools from covering the tabs: when the strip is too narrow (1024 wide and zoomed in),
     * the theme chooser, Copy, PNG, Present and the zoom buttons give way in that order; the menus keep them all.
     */
    private void fitWindowBar() {
        if (windowTools == null || viewModel.isPresentation()) {
            return;
        }
        Node headers = tabs.lookup(".headers-region");
        if (headers == null) {
            return;
        }
        double headersRight = tabs.sceneToLocal(headers.localToScene(headers.getLayoutBounds())).getMaxX();
        double available = tabs.getWidth() - headersRight - 8;
        double spacing = windowTools.getSpacing();
        double need = windowBarBox.snappedLeftInset() + windowBarBox.snappedRightInset() + windowBarBox.getSpacing()
                + windowMenu.prefWidth(-1) - spacing;
        for (Node n : windowTools.getChildren()) {
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

    // ---------------------------------------------------------------------------------------------------------
    // Presentation, zoom, theme

    private void applyPresentation(boolean on) {
        pseudoClassStateChanged(PRESENTATION, on);
        for (Node n : lookupAll("." + SECONDARY)) {
            if (!n.visibleProperty().isBound()) {
                n.setVisible(!on);
            }
            if (!n.managedProperty().isBound()) {
                n.setManaged(!on);
            }
        }
        applyStyles();
    }

    private void applyStyles() {
        Scene scene = getScene();
        if (scene != null) {
            Themes.apply(scene, viewModel.getTheme(), Zoom.rootFontPx(viewModel.getZoom(), viewModel.isPresentation()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // File menu

    /** The part on show. */
    public PartView currentPart() {
        return parts.get(viewModel.getSelectedPart());
    }

    /** The part for {@code part}, for the screenshot command and tests. */
    public PartView part(MainViewModel.Part part) {
        return parts.get(part);
    }

    /** Puts a part into its tab in place of what was there; tests use it to stand in for a part. */
    void install(MainViewModel.Part part, PartView view) {
        parts.put(part, view);
        tabByPart.get(part).setContent(view.node());
    }

    /** Asks for a file to open or save; tests replace it, since native dialogs cannot run headless. */
    @FunctionalInterface
    public interface FilePicker {
        Optional<Path> pick(String title, String initialName, FileChooser.ExtensionFilter filter, boolean save);
    }

    private FilePicker filePicker = this::nativeDialog;

    /** Replaces the native file dialog, e.g. in tests. */
    public void setFilePicker(FilePicker picker) {
        this.filePicker = picker;
    }

    private Optional<Path> choose(String title, String fileName, FileChooser.ExtensionFilter filter, boolean save) {
        return filePicker.pick(title, fileName, filter, save);
    }

    private Optional<Path> nativeDialog(String title, String fileName, FileChooser.ExtensionFilter filter,
            boolean save) {
        if (getScene() == null || getScene().getWindow() == null) {
            return Optional.empty();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        chooser.setInitialFileName(fileName);
        var file = save ? chooser.showSaveDialog(getScene().getWindow())
                : chooser.showOpenDialog(getScene().getWindow());
        return Optional.ofNullable(file).map(java.io.File::toPath);
    }

    private void chooseAndExportPng(double scale) {
        String name = "racelab-" + viewModel.getSelectedPart().name().toLowerCase()
                + (scale == PngExport.DOUBLE ? "@2x" : "") + ".png";
        choose("Export PNG", name, new FileChooser.ExtensionFilter("PNG image", "*.png"), true)
                .ifPresent(path -> exportPng(path, scale));
    }

    /**
     * Snapshots the current part now and writes the PNG in the background; the result is also reported inline.
     * Headless-testable: no dialog.
     */
    public CompletableFuture<Path> exportPng(Path file, double scale) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        WritableImage image;
        try {
            image = PngExport.snapshot(currentPart().exportNode(), scale);
        } catch (RuntimeException e) {
            viewModel.notify(Notice.error("Could not capture the image: " + e.getMessage()));
            done.completeExceptionally(e);
            return done;
        }
        String size = (int) image.getWidth() + " × " + (int) image.getHeight();
        background().submit(() -> {
            PngExport.write(image, file);
            return file;
        }, path -> {
            viewModel.notify(Notice.info("Saved " + path.getFileName() + " (" + size + " px)"));
            done.complete(path);
        }, failure -> {
            String why = failure instanceof IOException io ? ScenarioCodec.describe(io) : failure.toString();
            viewModel.notify(Notice.error("Could not save " + file.getFileName() + ": " + why));
            done.completeExceptionally(failure);
        });
        return done;
    }

    /** Copies the run of the current part (or else the stepper's) to the clipboard as text. */
    public Optional<String> copyRunAsText() {
        Optional<String> text = currentPart().copyText().or(() -> parts.get(MainViewModel.Part.STEPPER).copyText());
        if (text.isEmpty()) {
            viewModel.notify(Notice.warning("There is no run to copy yet: step a few threads in the stepper first."));
            return text;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text.get());
        Clipboard.getSystemClipboard().setContent(content);
        long lines = text.get().lines().count();
        viewModel.notify(Notice.info("Copied the run to the clipboard (" + lines + " lines), ready to paste."));
        return text;
    }

    private void chooseAndOpenScenario() {
        choose("Open scenario", "", new FileChooser.ExtensionFilter("RaceLab scenario", "*.json"), false)
                .ifPresent(this::openScenario);
    }

    private void chooseAndSaveScenario() {
        choose("Save scenario", "scenario.json", new FileChooser.ExtensionFilter("RaceLab scenario", "*.json"), true)
                .ifPresent(this::saveScenario);
    }

    /** Reads a scenario file and hands it to the stepper; a bad file changes nothing and says why inline. */
    public boolean openScenario(Path file) {
        Scenario scenario;
        try {
            scenario = ScenarioCodec.read(file);
        } catch (ScenarioException e) {
            viewModel.notify(Notice.error("Could not open " + file.getFileName() + ": " + e.getMessage()));
            return false;
        }
        return applyScenario(scenario, file.getFileName().toString());
    }

    /** Opens a scenario in the stepper and shows it; false (with an inline message) if it cannot be replayed. */
    public boolean applyScenario(Scenario scenario, String source) {
        PartView stepper = parts.get(MainViewModel.Part.STEPPER);
        try {
            if (!stepper.openScenario(scenario)) {
                viewModel.notify(Notice.warning("The stepper cannot open scenarios yet."));
                return false;
            }
        } catch (IllegalArgumentException e) {
            viewModel.notify(Notice.error("Could not open " + source + ": " + e.getMessage()));
            return false;
        }
        viewModel.select(MainViewModel.Part.STEPPER);
        viewModel.notify(Notice.info("Opened " + source + ": " + describe(scenario)));
        return true;
    }

    /** Writes the stepper's scenario to a file; false (with an inline message) if there is none or it fails. */
    public boolean saveScenario(Path file) {
        Optional<Scenario> scenario = currentScenario();
        if (scenario.isEmpty()) {
            viewModel.notify(Notice.warning("There is no scenario to save: the stepper is not ready yet."));
            return false;
        }
        try {
            ScenarioCodec.write(file, scenario.get());
        } catch (ScenarioException e) {
            viewModel.notify(Notice.error(e.getMessage()));
            return false;
        }
        viewModel.notify(Notice.info("Saved " + file.getFileName() + ": " + describe(scenario.get())));
        return true;
    }

    /** The stepper's current settings and schedule, if the stepper offers them. */
    public Optional<Scenario> currentScenario() {
        return parts.get(MainViewModel.Part.STEPPER).currentScenario();
    }

    static String describe(Scenario s) {
        var c = s.config();
        return c.threads() + " threads × " + c.increments() + (c.increments() == 1 ? " increment" : " increments")
                + ", start " + c.start() + (c.lock() ? ", with lock" : ", no lock")
                + (s.schedule().isEmpty() ? "" : ", schedule " + s.schedule().letters());
    }

    private BackgroundExecutor background() {
        if (background == null) {
            background = FxBackground.create("racelab-export");
        }
        return background;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The window's keyboard shortcuts; the scene installs them, the help overlay lists them. */
    public KeyMap keyMap() {
        return keyMap;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    /** Stops whatever the parts run in the background; called when the window closes. */
    public void dispose() {
        for (PartView part : parts.values()) {
            part.dispose();
        }
        if (background != null) {
            background.close();
        }
    }
}
