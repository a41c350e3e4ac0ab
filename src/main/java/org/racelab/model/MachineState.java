package org.racelab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The whole machine between two micro-steps: the shared counter, the lock, every thread's private state, the
 * stores made so far and, under {@link SwitchRule#CPYTHON_GIL}, which thread holds the GIL. Immutable:
 * {@link #step(int)} returns a new state, or refuses with a reason.
 */
public final class MachineState {

    /** No thread holds the lock. */
    public static final int FREE = -1;

    private final RaceConfig config;
    private final ThreadProgram program;
    private final List<ThreadState> threads;
    private final int counter;
    private final int lockHolder;
    private final List<StoreRecord> stores;
    private final int stepsTaken;
    private final RaceProgram raceProgram;
    private final SwitchRule rule;
    /** The thread that ran last: under the GIL rule it keeps the processor until it reaches a switch point. */
    private final int gilHolder;

    private MachineState(RaceConfig config, ThreadProgram program, List<ThreadState> threads, int counter,
            int lockHolder, List<StoreRecord> stores, int stepsTaken, RaceProgram raceProgram, SwitchRule rule,
            int gilHolder) {
        this.raceProgram = raceProgram;
        this.rule = rule;
        this.gilHolder = gilHolder;
        this.config = config;
        this.program = program;
        this.threads = threads;
        this.counter = counter;
        this.lockHolder = lockHolder;
        this.stores = stores;
        this.stepsTaken = stepsTaken;
    }

    /** The machine before anyone has stepped: counter at the start value, lock free, registers empty. */
    public static MachineState initial(RaceConfig config) {
        return initial(config, RaceProgram.COUNT, SwitchRule.ANY);
    }

    /** The machine before anyone has stepped, running {@code program} under {@code rule}; nobody holds the GIL. */
    public static MachineState initial(RaceConfig config, RaceProgram program, SwitchRule rule) {
        return new MachineState(config, ThreadProgram.of(config, program),
                Collections.nCopies(config.threads(), ThreadState.INITIAL), config.start(), FREE, List.of(), 0,
                program, rule, FREE);
    }

    public RaceProgram raceProgram() {
        return raceProgram;
    }

    public SwitchRule switchRule() {
        return rule;
    }

    /** The thread that ran last (under the GIL rule, the one holding the GIL), or {@link #FREE} before any step. */
    public int gilHolder() {
        return gilHolder;
    }

    /** Steps in every complete schedule of this machine's program. */
    public int scheduleLength() {
        return threads.size() * program.length();
    }

    /**
     * Whether the rule lets a thread other than the last one run now: always under {@link SwitchRule#ANY}; under
     * the GIL rule only when the last thread stands at a switch point, is done or is blocked.
     */
    public boolean switchAllowed() {
        if (rule == SwitchRule.ANY || gilHolder == FREE || status(gilHolder) != ThreadStatus.READY) {
            return true;
        }
        return program.switchPointAt(threads.get(gilHolder).pc());
    }

    public RaceConfig config() {
        return config;
    }

    public ThreadProgram program() {
        return program;
    }

    public int threadCount() {
        return threads.size();
    }

    public ThreadState thread(int i) {
        return threads.get(i);
    }

    public int counter() {
        return counter;
    }

    /** The index of the thread holding the lock, or {@link #FREE}. */
    public int lockHolder() {
        return lockHolder;
    }

    /** How many micro-steps led here. */
    public int stepsTaken() {
        return stepsTaken;
    }

    /** Stores executed so far, oldest first. */
    public List<StoreRecord> stores() {
        return stores;
    }

    /** The counter's value if no update had been lost: start + stores executed. */
    public int expected() {
        return config.start() + stores.size();
    }

    /** Updates lost so far: expected − counter. */
    public int lost() {
        return expected() - counter;
    }

    /** True when every thread has run its whole program. */
    public boolean complete() {
        for (ThreadState t : threads) {
            if (t.pc() < program.length()) {
                return false;
            }
        }
        return true;
    }

    /** Thread {@code i}'s register, or {@code null} before its first load. */
    public Integer register(int i) {
        return threads.get(i).register();
    }

    /** The op thread {@code i} runs next, or empty when it is done. */
    public Optional<MicroOp> nextOp(int i) {
        int pc = threads.get(i).pc();
        return pc < program.length() ? Optional.of(program.opAt(pc)) : Optional.empty();
    }

    /** How many increments thread {@code i} has completed (counted at its store). */
    public int incrementsDone(int i) {
        int pc = threads.get(i).pc();
        int per = program.opsPerIncrement();
        return pc / per + (pc % per > program.storeIndex() ? 1 : 0);
    }

    public ThreadStatus status(int i) {
        int pc = threads.get(i).pc();
        if (pc >= program.length()) {
            return ThreadStatus.DONE;
        }
        if (program.opAt(pc) == MicroOp.ACQUIRE && lockHolder != FREE && lockHolder != i) {
            return ThreadStatus.BLOCKED;
        }
        return ThreadStatus.READY;
    }

    /** True when thread {@code i} exists and may take its next step (under the switch rule, too). */
    public boolean canStep(int i) {
        return i >= 0 && i < threads.size() && status(i) == ThreadStatus.READY
                && (i == gilHolder || switchAllowed());
    }

    /** True when some thread can step (false when complete, and never false otherwise: a lock holder can run). */
    public boolean anyReady() {
        for (int i = 0; i < threads.size(); i++) {
            if (canStep(i)) {
                return true;
            }
        }
        return false;
    }

    /** Why thread {@code i} cannot step, e.g. "thread B is blocked: the lock is held by A"; empty if it can. */
    public Optional<String> refusal(int i) {
        if (i < 0 || i >= threads.size()) {
            return Optional.of("there is no thread " + letterOf(i) + " (this run has threads "
                    + RaceConfig.threadName(0) + " to " + RaceConfig.threadName(threads.size() - 1) + ")");
        }
        return switch (status(i)) {
            case READY -> i == gilHolder || switchAllowed() ? Optional.empty()
                    : Optional.of(SwitchRule.gilRefusal(RaceConfig.threadName(i), RaceConfig.threadName(gilHolder)));
            case DONE -> Optional.of("thread " + RaceConfig.threadName(i) + " is done");
            case BLOCKED -> Optional.of("thread " + RaceConfig.threadName(i) + " is blocked: the lock is held by "
                    + RaceConfig.threadName(lockHolder));
        };
    }

    private static String letterOf(int i) {
        return i >= 0 && i < 26 ? String.valueOf(RaceConfig.threadName(i)) : "#" + (i + 1);
    }

    /** Steps thread {@code letter} (A, B, ...). */
    public StepResult step(char letter) {
        return step(Character.toUpperCase(letter) - 'A');
    }

    /** Runs thread {@code i}'s next micro-op, or refuses with the reason it cannot. */
    public StepResult step(int i) {
        Optional<String> refused = refusal(i);
        if (refused.isPresent()) {
            return new StepResult.Refused(refused.get());
        }
        ThreadState t = threads.get(i);
        char name = RaceConfig.threadName(i);
        MicroOp op = program.opAt(t.pc());
        int newCounter = counter;
        int newLock = lockHolder;
        List<StoreRecord> newStores = stores;
        ThreadState next;
        LostUpdate lostUpdate = null;
        switch (op) {
            case ACQUIRE -> {
                newLock = i;
                next = new ThreadState(t.pc() + 1, t.register(), t.loaded(), t.storesAtLoad());
            }
            case RELEASE -> {
                newLock = FREE;
                next = new ThreadState(t.pc() + 1, t.register(), t.loaded(), t.storesAtLoad());
            }
            case CALL, SLEEP -> next = new ThreadState(t.pc() + 1, t.register(), t.loaded(), t.storesAtLoad());
            case LOAD -> next = new ThreadState(t.pc() + 1, counter, counter, stores.size());
            case ADD -> next = new ThreadState(t.pc() + 1, t.register() + 1, t.loaded(), t.storesAtLoad());
            case STORE -> {
                int value = t.register();
                if (counter != t.loaded()) {
                    List<StoreRecord> since = stores.subList(t.storesAtLoad(), stores.size());
                    // lost after − lost before = (expected + 1 − value) − (expected − counter)
                    lostUpdate = new LostUpdate(name, value, t.loaded(), counter, since, counter + 1 - value);
                }
                newCounter = value;
                List<StoreRecord> grown = new ArrayList<>(stores.size() + 1);
                grown.addAll(stores);
                grown.add(new StoreRecord(name, value));
                newStores = Collections.unmodifiableList(grown);
                next = new ThreadState(t.pc() + 1, t.register(), t.loaded(), t.storesAtLoad());
            }
            default -> throw new IllegalStateException("unknown op " + op);
        }
        List<ThreadState> newThreads = new ArrayList<>(threads);
        newThreads.set(i, next);
        MachineState state = new MachineState(config, program, Collections.unmodifiableList(newThreads), newCounter,
                newLock, newStores, stepsTaken + 1, raceProgram, rule, i);
        Step step = new Step(stepsTaken + 1, name, op, next.register(), newCounter, lostUpdate != null,
                Optional.ofNullable(lostUpdate));
        return new StepResult.Stepped(state, step);
    }

    @Override
    public String toString() {
        return "MachineState[counter=" + counter + ", lock=" + lockHolder + ", threads=" + threads + "]";
    }
}
