package org.racelab.model.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Says in one sentence which threads wait forever and for what, once no live thread can take a step. */
public final class QueueDeadlock {

    private QueueDeadlock() {
    }

    /**
     * E.g. "deadlock: C2 and C3 wait on get() forever; nobody will put another None", or empty if some thread
     * can still step or every thread has finished.
     */
    public static Optional<String> describe(QueueState s) {
        if (!s.deadlocked()) {
            return Optional.empty();
        }
        QueueConfig c = s.config();
        List<String> onGet = new ArrayList<>();
        List<String> onPut = new ArrayList<>();
        List<String> inJoin = new ArrayList<>();
        for (int t = 0; t < c.threads(); t++) {
            if (s.finished(t)) {
                continue;
            }
            switch (s.phase(t)) {
                case GET, CHECK -> onGet.add(c.name(t));
                case PUT, PUT_SENTINEL, REPUT -> onPut.add(c.name(t));
                case JOIN, JOIN_PRODUCERS -> inJoin.add(c.name(t));
                default -> throw new IllegalStateException(c.name(t) + " can step in a deadlock");
            }
        }
        List<String> parts = new ArrayList<>();
        if (!inJoin.isEmpty()) {
            parts.add(and(inJoin) + " waits in join() forever; nobody will call task_done()");
        }
        if (!onGet.isEmpty()) {
            String what = c.mistake() == QueueMistake.SHARED_LIST ? "wait on an empty list" : "wait on get()";
            parts.add(and(onGet) + (onGet.size() == 1 ? " " + singular(what) : " " + what) + " forever; nobody will put another "
                    + (anyProducerLeft(s) ? "item" : "None"));
        }
        if (!onPut.isEmpty()) {
            parts.add(and(onPut) + (onPut.size() == 1 ? " waits" : " wait") + " on put() forever; nobody will get()");
        }
        return Optional.of("deadlock: " + String.join("; and ", parts));
    }

    private static boolean anyProducerLeft(QueueState s) {
        for (int p = 0; p < s.config().producers(); p++) {
            if (!s.finished(p)) {
                return true;
            }
        }
        return false;
    }

    private static String singular(String what) {
        return what.replaceFirst("^wait", "waits");
    }

    /** "C1", "C1 and C2", "C1, C2 and C3". */
    static String and(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
