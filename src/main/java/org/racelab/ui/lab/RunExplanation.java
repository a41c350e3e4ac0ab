package org.racelab.ui.lab;

import java.util.Locale;
import java.util.Optional;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.RunStatus;

/**
 * The results table's one honest sentence per run: what was lost and why the measured speed is what it is on this
 * machine, derived only from the run's own figures (workers, tasks, rates, lost updates) and the core count.
 *
 * <p>The reasons named are the ones the figures support: how many threads had work, how many of them a core count
 * lets run at once, and the size of the critical section (one add). Lock elision and lock biasing are not measured
 * here (biased locking is off in Java 17), so no sentence claims them.
 */
public final class RunExplanation {

    /** Within this factor of unsafe a locked counter is called "about as fast" rather than given a misleading ratio. */
    static final double ABOUT_THE_SAME = 1.25;

    private final int cores;

    /** Explanations for a machine with {@code cores} cores (availableProcessors). */
    public RunExplanation(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1, was " + cores);
        }
        this.cores = cores;
    }

    /** Explanations for the machine this JVM runs on. */
    public static RunExplanation forThisMachine() {
        return new RunExplanation(Runtime.getRuntime().availableProcessors());
    }

    /** One sentence for {@code run}, compared with an unsafe run of the same size if {@code unsafe} holds one. */
    public String explain(CounterRunResult run, Optional<CounterRunResult> unsafe) {
        String name = run.counter().id();
        if (run.status() == RunStatus.FAILED) {
            return name + ": FAILED - " + run.failure().orElse("a task failed") + " (figures cover the attempts made).";
        }
        int threads = Math.max(1, Math.min(run.workers(), run.tasks()));
        int atOnce = Math.min(threads, cores);
        StringBuilder line = new StringBuilder(name).append(": ").append(lost(run));
        Optional<Double> slower = unsafe.filter(b -> b != run && b.counter() == CounterKind.UNSAFE && b.sameSize(run)
                        && b.incrementsPerSecond() > 0 && run.incrementsPerSecond() > 0)
                .map(b -> b.incrementsPerSecond() / run.incrementsPerSecond());
        slower.ifPresent(f -> line.append(", ").append(comparison(f)));
        line.append(" - ").append(reason(run, slower, threads, atOnce));
        if (run.status() == RunStatus.STOPPED) {
            line.append(String.format(Locale.ROOT, " (stopped after %,d increments)", run.attempts()));
        }
        return line.append('.').toString();
    }

    private static String lost(CounterRunResult run) {
        return run.lost() == 0 ? "0 lost"
                : String.format(Locale.ROOT, "%,d lost (%.2f %%)", run.lost(), run.lostPercent());
    }

    private static String comparison(double slower) {
        if (slower < ABOUT_THE_SAME && slower > 1 / ABOUT_THE_SAME) {
            return String.format(Locale.ROOT, "about as fast as unsafe (%.2f×)", 1 / slower);
        }
        return slower >= 1 ? String.format(Locale.ROOT, "%.1f× slower than unsafe", slower)
                : String.format(Locale.ROOT, "%.1f× faster than unsafe", 1 / slower);
    }

    private String machine(int threads, int atOnce) {
        return String.format(Locale.ROOT, "%d %s on %d %s, so at most %d run%s at once", threads,
                threads == 1 ? "thread" : "threads", cores, cores == 1 ? "core" : "cores", atOnce,
                atOnce == 1 ? "s" : "");
    }

    private String reason(CounterRunResult run, Optional<Double> slower, int threads, int atOnce) {
        String machine = machine(threads, atOnce);
        return switch (run.counter()) {
            case UNSAFE, SWITCHABLE -> unsafeReason(run, machine, atOnce);
            case SYNCHRONIZED, LOCK -> lockReason(slower, machine, atOnce);
            case ATOMIC -> slower.filter(f -> f < 1).isPresent()
                    ? machine + ": one atomic add instruction replaces unsafe's separate volatile read and "
                            + "fenced volatile write, yet the " + atOnce + " threads still queue for one cache line"
                    : machine + ": the threads running at once take turns on the counter's one cache line";
            case ADDER -> machine + ": each thread adds into its own cell, so threads on different cores rarely "
                    + "touch the same cache line; the cells are summed once at the end";
        };
    }

    private static String unsafeReason(CounterRunResult run, String machine, int atOnce) {
        String switched = run.counter() == CounterKind.SWITCHABLE ? " while the lock switch was off" : "";
        if (run.lost() == 0) {
            return machine + ": nothing was overwritten this time" + switched
                    + (atOnce == 1 ? ", as a thread loses an update only when preempted between its read and write" : "");
        }
        if (atOnce == 1) {
            return machine + ": updates were lost" + switched + " when a thread was preempted between its read and "
                    + "its write, and its stale write then overwrote the others'";
        }
        return machine + ": without a lock, a write that lands between another thread's read and write is "
                + "overwritten" + switched + ", and every write also pulls the field's cache line from the other core";
    }

    private static String lockReason(Optional<Double> slower, String machine, int atOnce) {
        if (atOnce == 1) {
            return machine + ": the lock is never fought over by threads running at the same time, so it costs "
                    + "little; on more cores contention would show";
        }
        if (slower.isPresent() && slower.get() < ABOUT_THE_SAME) {
            return machine + " and each holds the lock for one add, the smallest possible critical section, "
                    + "while unsafe also pays for its cache line moving between cores; with more cores or a "
                    + "longer critical section the waiting would show";
        }
        return machine + ": they take turns for the lock, and a thread waiting for it does no work "
                + "(the cost of contention; keep critical sections small)";
    }
}
