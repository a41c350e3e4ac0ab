package org.racelab.model;

import java.util.ArrayList;
import java.util.List;

/** The micro-ops one thread runs for a race: {@code increments} times load, add, store, wrapped in the lock if on. */
public record ThreadProgram(List<MicroOp> ops, int opsPerIncrement) {

    private static final List<MicroOp> PLAIN = List.of(MicroOp.LOAD, MicroOp.ADD, MicroOp.STORE);
    private static final List<MicroOp> LOCKED =
            List.of(MicroOp.ACQUIRE, MicroOp.LOAD, MicroOp.ADD, MicroOp.STORE, MicroOp.RELEASE);

    public ThreadProgram {
        ops = List.copyOf(ops);
    }

    /** The program every thread of {@code config} runs (all threads run the same code). */
    public static ThreadProgram of(RaceConfig config) {
        List<MicroOp> one = config.lock() ? LOCKED : PLAIN;
        List<MicroOp> all = new ArrayList<>(one.size() * config.increments());
        for (int k = 0; k < config.increments(); k++) {
            all.addAll(one);
        }
        return new ThreadProgram(all, one.size());
    }

    /** The micro-ops of one increment, in order. */
    public static List<MicroOp> incrementOps(boolean lock) {
        return lock ? LOCKED : PLAIN;
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
