package org.racelab.ui.shell;

import java.util.List;

/** The zoom steps of the whole UI, in percent of the base font size; everything is sized in em, so it all scales. */
public final class Zoom {

    public static final int MIN = 75;
    public static final int MAX = 250;
    public static final int DEFAULT = 100;
    /** Base root font size in px at 100%; chosen so that 1024x768 still fits the stepper. */
    public static final double BASE_FONT_PX = 15;
    /** How much larger the type is in presentation mode, on top of the zoom. */
    public static final double PRESENTATION_FACTOR = 1.25;

    static final List<Integer> STEPS = List.of(75, 90, 100, 110, 125, 150, 175, 200, 225, 250);

    private Zoom() {
    }

    /** The next larger step, or MAX. */
    public static int in(int percent) {
        return STEPS.stream().filter(s -> s > percent).findFirst().orElse(MAX);
    }

    /** The next smaller step, or MIN. */
    public static int out(int percent) {
        int result = MIN;
        for (int s : STEPS) {
            if (s < percent) {
                result = s;
            }
        }
        return result;
    }

    /** Clamps a stored or typed value into the allowed range. */
    public static int clamp(int percent) {
        return Math.max(MIN, Math.min(MAX, percent));
    }

    /** The root font size in px for a zoom level, with or without presentation mode's larger type. */
    public static double rootFontPx(int percent, boolean presentation) {
        double px = BASE_FONT_PX * percent / 100.0;
        return presentation ? px * PRESENTATION_FACTOR : px;
    }
}
