package org.racelab.lab.pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, as they happen, what every worker of one run does for which task: the Gantt chart's data.
 *
 * <p>Thread safety: every method is {@code synchronized}; workers call it a few times per task (at most once per
 * GIL switch), and a reader takes a {@link #snapshot()} copy, so it never sees a half-written span. Beyond
 * {@value #DETAILED_SPANS} spans GIL switches are no longer split out, so a long run stays small.
 */
public final class PoolRecorder {

    /** Up to this many spans every GIL switch is its own span. */
    public static final int DETAILED_SPANS = 20_000;

    private final List<TaskSpan> spans = new ArrayList<>();
    /** Index in {@code spans} of each lane's open span. */
    private final Map<Integer, Integer> openSpan = new HashMap<>();
    private final Map<Thread, Integer> laneOf = new HashMap<>();
    private long origin = System.nanoTime();
    private int submitted;
    private int started;
    private int finished;
    private long endNanos = -1;

    /** Marks the run's start: every time is measured from here. */
    public synchronized void begin() {
        origin = System.nanoTime();
    }

    /** One more task went into the pool's queue. */
    public synchronized void submitted() {
        submitted++;
    }

    /** The calling thread picked up a task. */
    public synchronized void started() {
        started++;
        lane();
    }

    /** The calling thread starts a span of {@code state} for {@code task}, ending its previous span now. */
    public synchronized void enter(int task, TaskState state) {
        int lane = lane();
        long now = System.nanoTime() - origin;
        Integer open = openSpan.get(lane);
        if (open != null) {
            TaskSpan span = spans.get(open);
            if (span.task() == task && span.state() == state) {
                return;
            }
            spans.set(open, span.closedAt(now));
        }
        open(task, lane, state, now);
    }

    /**
     * The calling thread got the GIL back after another thread held it: its compute span ended when it let go
     * ({@code releasedAt}, a {@link System#nanoTime()}), it waited for the GIL until now, and computes again.
     * Past {@value #DETAILED_SPANS} spans the compute span simply continues.
     */
    public synchronized void gilSwitch(int task, long releasedAt) {
        if (spans.size() >= DETAILED_SPANS) {
            return;
        }
        int lane = lane();
        long now = System.nanoTime() - origin;
        long released = Math.min(now, releasedAt - origin);
        Integer open = openSpan.get(lane);
        if (open != null) {
            spans.set(open, spans.get(open).closedAt(released));
        }
        spans.add(new TaskSpan(task, lane, TaskState.GIL_WAIT, released, now));
        open(task, lane, TaskState.COMPUTE, now);
    }

    private void open(int task, int lane, TaskState state, long now) {
        spans.add(new TaskSpan(task, lane, state, now, -1));
        openSpan.put(lane, spans.size() - 1);
    }

    /** The calling thread ends its open span (its task is done). */
    public synchronized void leave() {
        int lane = lane();
        Integer open = openSpan.remove(lane);
        if (open != null) {
            spans.set(open, spans.get(open).closedAt(System.nanoTime() - origin));
        }
    }

    /** The calling thread finished a task. */
    public synchronized void finished() {
        leave();
        finished++;
    }

    /** The run is over (done, stopped or failed): open spans end now. */
    public synchronized void end() {
        long now = System.nanoTime() - origin;
        for (Integer open : openSpan.values()) {
            spans.set(open, spans.get(open).closedAt(now));
        }
        openSpan.clear();
        endNanos = now;
    }

    public synchronized PoolSnapshot snapshot() {
        long now = endNanos >= 0 ? endNanos : System.nanoTime() - origin;
        return new PoolSnapshot(spans, laneOf.size(), submitted, started, finished, now, endNanos >= 0);
    }

    private int lane() {
        return laneOf.computeIfAbsent(Thread.currentThread(), t -> laneOf.size());
    }
}
