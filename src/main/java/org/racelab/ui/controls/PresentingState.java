package org.racelab.ui.controls;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Whether a view is presenting: true while the root of the scene it is in carries the shell's
 * {@code :presentation} pseudo-class, followed across scene and root changes. Listens only to the scene and root
 * the view is in now, so a scene the view has left cannot change it.
 */
public final class PresentingState {

    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");

    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private final SetChangeListener<PseudoClass> onRootStates =
            c -> presenting.set(c.getSet().contains(PRESENTATION));
    private final ChangeListener<Parent> onRoot = (obs, old, root) -> watchRoot(root);
    private Scene watchedScene;
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
        if (watchedScene != null) {
            watchedScene.rootProperty().removeListener(onRoot);
        }
        watchedScene = scene;
        if (scene != null) {
            scene.rootProperty().addListener(onRoot);
        }
        watchRoot(scene == null ? null : scene.getRoot());
    }

    private void watchRoot(Parent root) {
        if (watchedRoot != null) {
            watchedRoot.getPseudoClassStates().removeListener(onRootStates);
        }
        watchedRoot = root;
        if (root != null) {
            root.getPseudoClassStates().addListener(onRootStates);
        }
        presenting.set(root != null && root.getPseudoClassStates().contains(PRESENTATION));
    }
}
