package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

/**
 * Converts between a schedule and its position in lexicographic order (A before B before ...), overall or among
 * the schedules ending at one final value, by walking the built space and summing completion counts: no schedule
 * is ever listed. Reads only the frozen space, so any thread may use it.
 */
final class ScheduleRanker {

    private final InterleavingSpace space;
    private final ThreadStates states;
    private final StateKeys codec;
    private final int threads;
    private final int length;

    ScheduleRanker(InterleavingSpace space, ThreadStates states, StateKeys codec) {
        this.space = space;
        this.states = states;
        this.codec = codec;
        this.threads = codec.threads;
        this.length = space.config.scheduleLength();
    }

    /**
     * A walk through one schedule with the threads in their own order (thread A first), their registers relative
     * to the counter, and the counter relative to the start.
     */
    private final class Walk {
        final int[] ids = new int[threads];
        final int[] scratch = new int[threads];
        int counter;
        int step;

        Walk() {
            Arrays.fill(ids, states.initial());
        }

        boolean runnable(int who) {
            return states.runnable(ids[who], states.lockHeld(ids, threads));
        }

        /** Completions after {@code who} steps: all of them, or only those ending at start + targetDelta. */
        BigInteger countAfter(int who, Integer targetDelta) {
            states.step(ids, who, scratch, threads);
            int c = space.indexOf(step + 1, codec.packSorted(scratch));
            int newCounter = counter + (states.isStore(ids[who]) ? states.storeShift(ids[who]) : 0);
            return targetDelta == null ? space.total(step + 1, c) : space.count(step + 1, c, targetDelta - newCounter);
        }

        /** Steps thread {@code who}; returns whether that step was a stale store. */
        boolean advance(int who) {
            int id = ids[who];
            boolean stale = states.staleStore(id);
            counter += states.isStore(id) ? states.storeShift(id) : 0;
            states.step(ids, who, scratch, threads);
            System.arraycopy(scratch, 0, ids, 0, threads);
            step++;
            return stale;
        }
    }

    /** The {@code index}-th schedule (0-based, lexicographic) overall or among those ending at start + delta. */
    ExploredSchedule unrank(Integer targetDelta, BigInteger index) {
        Walk w = new Walk();
        StringBuilder letters = new StringBuilder(length);
        List<Integer> stale = new ArrayList<>();
        BigInteger rest = index;
        while (w.step < length) {
            int chosen = -1;
            for (int who = 0; who < threads; who++) {
                if (!w.runnable(who)) {
                    continue;
                }
                BigInteger c = w.countAfter(who, targetDelta);
                if (rest.compareTo(c) < 0) {
                    chosen = who;
                    break;
                }
                rest = rest.subtract(c);
            }
            if (chosen < 0) {
                throw new IllegalArgumentException("index " + index + " is beyond the last schedule");
            }
            letters.append(RaceConfig.threadName(chosen));
            if (w.advance(chosen)) {
                stale.add(w.step);
            }
        }
        return new ExploredSchedule(new Schedule(letters.toString()), space.config.start() + w.counter, stale);
    }

    /** The position of {@code schedule} in lexicographic order, overall or among those ending at start + delta. */
    BigInteger rank(Integer targetDelta, Schedule schedule) {
        if (schedule.length() != length) {
            throw new IllegalArgumentException("a complete schedule has " + length + " steps, not "
                    + schedule.length());
        }
        Walk w = new Walk();
        BigInteger rank = BigInteger.ZERO;
        for (int i = 0; i < length; i++) {
            int who = schedule.threadAt(i);
            if (who >= threads || !w.runnable(who)) {
                throw new IllegalArgumentException("step " + (i + 1) + ": thread "
                        + RaceConfig.threadName(who) + " cannot step");
            }
            for (int before = 0; before < who; before++) {
                if (w.runnable(before)) {
                    rank = rank.add(w.countAfter(before, targetDelta));
                }
            }
            w.advance(who);
        }
        if (targetDelta != null && w.counter != targetDelta) {
            throw new IllegalArgumentException("schedule " + schedule + " ends at "
                    + (space.config.start() + w.counter) + ", not " + (space.config.start() + targetDelta));
        }
        return rank;
    }
}
