package org.racelab.ui.shell;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.racelab.ui.part.Part;

/**
 * Keeps the tab strip whole: the tabs and the presentation bar share one row, and at a large zoom
 * on a narrow screen (250 % at 1024×768) they need more than the row has. Then their type shrinks just enough to
 * fit, never below {@link Part#MIN_TEXT_SHARE} of the screen height, so no tab slides out of view or shows "…".
 *
 * <p>Windowed, the window bar first hides its optional tools ({@link WindowBar#fitBeside}); only if the tabs and
 * the bar's required controls still do not fit does the type shrink, so the two never fight over the same room.
 */
final class StripFit {

    /** The tab labels are 1.2em of the tab's font (racelab.css, .part-tabs .tab-label). */
    private static final double LABEL_EM = 1.2;
    private static final double GAP_PX = 8;

    private final MainViewModel viewModel;
    private final TabPane tabs;
    private double applied = Double.NaN;

    StripFit(MainViewModel viewModel, TabPane tabs) {
        this.viewModel = viewModel;
        this.tabs = tabs;
    }

    /** Called after each layout of the window; changes the type only when the row's need and room differ. */
    void fit(WindowBar bar) {
        Node headers = tabs.lookup(".headers-region");
        if (headers == null || tabs.getWidth() <= 0 || tabs.getScene() == null) {
            return;
        }
        double natural = Zoom.rootFontPx(viewModel.getZoom(), viewModel.isPresentation());
        double current = Double.isNaN(applied) ? natural : applied;
        double headersLeft = tabs.sceneToLocal(headers.localToScene(headers.getLayoutBounds())).getMinX();
        double need = headersLeft + headers.prefWidth(-1) + (bar == null ? 0 : bar.requiredWidth()) + GAP_PX;
        // Everything in the row is sized in em, so its width is proportional to the type: one step converges.
        double floor = viewModel.isPresentation()
                ? Part.MIN_TEXT_SHARE * tabs.getScene().getHeight() / LABEL_EM : Zoom.rootFontPx(Zoom.MIN, false);
        double target = Math.max(floor, Math.min(natural, current * (tabs.getWidth() - headersLeft) / need));
        if (target >= natural - 0.25) {
            apply(Double.NaN, bar);
        } else if (Double.isNaN(applied) || Math.abs(target - applied) > 0.25) {
            apply(target, bar);
        }
    }

    private void apply(double px, WindowBar bar) {
        if (Double.isNaN(px) && Double.isNaN(applied) || px == applied) {
            return;
        }
        applied = px;
        String style = Double.isNaN(px) ? "" : String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px);
        for (Tab tab : tabs.getTabs()) {
            tab.setStyle(style);
        }
        if (bar != null) {
            bar.setStyle(style);
        }
    }
}
