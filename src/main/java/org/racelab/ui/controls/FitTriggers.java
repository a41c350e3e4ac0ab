package org.racelab.ui.controls;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;

/**
 * Lays a view that fits its type to its area out again whenever something its fit reads changes besides its own
 * size: the screen's height, presenting (followed by {@link PresentingState}) and the zoom (the font of an
 * invisible probe label under the view, which carries the window's root font).
 */
public final class FitTriggers {

    private FitTriggers() {
    }

    /**
     * Installs the triggers on {@code view}, for its scene now and every scene it moves to, and returns whether the
     * view is presenting, the state they follow, for the view's own fit to read (one watcher per view).
     */
    public static ReadOnlyBooleanProperty install(Parent view, Label probe) {
        probe.fontProperty().addListener((obs, old, now) -> view.requestLayout());
        ReadOnlyBooleanProperty presenting = PresentingState.of(view);
        presenting.addListener((obs, was, now) -> view.requestLayout());
        ChangeListener<Number> onHeight = (obs, old, now) -> view.requestLayout();
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.heightProperty().removeListener(onHeight);
            }
            watch(view, scene, onHeight);
        });
        watch(view, view.getScene(), onHeight);
        return presenting;
    }

    private static void watch(Parent view, Scene scene, ChangeListener<Number> onHeight) {
        if (scene != null) {
            scene.heightProperty().addListener(onHeight);
        }
        view.requestLayout();
    }
}
