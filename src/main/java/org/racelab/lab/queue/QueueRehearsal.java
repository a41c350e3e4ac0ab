package org.racelab.lab.queue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.racelab.model.queue.QueueMistake;

/**
 * A few short real runs that nobody sees, made once before the first run a teacher starts, then one collection:
 * the JVM's one-time costs of a first run are paid at a quiet moment instead of inside that run's first frames.
 *
 * <p>Why both: the runs load and link the run's classes and let the JIT compile and profile its loops; the JIT's
 * profiling data and those classes are what take a young JVM's class metadata past its first threshold (21 MB),
 * and the collection that then follows (a 20–60 ms pause, its marking competing for the two cores) fell inside the
 * first Start's frames: 110–206 ms frames measured. A young JVM reaches that threshold at a moment no rehearsal can
 * pin down, so the rehearsal ends with {@link System#gc()}, the one collection a program can ask for, which also
 * sets the next threshold well above what the runs use (measured: no metadata collection in any run afterwards);
 * it asks only while that first threshold is still ahead and near ({@link #firstMetadataCollectionAhead()}).
 * {@code -Dracelab.queue.rehearsal.gc=false} leaves it out, to measure what it saves.
 *
 * <p>Thread-safe: {@link #stop()} may come from any thread while {@link #call()} runs on another; the flag is set
 * before the current run is read, so a run started just after a stop is caught by the check that follows it.
 */
public final class QueueRehearsal implements Callable<List<QueueRehearsal.Rehearsed>> {

    /** The runs: the part's own full-speed loops first, then the unbounded queue and the timed path. */
    static final List<QueueRunSettings> RUNS = List.of(
            new QueueRunSettings(2, 2, 50_000, 10, 0, 0, QueueMistake.NONE, 2_000),
            new QueueRunSettings(1, 1, 2_000, 0, 0, 0, QueueMistake.UNBOUNDED, 2_000),
            new QueueRunSettings(1, 1, 4, 2, 1, 1, QueueMistake.NONE, 2_000));

    /** One rehearsed run's result and its last reading, for the caller to warm up its own reading code with. */
    public record Rehearsed(QueueRunResult result, QueueSample sample) {
    }

    /** How close to the first metadata threshold a collection is worth its pause: a first run adds about 1 MB. */
    static final long NEAR_THRESHOLD_BYTES = 8L << 20;

    private final boolean collect;
    private volatile boolean stopping;
    private volatile QueueRun current;

    /** A rehearsal that ends with a collection unless {@code -Dracelab.queue.rehearsal.gc=false}. */
    public QueueRehearsal() {
        this(Boolean.parseBoolean(System.getProperty("racelab.queue.rehearsal.gc", "true")));
    }

    QueueRehearsal(boolean collect) {
        this.collect = collect;
    }

    /**
     * Makes the runs one after another until all are done or {@link #stop()} is called, then collects if none was
     * stopped; returns the runs done.
     */
    @Override
    public List<Rehearsed> call() throws InterruptedException {
        List<Rehearsed> done = new ArrayList<>();
        for (QueueRunSettings s : RUNS) {
            QueueRun r = new QueueRun(s);
            current = r;
            if (stopping) {
                break;
            }
            QueueRunResult result = r.call();
            done.add(new Rehearsed(result, r.sample()));
        }
        current = null;
        if (collect && !stopping && firstMetadataCollectionAhead()) {
            System.gc();
        }
        return done;
    }

    /**
     * Whether the JVM's class metadata is still below its first collection threshold ({@code MetaspaceSize}) and
     * within 8 MB of it: only then can a first run set that collection off. Past it (a metadata collection has
     * raised the threshold, as the first switch between parts of a lecture usually does) or far below it (the app
     * image starts with a threshold of 96 MB) a collection would be a pause for nothing. Without the management
     * beans it answers yes, as the rehearsal did before it asked.
     */
    static boolean firstMetadataCollectionAhead() {
        try {
            long threshold = Long.parseLong(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("MetaspaceSize").getValue());
            long committed = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getName().equals("Metaspace")).mapToLong(p -> p.getUsage().getCommitted())
                    .findFirst().orElse(-1);
            return committed < 0 || aheadAndNear(committed, threshold);
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    /** The rule of {@link #firstMetadataCollectionAhead()} on its two readings, in bytes. */
    static boolean aheadAndNear(long committed, long threshold) {
        return committed < threshold && threshold - committed < NEAR_THRESHOLD_BYTES;
    }

    /** Ends the rehearsal within the 200 ms a run takes to stop; a stopped one skips the collection. Any thread. */
    public void stop() {
        stopping = true;
        QueueRun r = current;
        if (r != null) {
            r.stop();
        }
    }
}
