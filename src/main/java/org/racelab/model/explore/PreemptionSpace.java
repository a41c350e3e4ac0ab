package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;
import org.racelab.model.ThreadProgram;

/**
 * The forward dynamic program behind {@link PreemptionProfile}: layer by layer (one layer per micro-step), the
 * number of schedule prefixes reaching each canonical state, split by preemptions so far.
 *
 * <p>Why the state can be this small: an update is lost exactly when some store is stale, and once lost the
 * counter never catches up again (a store can only restore {@code counter == start + stores} if nothing was
 * stored since its load and the machine was clean then). So a clean state needs, per thread, only its program
 * counter and whether its live register is still fresh (no store since its load); a dirty state needs only the
 * program counters. Threads run the same program, so all but the last-stepped thread form a sorted multiset,
 * and the last thread (whose switch-away may be a preemption) is kept apart. Only two layers live at a time.
 *
 * <p>Used by one thread at a time; not shared.
 */
final class PreemptionSpace {

    private static final int CODE_BITS = 7;
    private static final int CODE_MASK = (1 << CODE_BITS) - 1;
    private static final int NONE = CODE_MASK;

    private final RaceConfig config;
    private final int threads;
    private final int length;
    private final MicroOp[] ops;
    private final boolean lock;
    private final int perIncrement;

    // Scratch of the state being expanded: [last or first other, others...]; reused to avoid allocation.
    private final int[] codes;
    private final int[] next;
    private final int[] sorted;

    PreemptionSpace(RaceConfig config) {
        this.config = config;
        this.threads = config.threads();
        this.length = config.scheduleLength() / threads;
        ThreadProgram program = ThreadProgram.of(config);
        this.ops = program.ops().toArray(new MicroOp[0]);
        this.lock = config.lock();
        this.perIncrement = program.opsPerIncrement();
        this.codes = new int[threads];
        this.next = new int[threads];
        this.sorted = new int[threads];
    }

    /** Final tallies: per preemption count, schedules and losing schedules. */
    record Tally(BigInteger[] schedules, BigInteger[] losing) {
    }

    Tally run(DoubleConsumer progress) throws InterruptedException {
        Map<Long, BigInteger[]> layer = new HashMap<>();
        Arrays.fill(codes, 0);
        layer.put(key(false, -1, codes), new BigInteger[] {BigInteger.ONE});
        int steps = config.scheduleLength();
        for (int step = 0; step < steps; step++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("preemption count cancelled");
            }
            Map<Long, BigInteger[]> following = new HashMap<>(layer.size() * 2);
            for (Map.Entry<Long, BigInteger[]> e : layer.entrySet()) {
                expand(e.getKey(), e.getValue(), following);
            }
            layer = following;
            progress.accept((step + 1.0) / steps);
        }
        BigInteger[] schedules = new BigInteger[steps + 1];
        BigInteger[] losing = new BigInteger[steps + 1];
        Arrays.fill(schedules, BigInteger.ZERO);
        Arrays.fill(losing, BigInteger.ZERO);
        for (Map.Entry<Long, BigInteger[]> e : layer.entrySet()) {
            boolean dirty = (e.getKey() & 1L) != 0;
            BigInteger[] v = e.getValue();
            for (int p = 0; p < v.length; p++) {
                if (v[p] != null) {
                    schedules[p] = schedules[p].add(v[p]);
                    if (dirty) {
                        losing[p] = losing[p].add(v[p]);
                    }
                }
            }
        }
        return new Tally(schedules, losing);
    }

    private void expand(long key, BigInteger[] counts, Map<Long, BigInteger[]> following) {
        boolean dirty = (key & 1L) != 0;
        int lastCode = (int) (key >>> 1) & CODE_MASK;
        boolean hasLast = lastCode != NONE;
        long rest = key >>> (1 + CODE_BITS);
        int n = 0;
        if (hasLast) {
            codes[n++] = lastCode;
        }
        while (n < threads) {
            codes[n++] = (int) (rest & CODE_MASK);
            rest >>>= CODE_BITS;
        }
        boolean lastRunnable = hasLast && runnable(0);
        int firstOther = hasLast ? 1 : 0;
        for (int i = 0; i < threads; i++) {
            if (i > firstOther && codes[i] == codes[i - 1]) {
                continue; // an identical thread: counted through the multiplicity of the first one
            }
            if (!runnable(i)) {
                continue;
            }
            int weight = 1;
            if (i >= firstOther) {
                while (i + weight < threads && codes[i + weight] == codes[i]) {
                    weight++;
                }
            }
            boolean preemption = lastRunnable && i != 0;
            long successor = successor(i, dirty);
            add(following, successor, counts, preemption ? 1 : 0, weight);
        }
    }

    private long successor(int i, boolean dirty) {
        System.arraycopy(codes, 0, next, 0, threads);
        int pc = codes[i] >>> 1;
        boolean fresh = (codes[i] & 1) != 0;
        boolean nowDirty = dirty;
        int mine = (pc + 1) << 1;
        switch (ops[pc]) {
            case LOAD -> mine |= dirty ? 0 : 1;
            case ADD -> mine |= fresh ? 1 : 0;
            case STORE -> {
                if (!fresh) {
                    nowDirty = true;
                }
                // After any store every other loaded register is stale; once dirty, freshness no longer matters.
                for (int j = 0; j < threads; j++) {
                    next[j] &= ~1;
                }
            }
            default -> { }
        }
        if (nowDirty) {
            for (int j = 0; j < threads; j++) {
                next[j] &= ~1;
            }
        }
        next[i] = nowDirty ? mine & ~1 : mine;
        return key(nowDirty, i, next);
    }

    /** Packs the state: dirty bit, the last thread's code (or NONE), then the other codes in ascending order. */
    private long key(boolean dirty, int last, int[] state) {
        int m = 0;
        for (int j = 0; j < threads; j++) {
            if (j != last) {
                sorted[m++] = state[j];
            }
        }
        Arrays.sort(sorted, 0, m);
        long k = 0;
        for (int j = m - 1; j >= 0; j--) {
            k = (k << CODE_BITS) | sorted[j];
        }
        k = (k << CODE_BITS) | (last < 0 ? NONE : state[last]);
        return (k << 1) | (dirty ? 1 : 0);
    }

    private boolean runnable(int i) {
        int pc = codes[i] >>> 1;
        if (pc >= length) {
            return false;
        }
        if (ops[pc] != MicroOp.ACQUIRE) {
            return true;
        }
        for (int j = 0; j < threads; j++) {
            if (j != i && holdsLock(codes[j] >>> 1)) {
                return false;
            }
        }
        return true;
    }

    private boolean holdsLock(int pc) {
        return lock && pc < length && pc % perIncrement != 0;
    }

    private static void add(Map<Long, BigInteger[]> map, long key, BigInteger[] counts, int shift, int weight) {
        BigInteger[] target = map.get(key);
        if (target == null || target.length < counts.length + shift) {
            BigInteger[] grown = new BigInteger[counts.length + shift];
            if (target != null) {
                System.arraycopy(target, 0, grown, 0, target.length);
            }
            target = grown;
            map.put(key, target);
        }
        BigInteger w = BigInteger.valueOf(weight);
        for (int p = 0; p < counts.length; p++) {
            BigInteger c = counts[p];
            if (c != null) {
                BigInteger add = weight == 1 ? c : c.multiply(w);
                BigInteger old = target[p + shift];
                target[p + shift] = old == null ? add : old.add(add);
            }
        }
    }
}
