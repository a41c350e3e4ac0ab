package org.racelab.ui.shell;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the stepper, the lab and the explorer. */
public final class RaceLabApp extends Application {

    public static final String TITLE = "RaceLab";
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;

    /** Preferences are read while the JavaFX toolkit starts, not after it: off the startup path. */
    private static CompletableFuture<SettingsStore.Loaded> preloaded;

    /** Held strongly: java.util.logging keeps loggers weakly and would forget the level. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private RaceLabRoot root;
    private Stage stage;
    private SettingsStore store;
    private Settings settings = Settings.DEFAULTS;
    private boolean closed;

    /** Launches the window and, once it is closed, ends the JVM even if a library left a thread behind. */
    public static void launchAndExit(String[] args) {
        quietJavaFxWarnings();
        RenderPipeline.chooseForThisMachine();
        SettingsStore store = SettingsStore.forUser();
        preloaded = CompletableFuture.supplyAsync(store::load);
        Application.launch(RaceLabApp.class, args);
        System.exit(0);
    }

    /** JavaFX warns on every start that it was loaded from the class path, which is how a shaded jar works. */
    static void quietJavaFxWarnings() {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @Override
    public void start(Stage stage) {
        store = SettingsStore.forUser();
        SettingsStore.Loaded loaded = preloaded != null ? preloaded.join() : store.load();
        show(stage, loaded);
        // Every way the window goes away (close button, Alt+F4, window manager) ends the application.
        stage.setOnHidden(e -> {
            closed();
            Platform.exit();
        });
    }

    /** Builds the main window with default settings and shows it; tests use this without the exit hook. */
    public void show(Stage stage) {
        show(stage, new SettingsStore.Loaded(Settings.DEFAULTS, java.util.List.of()));
    }

    /** Builds the main window with the given settings; closing it saves them if a store is set. */
    void show(Stage stage, SettingsStore.Loaded loaded) {
        settings = loaded.settings();
        MainViewModel viewModel = new MainViewModel();
        viewModel.setTheme(settings.theme());
        viewModel.setZoom(settings.zoom());
        root = new RaceLabRoot(viewModel);
        MainView mainView = root.window();
        Rectangle2D place = initialPlace(settings.window());
        Scene scene = new Scene(mainView, place.getWidth(), place.getHeight());
        root.keyMap().install(scene);
        stage.setTitle(TITLE);
        stage.getIcons().setAll(WindowIcons.load());
        stage.setScene(scene);
        // The window takes the size chosen above even if the stage was shown before (a reused stage keeps its own).
        stage.sizeToScene();
        if (settings.window().isPresent()) {
            stage.setX(place.getMinX());
            stage.setY(place.getMinY());
            stage.setMaximized(settings.window().get().maximized());
        }
        mainView.presentation().attach(stage);
        this.stage = stage;
        stage.setOnHidden(e -> closed());
        stage.show();
        stage.setMinWidth(Math.min(MIN_WIDTH, place.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, place.getHeight()));
        // Some window managers (openbox under a bare X server) map the window at its minimum size and ignore the
        // scene's; if the first sizes the window gets are smaller than asked for, ask once more.
        javafx.beans.value.ChangeListener<Number> grow = new javafx.beans.value.ChangeListener<>() {
            private int tries = 4;

            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                if (--tries <= 0 || stage.isMaximized() || stage.isFullScreen()
                        || viewModel.isPresentation()) {
                    scene.widthProperty().removeListener(this);
                    return;
                }
                if (scene.getWidth() < place.getWidth() - 1 || scene.getHeight() < place.getHeight() - 1) {
                    Platform.runLater(() -> {
                        stage.setWidth(stage.getWidth() + place.getWidth() - scene.getWidth());
                        stage.setHeight(stage.getHeight() + place.getHeight() - scene.getHeight());
                        keepOnScreen(stage);
                    });
                }
            }
        };
        scene.widthProperty().addListener(grow);
        keepOnScreen(stage);
        Platform.runLater(() -> keepOnScreen(stage));
        if (!loaded.warnings().isEmpty()) {
            viewModel.notify(Notice.warning("Preferences were damaged and reset to defaults: "
                    + String.join("; ", loaded.warnings()) + "."));
        }
        // The last scenario needs Jackson and the stepper's replay: after the first frame, not before.
        settings.lastScenario().ifPresent(json -> Platform.runLater(() -> root.files().restoreLastScenario(json)));
    }

    /** The saved place if it is still on a screen, else the default size clamped to the primary screen. */
    static Rectangle2D initialPlace(Optional<Settings.WindowPlace> saved) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (saved.isPresent()) {
            Settings.WindowPlace w = saved.get();
            var screens = Screen.getScreensForRectangle(w.x(), w.y(), w.width(), w.height());
            if (!screens.isEmpty()) {
                // Never smaller than the minimum the layouts are made for, never larger than the screen.
                return clampToScreen(new Rectangle2D(w.x(), w.y(), Math.max(w.width(), MIN_WIDTH),
                        Math.max(w.height(), MIN_HEIGHT)), screens.get(0).getVisualBounds());
            }
        }
        return clampToScreen(new Rectangle2D(screen.getMinX(), screen.getMinY(), DEFAULT_WIDTH, DEFAULT_HEIGHT),
                screen);
    }

    /** The window moved and shrunk so that it lies whole on the screen (a size saved on a bigger monitor). */
    static Rectangle2D clampToScreen(Rectangle2D window, Rectangle2D screen) {
        double width = Math.min(window.getWidth(), screen.getWidth());
        double height = Math.min(window.getHeight(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(window.getMinX(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(window.getMinY(), screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }

    /**
     * After the window is shown: its frame (title bar, borders) comes on top of the scene's size, and some window
     * managers grow a window to its content; either can make it taller than the screen (1028×954 on a 1024×768
     * screen), which hides the parts' bottom rows. Shrink it back onto the screen it opened on.
     */
    static void keepOnScreen(Stage stage) {
        if (stage.isFullScreen() || stage.isMaximized()) {
            return;
        }
        Rectangle2D now = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        Rectangle2D screen = Screen.getScreensForRectangle(now).stream().findFirst().orElse(Screen.getPrimary())
                .getVisualBounds();
        Rectangle2D fit = clampToScreen(now, screen);
        if (!fit.equals(now)) {
            stage.setX(fit.getMinX());
            stage.setY(fit.getMinY());
            stage.setWidth(fit.getWidth());
            stage.setHeight(fit.getHeight());
        }
    }

    private void rememberWindow(Stage stage) {
        if (stage.isFullScreen() || root.window().presentation().stretched() || stage.getScene() == null) {
            return;
        }
        settings = settings.withWindow(Optional.of(new Settings.WindowPlace(stage.getX(), stage.getY(),
                stage.getScene().getWidth(), stage.getScene().getHeight(), stage.isMaximized())));
    }

    /** Saves preferences and stops background work; runs once, however the window went away. */
    void closed() {
        if (closed) {
            return;
        }
        closed = true;
        // Every way out (close button, Alt+F4, File > Quit, the window manager) passes here: remember the window.
        if (stage != null) {
            rememberWindow(stage);
        }
        MainViewModel vm = root.viewModel();
        Optional<String> scenario = root.files().currentScenarioJson();
        settings = settings.withTheme(vm.getTheme()).withZoom(vm.getZoom())
                .withLastScenario(scenario.isPresent() ? scenario : settings.lastScenario());
        if (store != null) {
            store.save(settings);
        }
        root.dispose();
    }

    /** The window's content, for tests. */
    public MainView mainView() {
        return root.window();
    }

    /** Everything the window is made of, for tests and the screenshots. */
    public RaceLabRoot root() {
        return root;
    }

    /** Uses a preference store for saving on close, for tests. */
    void useStore(SettingsStore value) {
        store = value;
    }

    @Override
    public void stop() {
        if (root != null) {
            closed();
        }
    }
}
