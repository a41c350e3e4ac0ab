package org.racelab.ui.controls;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Whether a view is presenting: true while the root of the scene it is in carries the shell's
 * {@code :presentation} pseudo-class, followed across scene and root changes, for views that show or hide a
 * control by it rather than only restyle.
 */
public final class PresentingState {

    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");

    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private final SetChangeListener<PseudoClass> onRootStates = c -> update(c.getSet().contains(PRESENTATION));
    private Parent watchedRoot;

    private PresentingState(Node view) {
        view.sceneProperty().addListener((obs, old, scene) -> watch(scene));
        watch(view.getScene());
    }

    /** Follows {@code view}'s scene from now on. */
    public static ReadOnlyBooleanProperty of(Node view) {
        return new PresentingState(view).presenting.getReadOnlyProperty();
    }

    private void watch(Scene scene) {
        if (scene == null) {
            watchRoot(null);
            return;
        }
        scene.rootProperty().addListener((obs, old, root) -> watchRoot(root));
        watchRoot(scene.getRoot());
    }

    private void watchRoot(Parent root) {
        if (watchedRoot != null) {
            watchedRoot.getPseudoClassStates().removeListener(onRootStates);
        }
        watchedRoot = root;
        if (root != null) {
            root.getPseudoClassStates().addListener(onRootStates);
        }
        update(root != null && root.getPseudoClassStates().contains(PRESENTATION));
    }

    private void update(boolean on) {
        presenting.set(on);
    }
}
