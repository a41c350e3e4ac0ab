package org.racelab.ui.controls;

import java.util.function.DoublePredicate;

/** The largest type size at which a view still fits its area, found by bisection between a floor and a wish. */
public final class TypeSize {

    private TypeSize() {
    }

    /**
     * The wished size if it fits, else the largest size in [floor, wished] that does (to 0.25 px, rounded down to
     * 0.1 px); the floor when nothing larger fits. Seven halvings at most: each try lays the view out once.
     */
    public static double largestFitting(double wished, double floor, DoublePredicate fits) {
        if (fits.test(wished)) {
            return wished;
        }
        double lo = floor;
        double hi = wished;
        for (int i = 0; i < 7 && hi - lo > 0.25; i++) {
            double mid = (lo + hi) / 2;
            if (fits.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.floor(lo * 10) / 10;
    }
}
