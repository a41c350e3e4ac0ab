package org.racelab.ui.lab;

import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;

/**
 * Reading size while presenting: when the window's root has the pseudo-class {@code :presentation}, the lab's
 * regions get a font of at least {@value #SCREEN_SHARE} of the window's height (27 px at 1080 rows, 19 px at 768),
 * or the root's own font if the zoom made that larger; everything inside is sized in em, so it all follows.
 */
final class LabPresentation {

    /** The smallest text a back row can read on a projector, as a share of the screen's height. */
    static final double SCREEN_SHARE = 0.025;
    static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");

    private final Label probe;
    private final List<Node> scaled;
    private final InvalidationListener update = o -> apply();
    private Scene scene;
    private Parent root;

    /**
     * Scales {@code scaled}; {@code probe} is an invisible label directly under the view, so its font is the
     * window's root font (the zoom) and never the one this class sets.
     */
    LabPresentation(Label probe, List<Node> scaled) {
        this.probe = probe;
        this.scaled = List.copyOf(scaled);
        probe.sceneProperty().addListener((obs, old, s) -> watch(s));
        probe.fontProperty().addListener(update);
        watch(probe.getScene());
    }

    private void watch(Scene next) {
        if (scene != null) {
            scene.heightProperty().removeListener(update);
            scene.rootProperty().removeListener(update);
        }
        scene = next;
        if (scene != null) {
            scene.heightProperty().addListener(update);
            scene.rootProperty().addListener(update);
        }
        apply();
    }

    private void apply() {
        Parent nextRoot = scene == null ? null : scene.getRoot();
        if (nextRoot != root) {
            if (root != null) {
                root.getPseudoClassStates().removeListener(update);
            }
            root = nextRoot;
            if (root != null) {
                root.getPseudoClassStates().addListener(update);
            }
        }
        boolean presenting = root != null && root.getPseudoClassStates().contains(PRESENTATION);
        String style = presenting ? String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                fontPx(probe.getFont().getSize(), scene.getHeight())) : "";
        scaled.forEach(n -> n.setStyle(style));
    }

    /** The presenting font: the zoomed root font, but never below the back-row minimum for this height. */
    static double fontPx(double rootFontPx, double windowHeight) {
        return Math.max(rootFontPx, Math.ceil(SCREEN_SHARE * windowHeight * 10) / 10);
    }
}
