package org.racelab.model.queue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One moment of the step model: where each thread is, what it holds, what is in the queue (or the shared list)
 * and the counters the slide talks about. Immutable: {@link #step(int, int)} returns the next state.
 *
 * <p>Python's semantics are kept exactly: {@code put()} (the sentinel's too) raises the unfinished-task count,
 * {@code task_done()} lowers it, {@code join()} returns only when it is 0; {@code get()} takes the oldest item,
 * the shared list's {@code pop()} the newest.
 */
public final class QueueState {

    /** Where a thread is: the operation it takes next, or done / crashed. */
    public enum Phase { PRODUCE, PUT, GET, CHECK, POP, PROCESS, TASK_DONE, REPUT, JOIN_PRODUCERS, JOIN, PUT_SENTINEL,
        EXIT, DONE, CRASHED }

    /** Marks "holds nothing"; item 0 is the sentinel None. */
    public static final int NOTHING = -1;
    public static final int SENTINEL = 0;

    private final QueueConfig config;
    private final Phase[] phase;
    private final int[] held;
    private final int[] made;
    private final int[] queue;
    private final int[] consumed;
    private final int put;
    private final int got;
    private final int unfinished;
    private final int maxLength;

    private QueueState(QueueConfig config, Phase[] phase, int[] held, int[] made, int[] queue, int[] consumed,
            int put, int got, int unfinished, int maxLength) {
        this.config = config;
        this.phase = phase;
        this.held = held;
        this.made = made;
        this.queue = queue;
        this.consumed = consumed;
        this.put = put;
        this.got = got;
        this.unfinished = unfinished;
        this.maxLength = maxLength;
    }

    /** Every thread at its first line, the queue empty. */
    public static QueueState start(QueueConfig config) {
        Phase[] phase = new Phase[config.threads()];
        for (int t = 0; t < phase.length; t++) {
            if (config.isProducer(t)) {
                phase[t] = config.itemsOf(t) > 0 ? Phase.PRODUCE : Phase.EXIT;
            } else if (config.isConsumer(t)) {
                phase[t] = sharedList(config) ? Phase.CHECK : Phase.GET;
            } else {
                phase[t] = Phase.JOIN_PRODUCERS;
            }
        }
        int[] held = new int[phase.length];
        Arrays.fill(held, NOTHING);
        return new QueueState(config, phase, held, new int[config.producers()], new int[0],
                new int[config.items() + 1], 0, 0, 0, 0);
    }

    private static boolean sharedList(QueueConfig c) {
        return c.mistake() == QueueMistake.SHARED_LIST;
    }

    public QueueConfig config() {
        return config;
    }

    public Phase phase(int thread) {
        return phase[thread];
    }

    /** The item the thread holds (0 = None), or {@link #NOTHING}. */
    public int held(int thread) {
        return held[thread];
    }

    /** The queue (or list) from oldest to newest; 0 is None. */
    public List<Integer> queue() {
        return Arrays.stream(queue).boxed().toList();
    }

    public int length() {
        return queue.length;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Items (not counting None) put so far. */
    public int itemsPut() {
        return put;
    }

    /** Items (not counting None) taken out so far. */
    public int itemsGot() {
        return got;
    }

    /** What {@code join()} waits for: puts minus task_done() calls, as in Python. */
    public int unfinishedTasks() {
        return unfinished;
    }

    /** How many times item n (1..items) was taken out. */
    public int timesConsumed(int item) {
        return consumed[item];
    }

    public boolean finished(int thread) {
        return phase[thread] == Phase.DONE || phase[thread] == Phase.CRASHED;
    }

    public boolean allFinished() {
        for (int t = 0; t < phase.length; t++) {
            if (!finished(t)) {
                return false;
            }
        }
        return true;
    }

    public boolean canStep(int thread) {
        return refusal(thread).isEmpty();
    }

    public List<Integer> runnable() {
        List<Integer> r = new ArrayList<>();
        for (int t = 0; t < phase.length; t++) {
            if (canStep(t)) {
                r.add(t);
            }
        }
        return r;
    }

    /** True when some thread is not finished and none can take a step: nothing is left that could wake one. */
    public boolean deadlocked() {
        return !allFinished() && runnable().isEmpty();
    }

    /** Why the thread cannot take its next step now, or empty if it can. */
    public Optional<String> refusal(int thread) {
        String n = config.name(thread);
        return switch (phase[thread]) {
            case DONE -> Optional.of(n + " is done");
            case CRASHED -> Optional.of(n + " crashed: IndexError: pop from empty list");
            case PUT, PUT_SENTINEL, REPUT -> full()
                    ? Optional.of(n + " is blocked on put(): the queue is full (maxsize " + config.maxsize() + ")")
                    : Optional.empty();
            case GET -> queue.length == 0
                    ? Optional.of(n + " is blocked on get(): the queue is empty") : Optional.empty();
            case CHECK -> queue.length == 0
                    ? Optional.of(n + " waits: the list is empty (it spins on `if items:`)") : Optional.empty();
            case JOIN_PRODUCERS -> firstLiveProducer()
                    .map(p -> n + " waits for the producers: " + config.name(p) + " is still running");
            case JOIN -> unfinished > 0
                    ? Optional.of(n + " waits in join(): " + unfinished + " unfinished task" + (unfinished == 1 ? "" : "s"))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private boolean full() {
        return config.bounded() && queue.length >= config.maxsize();
    }

    private Optional<Integer> firstLiveProducer() {
        for (int p = 0; p < config.producers(); p++) {
            if (phase[p] != Phase.DONE) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The operation the thread takes next (its highlighted line); EXIT for a finished thread. */
    public QueueOp nextOp(int thread) {
        return switch (phase[thread]) {
            case PRODUCE -> QueueOp.PRODUCE;
            case PUT -> QueueOp.PUT;
            case GET -> QueueOp.GET;
            case CHECK -> QueueOp.CHECK;
            case POP -> QueueOp.POP;
            case PROCESS -> QueueOp.PROCESS;
            case TASK_DONE -> QueueOp.TASK_DONE;
            case REPUT -> QueueOp.REPUT_SENTINEL;
            case JOIN_PRODUCERS -> QueueOp.JOIN_PRODUCERS;
            case JOIN -> QueueOp.JOIN;
            case PUT_SENTINEL -> QueueOp.PUT_SENTINEL;
            case EXIT, DONE, CRASHED -> QueueOp.EXIT;
        };
    }

    /**
     * The thread takes its next step; {@code index} is the step's number for the record.
     *
     * @throws IllegalStateException if the thread cannot step now (see {@link #refusal(int)})
     */
    public Transition step(int thread, int index) {
        refusal(thread).ifPresent(r -> {
            throw new IllegalStateException(r);
        });
        Builder b = new Builder();
        QueueOp op = nextOp(thread);
        int item = held[thread];
        String text;
        boolean crash = false;
        switch (phase[thread]) {
            case PRODUCE -> {
                item = config.itemNumber(thread, made[thread]);
                b.made[thread]++;
                b.hold(thread, item, Phase.PUT);
                text = "item = produce() → " + item;
            }
            case PUT -> {
                b.enqueue(item);
                b.put++;
                if (!sharedList(config)) {
                    b.unfinished++;
                }
                b.hold(thread, NOTHING, b.made[thread] < config.itemsOf(thread) ? Phase.PRODUCE : Phase.EXIT);
                text = sharedList(config) ? "items.append(" + item + ")" : "q.put(" + item + ")";
            }
            case GET -> {
                item = b.dequeueOldest();
                text = "q.get() → " + itemText(item);
                b.took(thread, item, item == SENTINEL ? sentinelNext() : Phase.PROCESS);
            }
            case CHECK -> {
                b.hold(thread, NOTHING, Phase.POP);
                text = "if items: → true (" + queue.length + " in the list)";
            }
            case POP -> {
                if (b.queue.isEmpty()) {
                    b.hold(thread, NOTHING, Phase.CRASHED);
                    text = "IndexError: pop from empty list";
                    crash = true;
                } else {
                    item = b.queue.remove(b.queue.size() - 1);
                    text = "items.pop() → " + itemText(item);
                    b.took(thread, item, item == SENTINEL ? sentinelNext() : Phase.PROCESS);
                }
            }
            case PROCESS -> {
                text = "process(" + item + ")";
                Phase next = sharedList(config) ? Phase.CHECK
                        : config.mistake() == QueueMistake.NO_TASK_DONE ? Phase.GET : Phase.TASK_DONE;
                b.hold(thread, next == Phase.TASK_DONE ? item : NOTHING, next);
            }
            case TASK_DONE -> {
                b.unfinished--;
                b.hold(thread, NOTHING, Phase.GET);
                text = "q.task_done()";
            }
            case REPUT, PUT_SENTINEL -> {
                b.enqueue(SENTINEL);
                if (!sharedList(config)) {
                    b.unfinished++;
                }
                b.hold(thread, NOTHING, Phase.EXIT);
                text = (sharedList(config) ? "items.append(None)" : "q.put(None)")
                        + (phase[thread] == Phase.REPUT ? ": the next consumer sees it too" : "");
                item = SENTINEL;
            }
            case JOIN_PRODUCERS -> {
                b.hold(thread, NOTHING, sharedList(config) ? Phase.PUT_SENTINEL : Phase.JOIN);
                text = "joined every producer";
            }
            case JOIN -> {
                b.hold(thread, NOTHING, Phase.PUT_SENTINEL);
                text = "q.join() returns: every task is done";
            }
            case EXIT -> {
                b.hold(thread, NOTHING, Phase.DONE);
                text = "exits";
            }
            default -> throw new IllegalStateException("unreachable: " + phase[thread]);
        }
        return new Transition(new QueueStep(index, thread, op, item, text, crash), b.build());
    }

    private Phase sentinelNext() {
        return config.mistake() == QueueMistake.NO_REPUT ? Phase.EXIT : Phase.REPUT;
    }

    static String itemText(int item) {
        return item == SENTINEL ? "None" : String.valueOf(item);
    }

    /** A step and the state after it. */
    public record Transition(QueueStep step, QueueState next) {
    }

    /** Copies of the arrays, changed by one step and frozen again by {@link #build()}. */
    private final class Builder {
        final Phase[] phase = QueueState.this.phase.clone();
        final int[] held = QueueState.this.held.clone();
        final int[] made = QueueState.this.made.clone();
        final List<Integer> queue = new ArrayList<>(Arrays.stream(QueueState.this.queue).boxed().toList());
        final int[] consumed = QueueState.this.consumed.clone();
        int put = QueueState.this.put;
        int got = QueueState.this.got;
        int unfinished = QueueState.this.unfinished;

        void hold(int thread, int item, Phase next) {
            held[thread] = item;
            phase[thread] = next;
        }

        void enqueue(int item) {
            queue.add(item);
        }

        int dequeueOldest() {
            return queue.remove(0);
        }

        void took(int thread, int item, Phase next) {
            if (item != SENTINEL) {
                got++;
                consumed[item]++;
            }
            hold(thread, item, next);
        }

        QueueState build() {
            int[] q = queue.stream().mapToInt(Integer::intValue).toArray();
            return new QueueState(config, phase, held, made, q, consumed, put, got, unfinished,
                    Math.max(maxLength, q.length));
        }
    }
}
