package org.racelab.lab.pool;

import java.util.List;

/** Test helper: the pool part's threads (and the JDK server's dispatcher) still alive. */
public final class PoolTestThreads {

    private PoolTestThreads() {
    }

    public static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(PoolThreads.PREFIX) || n.equals("HTTP-Dispatcher"))
                .sorted()
                .toList();
    }

    /** Waits up to {@code millis} for every pool thread to end. */
    public static boolean awaitNone(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!alive().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
