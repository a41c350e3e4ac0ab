package org.racelab.lab;

import java.util.List;

/** Test helper: the lab's pool and sampler threads still alive, found by name. */
public final class LabThreads {

    private LabThreads() {
    }

    public static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(CounterRun.WORKER_THREAD_PREFIX) || n.startsWith(CounterRun.SAMPLER_THREAD_PREFIX))
                .sorted()
                .toList();
    }

    /** Waits up to {@code millis} for every lab thread to end. */
    public static boolean awaitNone(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!alive().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
