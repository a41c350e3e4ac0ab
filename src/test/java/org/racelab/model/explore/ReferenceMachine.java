package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.racelab.model.RaceConfig;

/**
 * A deliberately plain, test-only model of the race (absolute values, no canonical states) that replays
 * schedules and enumerates every complete schedule in lexicographic order, to check the explorer against.
 */
final class ReferenceMachine {

    /** One complete schedule as the reference sees it. */
    record Run(String letters, int finalValue, List<Integer> staleSteps, ExactFraction probability) {
    }

    private final RaceConfig config;

    ReferenceMachine(RaceConfig config) {
        this.config = config;
    }

    /** Replays {@code letters}; fails on a step that is not allowed. */
    Run replay(String letters) {
        State s = new State();
        ExactFraction p = ExactFraction.ONE;
        for (int i = 0; i < letters.length(); i++) {
            int who = letters.charAt(i) - 'A';
            int runnable = s.runnableCount();
            if (!s.canStep(who)) {
                throw new IllegalStateException("step " + (i + 1) + ": " + letters.charAt(i) + " cannot step");
            }
            p = new ExactFraction(p.numerator(), p.denominator().multiply(BigInteger.valueOf(runnable)));
            s.step(who, i + 1);
        }
        if (!s.complete()) {
            throw new IllegalStateException(letters + " is not complete");
        }
        return new Run(letters, s.counter, s.stale, p);
    }

    /** Every complete schedule, in lexicographic order. */
    void enumerate(Consumer<Run> sink) {
        walk(new StringBuilder(), sink);
    }

    List<Run> all() {
        List<Run> runs = new ArrayList<>();
        enumerate(runs::add);
        return runs;
    }

    private void walk(StringBuilder prefix, Consumer<Run> sink) {
        State s = replayPrefix(prefix);
        if (s.complete()) {
            sink.accept(replay(prefix.toString()));
            return;
        }
        for (int who = 0; who < config.threads(); who++) {
            if (s.canStep(who)) {
                prefix.append((char) ('A' + who));
                walk(prefix, sink);
                prefix.setLength(prefix.length() - 1);
            }
        }
    }

    private State replayPrefix(CharSequence letters) {
        State s = new State();
        for (int i = 0; i < letters.length(); i++) {
            s.step(letters.charAt(i) - 'A', i + 1);
        }
        return s;
    }

    /** Mutable, absolute-valued machine: pc per thread, register, loaded value, counter, lock holder. */
    private final class State {
        final int[] pc = new int[config.threads()];
        final int[] register = new int[config.threads()];
        final int[] loaded = new int[config.threads()];
        int counter = config.start();
        int holder = -1;
        final List<Integer> stale = new ArrayList<>();

        private String op(int who) {
            int per = config.opsPerIncrement();
            if (pc[who] >= per * config.increments()) {
                return "done";
            }
            int k = pc[who] % per;
            String[] ops = config.lock() ? new String[] {"acquire", "load", "add", "store", "release"}
                    : new String[] {"load", "add", "store"};
            return ops[k];
        }

        boolean canStep(int who) {
            String op = op(who);
            return !op.equals("done") && !(op.equals("acquire") && holder != -1);
        }

        int runnableCount() {
            int n = 0;
            for (int i = 0; i < config.threads(); i++) {
                if (canStep(i)) {
                    n++;
                }
            }
            return n;
        }

        boolean complete() {
            for (int i = 0; i < config.threads(); i++) {
                if (!op(i).equals("done")) {
                    return false;
                }
            }
            return true;
        }

        void step(int who, int stepNumber) {
            switch (op(who)) {
                case "acquire" -> holder = who;
                case "load" -> {
                    register[who] = counter;
                    loaded[who] = counter;
                }
                case "add" -> register[who]++;
                case "store" -> {
                    if (counter != loaded[who]) {
                        stale.add(stepNumber);
                    }
                    counter = register[who];
                }
                case "release" -> holder = -1;
                default -> throw new IllegalStateException("thread " + who + " is done");
            }
            pc[who]++;
        }
    }
}
