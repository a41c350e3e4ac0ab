package org.racelab.ui.lab;

import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The lab's reading size and layout for the screen it is on. Everything in the lab is sized in em, so one font
 * size decides it all:
 * <ul>
 *   <li>presenting (the window's root has {@code :presentation}), the type is {@value #SCREEN_SHARE} of the
 *       window's height at zoom 100 % and grows with the zoom from there (27 px at 1080 rows, 40.5 px at 150 %);
 *       it never goes below that share, so the back row can always read it;</li>
 *   <li>windowed, the type is the window's root font (the zoom);</li>
 *   <li>in both, the type stops growing where the lab's layout would no longer fit its area (like a slide), so at
 *       a large zoom on a small screen nothing a teacher needs is pushed out of the window.</li>
 * </ul>
 * The settings fold into their drawer when presenting or when the lab is narrower than {@value #FOLD_BELOW_EM} em.
 */
final class LabPresentation {

    /** The smallest text a back row can read on a projector, as a share of the screen's height. */
    static final double SCREEN_SHARE = 0.025;
    /** The shell's root font at zoom 100 % while presenting (15 px × 1.25): the zoom is the root font over this. */
    static final double PRESENTING_ROOT_AT_100 = 18.75;
    /** Narrower than this many em, the settings fold into the drawer so the charts keep their width. */
    static final double FOLD_BELOW_EM = 56;
    /** The width the folded lab needs: two charts side by side with whole titles, the live bar on two rows. */
    static final double NEED_WIDTH_EM = 30;
    /** The height the lab needs, presenting: live bar, readout, charts, legend and a few table rows. */
    static final double NEED_HEIGHT_EM_PRESENTING = 32;
    /** Windowed, the status line and the clear button's bar come on top. */
    static final double NEED_HEIGHT_EM_WINDOWED = 36;
    static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");

    private final Region area;
    private final Label probe;
    private final List<Node> scaled;
    private final Layout layout;
    private final InvalidationListener update = o -> apply();
    private Scene scene;
    private Parent root;

    /**
     * Sizes the type of {@code scaled}, the parts of {@code area}; {@code probe} is an invisible label directly
     * under the area, so its font is the window's root font (the zoom) and never the one this class sets;
     * {@code layout} hears whether the lab presents and whether the settings belong in the drawer.
     */
    LabPresentation(Region area, Label probe, List<Node> scaled, Layout layout) {
        this.area = area;
        this.probe = probe;
        this.scaled = List.copyOf(scaled);
        this.layout = layout;
        probe.sceneProperty().addListener((obs, old, s) -> watch(s));
        probe.fontProperty().addListener(update);
        area.widthProperty().addListener(update);
        area.heightProperty().addListener(update);
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
        double rootPx = probe.getFont().getSize();
        double width = area.getWidth();
        double height = area.getHeight();
        if (scene != null) {
            // A lab whose content is too large for the window may have been given more than the window shows:
            // what counts is the part of the window from the lab's corner on.
            javafx.geometry.Point2D corner = area.localToScene(0, 0);
            width = Math.min(width, scene.getWidth() - Math.max(0, corner.getX()));
            height = Math.min(height, scene.getHeight() - Math.max(0, corner.getY()));
        }
        double px = fontPx(rootPx, presenting, scene == null ? 0 : scene.getHeight(), width, height);
        String style = Math.abs(px - rootPx) < 0.05 ? "" : String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px);
        scaled.forEach(n -> n.setStyle(style));
        layout.apply(presenting, presenting || width > 0 && width / px < FOLD_BELOW_EM);
    }

    /** What the lab's layout does when it starts or stops presenting, or its settings fold or unfold. */
    interface Layout {
        void apply(boolean presenting, boolean folded);
    }

    /**
     * The lab's font in px. {@code rootPx} is the window's root font (zoom included), {@code windowHeight} the
     * screen's height when presenting, {@code width}×{@code height} the lab's own area (0 before the first layout).
     */
    static double fontPx(double rootPx, boolean presenting, double windowHeight, double width, double height) {
        double least = presenting ? Math.ceil(SCREEN_SHARE * windowHeight * 10 - 1e-9) / 10 : 0;
        double wanted = presenting ? least * Math.max(1, rootPx / PRESENTING_ROOT_AT_100) : rootPx;
        if (width > 0 && height > 0) {
            double needHeight = presenting ? NEED_HEIGHT_EM_PRESENTING : NEED_HEIGHT_EM_WINDOWED;
            wanted = Math.min(wanted, Math.min(width / NEED_WIDTH_EM, height / needHeight));
        }
        return Math.max(least, wanted);
    }
}
