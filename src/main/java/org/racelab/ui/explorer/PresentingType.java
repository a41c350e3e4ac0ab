package org.racelab.ui.explorer;

import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Sizes a node's type from its window's height while the window presents, so the back row can read it: the
 * explorer and its reality pane follow the same rule.
 */
final class PresentingType {

    /** Presenting, type is this share of the window's height: a little above the 2.5 % rule. */
    static final double TEXT_SHARE = 0.026;

    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");

    private final Node node;
    private final ChangeListener<Number> heightListener = (o, old, h) -> fit();
    private final SetChangeListener<PseudoClass> presentingListener = c -> fit();

    private PresentingType(Node node) {
        this.node = node;
    }

    /** Makes {@code node}'s type follow its scene's height whenever the scene's root presents. */
    static void follow(Node node) {
        PresentingType type = new PresentingType(node);
        node.sceneProperty().addListener((o, old, scene) -> type.watch(old, scene));
        type.watch(null, node.getScene());
    }

    private void watch(Scene old, Scene scene) {
        if (old != null) {
            old.heightProperty().removeListener(heightListener);
            old.getRoot().getPseudoClassStates().removeListener(presentingListener);
        }
        if (scene != null) {
            scene.heightProperty().addListener(heightListener);
            scene.getRoot().getPseudoClassStates().addListener(presentingListener);
        }
        fit();
    }

    private void fit() {
        Scene scene = node.getScene();
        Parent root = scene == null ? null : scene.getRoot();
        if (root != null && root.getPseudoClassStates().contains(PRESENTATION)) {
            node.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", scene.getHeight() * TEXT_SHARE));
        } else {
            node.setStyle("");
        }
    }
}
