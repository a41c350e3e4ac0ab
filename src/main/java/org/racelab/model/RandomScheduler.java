package org.racelab.model;

import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Picks the next thread at random among those that can step, from a seed: the same seed on the same states gives
 * the same run. Not thread-safe (it owns a random generator); use one per run.
 */
public final class RandomScheduler {

    private final long seed;
    private final SplittableRandom random;

    public RandomScheduler(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
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
        int pick = random.nextInt(ready);
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
