package org.racelab.ui.explorer;

import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;

/**
 * Forwards an exploration's progress at most once per percent, so a large exploration does not flood the JavaFX
 * thread. {@link #report} is called only on the exploring thread; the sink runs on the hand-off executor.
 */
final class ProgressThrottle {

    private final Executor handoff;
    private final DoubleConsumer sink;
    private double last = -1;

    ProgressThrottle(Executor handoff, DoubleConsumer sink) {
        this.handoff = handoff;
        this.sink = sink;
    }

    void report(double fraction) {
        if (fraction - last >= 0.01 || fraction >= 1.0) {
            last = fraction;
            handoff.execute(() -> sink.accept(fraction));
        }
    }
}
