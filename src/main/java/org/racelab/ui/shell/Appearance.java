package org.racelab.ui.shell;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Keeps the window's stylesheets in step with the theme, the zoom and presentation mode: the theme's sheet and the
 * root font size (everything else is sized in em, so the zoom scales the whole window).
 */
final class Appearance {

    private final MainViewModel viewModel;
    private final Parent root;

    Appearance(MainViewModel viewModel, Parent root) {
        this.viewModel = viewModel;
        this.root = root;
        viewModel.zoomProperty().addListener((obs, old, z) -> apply());
        viewModel.themeProperty().addListener((obs, old, t) -> apply());
        viewModel.presentationProperty().addListener((obs, old, on) -> apply());
        root.sceneProperty().addListener((obs, old, scene) -> apply());
    }

    void apply() {
        Scene scene = root.getScene();
        if (scene != null) {
            Themes.apply(scene, viewModel.getTheme(),
                    Zoom.rootFontPx(viewModel.getZoom(), viewModel.isPresentation()));
        }
    }
}
