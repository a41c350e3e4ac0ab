package org.racelab.ui.shell;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.racelab.ui.part.PartStyle;

/**
 * Presentation mode: the window's root gets the pseudo-class {@code :presentation}, every node with style class
 * {@link PartStyle#SECONDARY} is hidden and unmanaged, and the stage goes full screen (or, with no window manager,
 * is stretched over the screen and put back afterwards).
 */
final class PresentationMode {

    static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");

    private final MainViewModel viewModel;
    private final Parent root;
    private Rectangle2D windowedBounds;
    private boolean fallbackFullScreen;

    PresentationMode(MainViewModel viewModel, Parent root) {
        this.viewModel = viewModel;
        this.root = root;
        viewModel.presentationProperty().addListener((obs, old, on) -> apply());
    }

    /** Hides or shows the secondary controls; call again when a part's view was built after the switch. */
    void apply() {
        boolean on = viewModel.isPresentation();
        root.pseudoClassStateChanged(PRESENTATION, on);
        for (Node n : root.lookupAll("." + PartStyle.SECONDARY)) {
            if (!n.visibleProperty().isBound()) {
                n.setVisible(!on);
            }
            if (!n.managedProperty().isBound()) {
                n.setManaged(!on);
            }
        }
    }

    /** Makes the stage follow presentation mode; Esc and F11 belong to the KeyMap, not to the stage. */
    void attach(Stage stage) {
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        viewModel.presentationProperty().addListener((obs, old, on) -> fullScreen(stage, on));
        stage.fullScreenProperty().addListener((obs, old, on) -> {
            if (!on && !fallbackFullScreen) {
                viewModel.setPresentation(false);
            }
        });
    }

    /** True while the window fills the screen, so its place is not the one to remember. */
    boolean stretched() {
        return fallbackFullScreen;
    }

    /**
     * Full screen for presentation mode. Without a window manager (a bare X server) the platform cannot go full
     * screen; then the window is simply stretched over the whole screen and put back afterwards.
     */
    private void fullScreen(Stage stage, boolean on) {
        if (on) {
            windowedBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            stage.setFullScreen(true);
            Platform.runLater(() -> {
                Rectangle2D screen = Screen.getScreensForRectangle(windowedBounds).stream().findFirst()
                        .orElse(Screen.getPrimary()).getBounds();
                if (viewModel.isPresentation() && stage.getWidth() < screen.getWidth()) {
                    fallbackFullScreen = true;
                    stage.setX(screen.getMinX());
                    stage.setY(screen.getMinY());
                    stage.setWidth(screen.getWidth());
                    stage.setHeight(screen.getHeight());
                }
            });
        } else {
            stage.setFullScreen(false);
            if (fallbackFullScreen && windowedBounds != null) {
                stage.setX(windowedBounds.getMinX());
                stage.setY(windowedBounds.getMinY());
                stage.setWidth(windowedBounds.getWidth());
                stage.setHeight(windowedBounds.getHeight());
            }
            fallbackFullScreen = false;
        }
    }
}
