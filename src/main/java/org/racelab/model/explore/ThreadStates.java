package org.racelab.model.explore;

import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;

/**
 * The interned states of one thread: (increments left, phase within the increment, register relative to the
 * counter while it is live), each numbered by a small id, with the memo of where a step or a counter move takes
 * it. Every table is a final array sized up front for every state that can exist, so nothing is replaced while
 * another thread reads it.
 *
 * <p>Thread safety: only the building thread interns ({@link #next} and {@link #shifted} fill memo entries on
 * first use) until {@link #freeze()}. The odds helper thread, started after the forward pass, only reads entries
 * written before its start. After the freeze nothing is written again (a memo miss then throws), and the space
 * publishes this object through final fields once it is built, so every later reader sees the complete tables.
 */
final class ThreadStates {

    private static final int NO_ID = 0;
    private static final byte DONE = 1;
    private static final byte WAITS_FOR_LOCK = 2;
    private static final byte HOLDS_LOCK = 4;
    private static final byte STORES = 8;
    private static final byte LIVE = 16;

    private final RaceConfig config;
    private final IncrementShape shape;
    private final boolean lock;
    private final int bound;        // register offsets lie in [-bound, bound]
    private final int offsetWidth;  // 2 * bound + 1
    private final int maxId;
    private final int[] codeToId;
    private final int[] remaining;
    private final int[] phase;
    private final int[] offset;
    private final byte[] flags;
    private final int[] nextMemo;
    private final int[] shiftedMemo;
    private int idCount = 1;
    private boolean frozen;

    ThreadStates(RaceConfig config, int maxId) {
        this.config = config;
        this.shape = new IncrementShape(config.lock());
        this.lock = config.lock();
        this.bound = config.threads() * config.increments() + 1;
        this.offsetWidth = 2 * bound + 1;
        int codes = (config.increments() + 1) * shape.size() * offsetWidth;
        this.maxId = Math.min(maxId, codes);
        this.codeToId = new int[codes];
        int capacity = this.maxId + 1;
        remaining = new int[capacity];
        phase = new int[capacity];
        offset = new int[capacity];
        flags = new byte[capacity];
        nextMemo = new int[capacity];
        shiftedMemo = new int[capacity * offsetWidth];
    }

    /** The state every thread starts in: all increments left, before the first op. */
    int initial() {
        return intern(config.increments(), 0, 0);
    }

    /** Ends interning: from now on the tables are only read. */
    void freeze() {
        frozen = true;
    }

    private int intern(int left, int ph, int off) {
        if (off < -bound || off > bound) {
            throw new IllegalStateException("register offset " + off + " outside " + bound);
        }
        int code = (left * shape.size() + ph) * offsetWidth + off + bound;
        int id = codeToId[code];
        if (id != NO_ID) {
            return id;
        }
        if (frozen) {
            throw new IllegalStateException("thread state (" + left + ", " + ph + ", " + off + ") never built");
        }
        if (idCount > maxId) {
            throw new ExplorationTooLargeException(config.sizeText()
                    + " has more distinct thread states than the explorer can pack: choose fewer threads or increments");
        }
        id = idCount++;
        remaining[id] = left;
        phase[id] = ph;
        offset[id] = off;
        flags[id] = (byte) ((left == 0 ? DONE : 0) | (shape.waitsForLock(ph) ? WAITS_FOR_LOCK : 0)
                | (shape.holdsLock(ph) ? HOLDS_LOCK : 0) | (left > 0 && shape.op(ph) == MicroOp.STORE
                ? STORES : 0) | (shape.live(ph) ? LIVE : 0));
        codeToId[code] = id;
        return id;
    }

    /** A memo miss after the freeze would be a write while others read: the walks only retrace built steps. */
    private void checkBuilding(int id) {
        if (frozen) {
            throw new IllegalStateException("a step from thread state " + id + " was never built");
        }
    }

    /** Whether thread state {@code id} can step, given whether some thread holds the lock. */
    boolean runnable(int id, boolean lockHeld) {
        int f = flags[id];
        return (f & DONE) == 0 && !(lockHeld && (f & WAITS_FOR_LOCK) != 0);
    }

    boolean isStore(int id) {
        return (flags[id] & STORES) != 0;
    }

    /** How far the counter moves (new counter minus old) when thread state {@code id} stores. */
    int storeShift(int id) {
        return offset[id];
    }

    /** Whether the store of {@code id} writes a value computed from a counter that has changed since its load. */
    boolean staleStore(int id) {
        return isStore(id) && offset[id] != 1;
    }

    boolean lockHeld(int[] ids, int threads) {
        if (!lock) {
            return false;
        }
        for (int i = 0; i < threads; i++) {
            if ((flags[ids[i]] & HOLDS_LOCK) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The state after {@code id} runs its next op. */
    int next(int id) {
        int n = nextMemo[id];
        if (n == NO_ID) {
            checkBuilding(id);
            int ph = phase[id] + 1;
            int left = remaining[id];
            int off = shape.offsetAfter(phase[id], offset[id]);
            if (ph == shape.size()) {
                ph = 0;
                left--;
            }
            n = intern(left, ph, shape.live(ph) ? off : 0);
            nextMemo[id] = n;
        }
        return n;
    }

    /** The same thread state seen from a counter that moved by {@code shift}. */
    int shifted(int id, int shift) {
        if ((flags[id] & LIVE) == 0) {
            return id;
        }
        int at = id * offsetWidth + shift + bound;
        int n = shiftedMemo[at];
        if (n == NO_ID) {
            checkBuilding(id);
            n = intern(remaining[id], phase[id], offset[id] - shift);
            shiftedMemo[at] = n;
        }
        return n;
    }

    /** Writes into {@code out} the thread states after thread {@code who} of {@code ids} steps, in thread order. */
    void step(int[] ids, int who, int[] out, int threads) {
        int id = ids[who];
        int shift = isStore(id) ? storeShift(id) : 0;
        for (int i = 0; i < threads; i++) {
            out[i] = i == who ? next(id) : (shift != 0 ? shifted(ids[i], shift) : ids[i]);
        }
    }
}
