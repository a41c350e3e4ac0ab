package org.racelab.ui.controls;

import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;

/**
 * Lays a view that fits its type to its area out again whenever something its fit reads changes besides its own
 * size: the screen's height, presenting (a pseudo-class of the scene's root) and the zoom (the font of an invisible
 * probe label under the view, which carries the window's root font).
 */
public final class FitTriggers {

    private FitTriggers() {
    }

    /** Installs the triggers on {@code view}, for its scene now and every scene it moves to. */
    public static void install(Parent view, Label probe) {
        probe.fontProperty().addListener((obs, old, now) -> view.requestLayout());
        view.sceneProperty().addListener((obs, old, scene) -> watch(view, scene));
        watch(view, view.getScene());
    }

    private static void watch(Parent view, Scene scene) {
        if (scene == null) {
            return;
        }
        scene.heightProperty().addListener((obs, old, now) -> view.requestLayout());
        scene.rootProperty().addListener((obs, old, root) -> watchRoot(view, root));
        watchRoot(view, scene.getRoot());
    }

    private static void watchRoot(Parent view, Parent root) {
        if (root != null) {
            root.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c -> view.requestLayout());
        }
        view.requestLayout();
    }
}
