package org.racelab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The micro-ops one thread runs for a race: {@code increments} times the increment of its {@link RaceProgram}
 * (load, add, store for {@code count += 1}), wrapped in the lock if on.
 */
public record ThreadProgram(List<MicroOp> ops, int opsPerIncrement) {

    private static final List<MicroOp> PLAIN = List.of(MicroOp.LOAD, MicroOp.ADD, MicroOp.STORE);
    private static final List<MicroOp> LOCKED =
            List.of(MicroOp.ACQUIRE, MicroOp.LOAD, MicroOp.ADD, MicroOp.STORE, MicroOp.RELEASE);

    public ThreadProgram {
        ops = List.copyOf(ops);
    }

    /** The program every thread of {@code config} runs (all threads run the same code): {@code count += 1}. */
    public static ThreadProgram of(RaceConfig config) {
        return of(config, RaceProgram.COUNT);
    }

    /** The program every thread of {@code config} runs when each increment is {@code program}. */
    public static ThreadProgram of(RaceConfig config, RaceProgram program) {
        List<MicroOp> one = incrementOps(program, config.lock());
        List<MicroOp> all = new ArrayList<>(one.size() * config.increments());
        for (int k = 0; k < config.increments(); k++) {
            all.addAll(one);
        }
        return new ThreadProgram(all, one.size());
    }

    /** The micro-ops of one {@code count += 1}, in order. */
    public static List<MicroOp> incrementOps(boolean lock) {
        return lock ? LOCKED : PLAIN;
    }

    /** The micro-ops of one increment of {@code program}, in order. */
    public static List<MicroOp> incrementOps(RaceProgram program, boolean lock) {
        List<MicroOp> body = switch (program) {
            case COUNT -> PLAIN;
            case CALL -> List.of(MicroOp.LOAD, MicroOp.CALL, MicroOp.ADD, MicroOp.STORE);
            case SLEEP -> List.of(MicroOp.LOAD, MicroOp.SLEEP, MicroOp.ADD, MicroOp.STORE);
        };
        if (!lock) {
            return body;
        }
        List<MicroOp> locked = new ArrayList<>(body.size() + 2);
        locked.add(MicroOp.ACQUIRE);
        locked.addAll(body);
        locked.add(MicroOp.RELEASE);
        return List.copyOf(locked);
    }

    /**
     * Whether CPython with the GIL may switch a thread out just before the op at {@code pc}: at the start of an
     * increment (the thread's entry, then the loop's backward jump), when it is done, and right after a call
     * (inside {@code one()}, at its entry) or a sleep (which released the GIL).
     */
    public boolean switchPointAt(int pc) {
        if (pc % opsPerIncrement == 0 || pc >= ops.size()) {
            return true;
        }
        MicroOp before = ops.get(pc - 1);
        return before == MicroOp.CALL || before == MicroOp.SLEEP;
    }

    public int length() {
        return ops.size();
    }

    /** The op at program counter {@code pc}, counting from 0. */
    public MicroOp opAt(int pc) {
        return ops.get(pc);
    }

    /** Where the store sits in one increment (0-based): 2 without the lock, 3 with it. */
    public int storeIndex() {
        return ops.subList(0, opsPerIncrement).indexOf(MicroOp.STORE);
    }

    /** Which increment (0-based) the op at {@code pc} belongs to. */
    public int incrementOf(int pc) {
        return pc / opsPerIncrement;
    }
}
