package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.ThreadProgram;

/**
 * Counts a race's really different executions exactly (under the any-point switch rule): a dynamic program over
 * the schedules that are the lexicographically least of their execution, one layer per step.
 *
 * <p>Why each execution is counted once: a schedule is the least of its execution exactly when it never runs a
 * step that could have been moved earlier past independent steps to before a later thread's step. The program
 * keeps that as a sleep set: when thread j steps, every runnable thread i &lt; j that did not step falls asleep,
 * and a sleeping thread wakes only when a step conflicting with its next step runs; a sleeping thread may not
 * step. The state is the threads' program counters, the sleep set, and for the outcome the same two facts
 * {@link PreemptionProfile} uses: which threads' loaded values are still fresh, and whether a stale store (a lost
 * update, which is permanent) has happened. Steps of an execution can be reordered only among independent steps,
 * so every schedule of one execution loses or none does.
 *
 * <p>It gives up with {@link ExplorationTooLargeException} past {@link #MAX_STATES} states, which keeps every
 * count it does give under about a second.
 */
public final class ExecutionCount {

    /** The most states the count visits before it gives up (measured: under a second of CPU on the 2-core machine). */
    public static final int MAX_STATES = 600_000;

    private static final int MAX_THREADS = 6;
    private static final int PC_BITS = 6;
    private static final int FRESH_SHIFT = MAX_THREADS * PC_BITS;
    private static final int SLEEP_SHIFT = FRESH_SHIFT + MAX_THREADS;
    private static final long DIRTY = 1L << (SLEEP_SHIFT + MAX_THREADS);
    private static final long PC_MASK = (1L << PC_BITS) - 1;
    private static final int THREAD_MASK = (1 << MAX_THREADS) - 1;

    private final int threads;
    private final MicroOp[] ops;
    private final int opsPerIncrement;
    private final boolean lock;

    private ExecutionCount(RaceConfig config, RaceProgram raceProgram) {
        this.threads = config.threads();
        // An add, a call or a sleep is independent of every other thread's step, so it is tied to its own thread's
        // order in every execution: leaving it out changes neither how many executions there are nor which lose.
        List<MicroOp> shared = ThreadProgram.incrementOps(raceProgram, config.lock()).stream()
                .filter(op -> op != MicroOp.ADD && op != MicroOp.CALL && op != MicroOp.SLEEP).toList();
        this.opsPerIncrement = shared.size();
        this.ops = new MicroOp[shared.size() * config.increments()];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = shared.get(i % opsPerIncrement);
        }
        this.lock = config.lock();
        if (threads > MAX_THREADS || ops.length > PC_MASK) {
            throw new ExplorationTooLargeException(config.sizeText() + " is beyond the execution count's encoding");
        }
    }

    /** Counts the really different executions of {@code config} running {@code program} at any switch point. */
    public static Executions of(RaceConfig config, RaceProgram program) {
        return new ExecutionCount(config, program).count(config, program);
    }

    /** The count for {@code count += 1}. */
    public static Executions of(RaceConfig config) {
        return of(config, RaceProgram.COUNT);
    }

    private Executions count(RaceConfig config, RaceProgram raceProgram) {
        Map<Long, BigInteger> layer = new HashMap<>();
        layer.put(0L, BigInteger.ONE);
        long visited = 1;
        int steps = threads * ops.length;
        for (int step = 0; step < steps; step++) {
            Map<Long, BigInteger> next = new HashMap<>(layer.size() * 2);
            for (Map.Entry<Long, BigInteger> e : layer.entrySet()) {
                expand(e.getKey(), e.getValue(), next);
                if (visited + next.size() > MAX_STATES) {
                    throw new ExplorationTooLargeException("counting the really different executions of "
                            + config.sizeText() + (config.lock() ? " with the lock" : "") + " needs more than "
                            + String.format("%,d", MAX_STATES) + " states (over a second)");
                }
            }
            visited += next.size();
            layer = next;
        }
        BigInteger count = BigInteger.ZERO;
        BigInteger losing = BigInteger.ZERO;
        for (Map.Entry<Long, BigInteger> e : layer.entrySet()) {
            count = count.add(e.getValue());
            if ((e.getKey() & DIRTY) != 0) {
                losing = losing.add(e.getValue());
            }
        }
        return new Executions(config, raceProgram, count, losing);
    }

    private void expand(long state, BigInteger ways, Map<Long, BigInteger> next) {
        int sleep = (int) (state >>> SLEEP_SHIFT) & THREAD_MASK;
        boolean lockFree = !lock || lockFree(state);
        int runnable = 0;
        for (int t = 0; t < threads; t++) {
            int pc = pc(state, t);
            if (pc < ops.length && (ops[pc] != MicroOp.ACQUIRE || lockFree)) {
                runnable |= 1 << t;
            }
        }
        int passed = 0; // runnable threads before j that did not step: they fall asleep if independent of j's step
        for (int j = 0; j < threads; j++) {
            if ((runnable & (1 << j)) == 0) {
                continue;
            }
            if ((sleep & (1 << j)) == 0) {
                next.merge(step(state, j, sleep | passed), ways, BigInteger::add);
            }
            passed |= 1 << j;
        }
    }

    private long step(long state, int j, int candidates) {
        int pc = pc(state, j);
        MicroOp op = ops[pc];
        int sleep = 0;
        for (int i = 0; i < threads; i++) {
            if (i != j && (candidates & (1 << i)) != 0 && StepIndependence.independent(ops[pc(state, i)], op)) {
                sleep |= 1 << i;
            }
        }
        int fresh = (int) (state >>> FRESH_SHIFT) & THREAD_MASK;
        boolean dirty = (state & DIRTY) != 0;
        if (op == MicroOp.LOAD) {
            fresh |= 1 << j;
        } else if (op == MicroOp.STORE) {
            dirty |= (fresh & (1 << j)) == 0;
            fresh = 0; // the counter changed: every loaded value is stale now
        }
        if (dirty) {
            fresh = 0; // a lost update is permanent; freshness no longer matters, so fewer states
        }
        long pcs = state & ((1L << FRESH_SHIFT) - 1);
        pcs += 1L << (j * PC_BITS);
        return pcs | ((long) fresh << FRESH_SHIFT) | ((long) sleep << SLEEP_SHIFT) | (dirty ? DIRTY : 0);
    }

    private boolean lockFree(long state) {
        for (int t = 0; t < threads; t++) {
            if (pc(state, t) % opsPerIncrement != 0) {
                return false; // t acquired the lock at the start of its increment and has not released it yet
            }
        }
        return true;
    }

    private static int pc(long state, int t) {
        return (int) ((state >>> (t * PC_BITS)) & PC_MASK);
    }
}
