package org.racelab.ui.lab;

import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import org.racelab.lab.FrameGapStats;

/**
 * Measures how smooth the window is: an {@link AnimationTimer} records the interval between consecutive JavaFX
 * pulses and reports p50, p99 and max about once a second.
 *
 * <p>Confined to the JavaFX application thread (the timer's callback runs there), so it needs no locking.
 * Keeps at most {@link #CAPACITY} gaps, so an hour-long lecture cannot grow its memory.
 */
public final class FrameGapMeter {

    /** Ten minutes of frames at 60 Hz; older gaps are overwritten. */
    public static final int CAPACITY = 36_000;
    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

    private final long[] gaps = new long[CAPACITY];
    private final Consumer<FrameGapStats> onReport;
    private int count;
    private int next;
    private long lastPulse;
    private long lastReport;
    private boolean running;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    public FrameGapMeter(Consumer<FrameGapStats> onReport) {
        this.onReport = onReport;
    }

    /** Forgets earlier gaps and starts recording. */
    public void start() {
        count = 0;
        next = 0;
        lastPulse = 0;
        lastReport = 0;
        running = true;
        timer.start();
    }

    /** Stops recording and reports the final figures. */
    public void stop() {
        if (running) {
            running = false;
            timer.stop();
            onReport.accept(stats());
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** The figures over every gap recorded since {@link #start()} (up to the capacity). */
    public FrameGapStats stats() {
        return FrameGapStats.of(gaps, count);
    }

    void pulse(long now) {
        if (lastPulse != 0) {
            gaps[next] = now - lastPulse;
            next = (next + 1) % CAPACITY;
            count = Math.min(count + 1, CAPACITY);
        }
        lastPulse = now;
        if (lastReport == 0) {
            lastReport = now;
        } else if (now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            onReport.accept(stats());
        }
    }
}
