package org.racelab.model.explore;

import org.racelab.model.MicroOp;

/**
 * Which steps of two different threads touch different things, so that swapping them as neighbours leaves the
 * execution the same: two loads of the counter; an add, a call or a sleep (thread-local) with anything; a lock
 * step with a load or a store. Stores conflict with loads and stores; lock steps conflict with each other.
 */
public final class StepIndependence {

    private StepIndependence() {
    }

    /** Whether {@code a} and {@code b}, run by two different threads, may swap places as neighbours. */
    public static boolean independent(MicroOp a, MicroOp b) {
        if (touchesCounter(a) && touchesCounter(b)) {
            return a == MicroOp.LOAD && b == MicroOp.LOAD;
        }
        return !(touchesLock(a) && touchesLock(b));
    }

    private static boolean touchesCounter(MicroOp op) {
        return op == MicroOp.LOAD || op == MicroOp.STORE;
    }

    private static boolean touchesLock(MicroOp op) {
        return op == MicroOp.ACQUIRE || op == MicroOp.RELEASE;
    }
}
