package org.racelab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TypeSizeTest {

    @Test
    void theWishedSizeWhenItFits() {
        assertThat(TypeSize.largestFitting(30, 19, px -> px <= 40)).isEqualTo(30);
    }

    @Test
    void theLargestFittingSizeWithinAQuarterPixelRoundedDown() {
        double px = TypeSize.largestFitting(40, 19, size -> size <= 27.3);
        assertThat(px).isBetween(27.3 - 0.25, 27.3);
        assertThat(px * 10).isEqualTo(Math.floor(px * 10));
    }

    @Test
    void theFloorWhenNothingLargerFitsAndAtMostEightLayouts() {
        AtomicInteger tries = new AtomicInteger();
        double px = TypeSize.largestFitting(200, 19, size -> {
            tries.incrementAndGet();
            return false;
        });
        assertThat(px).isEqualTo(19);
        assertThat(tries.get()).isLessThanOrEqualTo(8);
    }
}
