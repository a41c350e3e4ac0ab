package org.racelab.model.explore;

import java.util.List;
import org.racelab.model.MicroOp;
import org.racelab.model.ThreadProgram;

/**
 * One increment's micro-ops as the explorer's thread states see them, read off {@link ThreadProgram} so the
 * explorer and the stepper cannot disagree on what an increment is. A thread's phase is the index of the op it
 * runs next within its current increment.
 */
final class IncrementShape {

    private final List<MicroOp> ops;
    private final int acquire;
    private final int release;
    private final int load;
    private final int store;

    IncrementShape(boolean lock) {
        ops = ThreadProgram.incrementOps(lock);
        acquire = ops.indexOf(MicroOp.ACQUIRE);
        release = ops.indexOf(MicroOp.RELEASE);
        load = ops.indexOf(MicroOp.LOAD);
        store = ops.indexOf(MicroOp.STORE);
        if (load < 0 || store <= load || ops.indexOf(MicroOp.ADD) <= load || ops.indexOf(MicroOp.ADD) >= store
                || (acquire >= 0) != (release >= 0) || (acquire >= 0 && (acquire > load || release < store))) {
            throw new IllegalStateException("the explorer cannot count an increment of " + ops);
        }
    }

    /** Phases per increment. */
    int size() {
        return ops.size();
    }

    MicroOp op(int phase) {
        return ops.get(phase);
    }

    /** Whether a thread in this phase needs the lock before it can step. */
    boolean waitsForLock(int phase) {
        return phase == acquire;
    }

    /** Whether a thread in this phase holds the lock (after its acquire, up to and including its release). */
    boolean holdsLock(int phase) {
        return acquire >= 0 && phase > acquire && phase <= release;
    }

    /** Whether the register matters for the future in this phase: after the load, up to the store. */
    boolean live(int phase) {
        return phase > load && phase <= store;
    }

    /** The register relative to the counter after the op of {@code phase} runs, from {@code offset} before. */
    int offsetAfter(int phase, int offset) {
        return switch (ops.get(phase)) {
            case LOAD -> 0;
            case ADD -> offset + 1;
            case STORE -> 0;
            case ACQUIRE, RELEASE, CALL, SLEEP -> offset;
        };
    }
}
