package org.racelab.model;

import java.util.Optional;

/**
 * One executed micro-step: its 1-based index in the run, the thread, the op, that thread's register after it
 * ({@code null} until the thread's first load), the counter after it, and the lost update a stale store caused.
 */
public record Step(int index, char thread, MicroOp op, Integer register, int counter, boolean stale,
        Optional<LostUpdate> lostUpdate) {

    public Step {
        lostUpdate = lostUpdate == null ? Optional.empty() : lostUpdate;
        if (stale != lostUpdate.isPresent()) {
            throw new IllegalArgumentException("a step is stale exactly when it carries a lost update");
        }
    }

    /** The thread's index, A = 0. */
    public int threadIndex() {
        return thread - 'A';
    }

    /** What the step did in words, for narration: "A loads 5", "B adds 1: 6", "A stores 6". */
    public String describe() {
        return switch (op) {
            case ACQUIRE -> thread + " acquires the lock";
            case LOAD -> thread + " loads " + register + " from count into its register";
            case ADD -> thread + " adds 1 in its register: " + register
                    + (register != counter ? " (count is still " + counter + ")" : "");
            case STORE -> lostUpdate.map(LostUpdate::narration).orElse(thread + " stores " + counter + " into count");
            case RELEASE -> thread + " releases the lock";
            case CALL -> thread + " calls one() (its register still holds " + register + ")";
            case SLEEP -> thread + " sleeps (its register still holds " + register + ")";
        };
    }

    /** A short cell text for timelines: "load 5", "add 6", "store 6", "acquire", "release". */
    public String cell() {
        return switch (op) {
            case ACQUIRE, RELEASE, CALL, SLEEP -> op.label();
            case LOAD, ADD -> op.label() + " " + register;
            case STORE -> op.label() + " " + counter;
        };
    }
}
