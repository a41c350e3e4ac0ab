package org.racelab.ui.stepper;

/**
 * Calls an action again and again at a rate until stopped: auto-play's clock, injected so the view-model needs no
 * animation and tests can tick by hand.
 */
public interface Ticker {

    /** Starts ticking {@code tick} {@code perSecond} times a second; a running ticker restarts at the new rate. */
    void start(double perSecond, Runnable tick);

    /** Stops ticking; no tick runs after this returns. */
    void stop();
}
