package org.racelab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.racelab.ui.shell.Zoom;

/** The lab's reading size: zoom grows it presenting, the back-row minimum holds, and it stops where it would not fit. */
class LabPresentationTest {

    private static double presenting(int zoom, double screenHeight, double width, double height) {
        return LabPresentation.fontPx(Zoom.rootFontPx(zoom, true), true, screenHeight, width, height);
    }

    @Test
    void theReferenceIsTheShellsRootFontAtOneHundredPercentPresenting() {
        assertThat(LabPresentation.PRESENTING_ROOT_AT_100).isEqualTo(Zoom.rootFontPx(100, true));
    }

    @Test
    void presentingTheZoomChangesTheReadingSizeFromTheBackRowMinimumUp() {
        // A 1920×1080 projector: 27 px at 100 %, a tenth larger at 110 %, larger again at 125 %.
        assertThat(presenting(100, 1080, 1920, 1030)).isCloseTo(27, within(0.01));
        assertThat(presenting(110, 1080, 1920, 1030)).isCloseTo(29.7, within(0.01));
        assertThat(presenting(125, 1080, 1920, 1030)).isGreaterThan(presenting(110, 1080, 1920, 1030));
        // Below 100 % the back row still reads it.
        assertThat(presenting(75, 1080, 1920, 1030)).isCloseTo(27, within(0.01));
        assertThat(presenting(75, 768, 1024, 730)).isCloseTo(19.2, within(0.01));
    }

    @Test
    void theTypeStopsGrowingWhereTheLayoutWouldNoLongerFitButNeverBelowTheMinimum() {
        double capped = presenting(250, 768, 1024, 658);
        assertThat(capped).isLessThan(0.025 * 768 * 2.5)
                .isCloseTo(658 / LabPresentation.NEED_HEIGHT_EM_PRESENTING, within(0.01));
        assertThat(presenting(250, 768, 1024, 300)).isCloseTo(19.2, within(0.01));
    }

    @Test
    void windowedTheTypeIsTheZoomUnlessTheLabIsTooSmallForIt() {
        assertThat(LabPresentation.fontPx(15, false, 728, 1024, 690)).isEqualTo(15);
        assertThat(LabPresentation.fontPx(37.5, false, 728, 1024, 643))
                .isCloseTo(643 / LabPresentation.NEED_HEIGHT_EM_WINDOWED, within(0.01));
        // Before its first layout the lab has no size: the zoom alone decides.
        assertThat(LabPresentation.fontPx(37.5, false, 728, 0, 0)).isEqualTo(37.5);
    }
}
