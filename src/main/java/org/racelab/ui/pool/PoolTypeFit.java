package org.racelab.ui.pool;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.racelab.ui.controls.TypeSize;
import org.racelab.ui.part.Part;

/**
 * Sizes the pool view's type so its buttons and both charts fit the part's area, like a slide: the zoom's size if
 * it fits, else the largest size that does (issue #11), kept as an inline font size on the view's content.
 */
final class PoolTypeFit {

    /** Windowed, the type never shrinks under this to fit (px). */
    static final double MIN_WINDOWED_PX = 11;
    /** The Gantt chart's lanes keep at least this many lines of height (the sweep chart 1.6 times it). */
    static final double CHART_MIN_EM = 7;

    private final Region content;
    private final Region top;
    private final VBox ganttBox;
    private final Region gantt;
    private final Label probe;
    /** What the type was last fitted for; the fit runs again only when this changes. */
    private String fittedFor = "";

    /** @param probe an unmanaged label whose font is the root's (the zoom), not the fitted one */
    PoolTypeFit(Region content, Region top, VBox ganttBox, Region gantt, Label probe) {
        this.content = content;
        this.top = top;
        this.ganttBox = ganttBox;
        this.gantt = gantt;
        this.probe = probe;
    }

    /**
     * Presenting, the type the zoom asks for is sized to the window's height (never under 2.5 % of it); windowed
     * it follows the root. If the buttons and the two charts would not fit at that size (a chart needs
     * {@link #CHART_MIN_EM} lines of height), the type shrinks like a slide to the largest size at which they do:
     * presenting never under the 2.5 % rule, windowed never under half the zoom's size.
     */
    void fit(Scene scene, boolean presenting, double w, double h) {
        double inherited = probe.getFont().getSize();
        // The rows on show count too: presenting, the Settings button brings the settings row back.
        long rows = top.getChildrenUnmodifiable().stream().filter(javafx.scene.Node::isManaged).count();
        String key = String.format(java.util.Locale.ROOT, "%s %.1f %.1f %.2f %.1f %d", presenting, w, h, inherited,
                scene.getHeight(), rows);
        if (key.equals(fittedFor) || w <= 0 || h <= 0) {
            return;
        }
        fittedFor = key;
        double zoom = Math.max(1, inherited / PoolView.PRESENTING_BASE_PX);
        double wished = presenting ? PoolView.PRESENTING_SHARE * scene.getHeight() * zoom : inherited;
        double floor = presenting ? Part.MIN_TEXT_SHARE * scene.getHeight() + 0.1
                : Math.min(wished, Math.max(MIN_WINDOWED_PX, wished / 2));
        double px = TypeSize.largestFitting(wished, floor, size -> fits(size, w, h));
        apply(presenting || px != inherited ? px : -1);
    }

    /** True if, with type of {@code px}, the rows of buttons and both charts at a readable height fit w×h. */
    private boolean fits(double px, double w, double h) {
        apply(px);
        content.applyCss();
        double inner = w - content.snappedLeftInset() - content.snappedRightInset();
        if (top.minWidth(-1) > inner) {
            return false;
        }
        // The status lines count as they read now; a longer message later takes the charts' room, not the window's.
        double topH = top.prefHeight(inner);
        double leftW = inner * PoolView.GANTT_SHARE / 100;
        double ganttNeed = 0;
        for (javafx.scene.Node n : ganttBox.getChildren()) {
            ganttNeed += n == gantt ? CHART_MIN_EM * px : n.prefHeight(leftW);
        }
        ganttNeed += ganttBox.getSpacing() * (ganttBox.getChildren().size() - 1);
        double need = Math.max(ganttNeed, CHART_MIN_EM * 1.6 * px);
        return content.snappedTopInset() + topH + need + content.snappedBottomInset() + px <= h;
    }

    private void apply(double px) {
        String style = px < 0 ? "" : String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", px);
        if (!style.equals(content.getStyle())) {
            content.setStyle(style);
        }
    }

}
