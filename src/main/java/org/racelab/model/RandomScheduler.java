package org.racelab.model;

import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Picks the next thread at random among those that can step, from a seed: the same seed gives the same run. The
 * choice depends only on the seed and the step number, so undoing a random step and taking it again repeats it.
 * Immutable, so safe to share.
 */
public final class RandomScheduler {

    private final long seed;

    public RandomScheduler(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A ready thread chosen uniformly, or empty when no thread can step. */
    public OptionalInt next(MachineState state) {
        int ready = 0;
        for (int i = 0; i < state.threadCount(); i++) {
            if (state.canStep(i)) {
                ready++;
            }
        }
        if (ready == 0) {
            return OptionalInt.empty();
        }
        int pick = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + state.stepsTaken()).nextInt(ready);
        for (int i = 0; i < state.threadCount(); i++) {
            if (state.canStep(i) && pick-- == 0) {
                return OptionalInt.of(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A whole random schedule from the start of {@code config}. */
    public static Schedule completeSchedule(RaceConfig config, long seed) {
        RandomScheduler s = new RandomScheduler(seed);
        MachineState state = MachineState.initial(config);
        Schedule schedule = Schedule.EMPTY;
        for (OptionalInt next = s.next(state); next.isPresent(); next = s.next(state)) {
            state = ((StepResult.Stepped) state.step(next.getAsInt())).state();
            schedule = schedule.append(next.getAsInt());
        }
        return schedule;
    }
}
