package org.racelab.lab.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.racelab.lab.BackgroundPriority;
import org.racelab.model.queue.QueueMistake;

/**
 * One real producer–consumer run: producer threads P1.. put items 1..N on an {@link ArrayBlockingQueue}
 * ({@code maxsize} > 0) or a {@link LinkedBlockingQueue} (unbounded), consumer threads C1.. take them, mark them
 * done on a {@link TaskTracker}, and stop at the poison pill {@code 0} (Python's None), which each consumer puts
 * back; the main thread M joins the producers, then the tracker, then puts the pill. The shared-list mistake uses a
 * plain, unsynchronised {@link ArrayList} with check-then-remove instead.
 *
 * <p>Every item taken is counted in its own slot of an {@link AtomicIntegerArray}, so lost and duplicated items are
 * counted, never estimated. Thread safety: the queue and the tracker are thread-safe; the shared list is not, on
 * purpose; each worker's counters live in its own {@link WorkerClock}; {@link #stop()} and {@link #sample()} may be
 * called from any thread while {@link #call()} runs.
 */
public final class QueueRun {

    /** Every thread of a run is named with this prefix, e.g. {@code racelab-queue-C2}. */
    public static final String THREAD_PREFIX = "racelab-queue-";
    /** How long the end of a run waits for interrupted threads to finish. */
    static final long STOP_WAIT_MILLIS = 200;
    private static final Integer NONE = 0;

    private final QueueRunSettings settings;
    private final QueueRunControls controls;
    private final BlockingQueue<Integer> queue;
    private final List<Integer> list;
    private final TaskTracker tasks = new TaskTracker();
    /**
     * Set by call() before it starts any thread (Thread.start orders it before their reads), not by the constructor:
     * a million slots are 4 MB to zero, 12 ms measured, which the window's thread paid inside the Start frame.
     */
    private AtomicIntegerArray seen;
    private final LongAdder failedGets = new LongAdder();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<WorkerClock> clocks = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile boolean joinReturned;
    private volatile long startNanos;
    /** The thread that starts the others (see startThreads); set once by call(). */
    private volatile Thread starter;

    public QueueRun(QueueRunSettings settings, QueueRunControls controls) {
        this.settings = settings;
        this.controls = controls;
        boolean shared = settings.mistake() == QueueMistake.SHARED_LIST;
        this.list = shared ? new ArrayList<>() : null;
        this.queue = shared ? null
                : settings.maxsize() > 0 ? new ArrayBlockingQueue<>(settings.maxsize()) : new LinkedBlockingQueue<>();
    }

    public QueueRun(QueueRunSettings settings) {
        this(settings, new QueueRunControls(settings.produceMs(), settings.consumeMs()));
    }

    public QueueRunSettings settings() {
        return settings;
    }

    public QueueRunControls controls() {
        return controls;
    }

    /**
     * Starts every thread and waits until all have ended, the timeout has passed or {@link #stop()} is called;
     * then no thread of the run is left alive (each is interrupted and waited for, at most 200 ms in all).
     *
     * @throws InterruptedException if the calling thread is interrupted; the run is stopped first
     */
    public QueueRunResult call() throws InterruptedException {
        seen = new AtomicIntegerArray(settings.items() + 1);
        Thread starter = new Thread(this::startThreads, THREAD_PREFIX + "start");
        starter.setDaemon(true);
        this.starter = starter;
        starter.start();
        long deadline;
        try {
            starter.join();
            deadline = settings.timeoutMs() == 0 ? Long.MAX_VALUE
                    : startNanos + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMs());
            for (Thread t : threads) {
                while (t.isAlive() && !stopping) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    t.join(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
                }
            }
        } catch (InterruptedException e) {
            stop();
            awaitEnd();
            throw e;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        List<String> hung = new ArrayList<>();
        boolean wasStopped = stopping;
        if (!wasStopped) {
            for (int i = 0; i < threads.size(); i++) {
                if (threads.get(i).isAlive()) {
                    hung.add(hungText(clocks.get(i)));
                }
            }
        }
        stop();
        awaitEnd();
        return result(hung, wasStopped, seconds);
    }

    /** Ends the run: interrupts every thread, including those blocked on the queue or in join(). Any thread. */
    public void stop() {
        stopping = true;
        Thread s = starter;
        if (s != null) {
            s.interrupt();
        }
        for (Thread t : threads) {
            t.interrupt();
        }
    }

    /**
     * Runs on a thread of its own that first steps back to background priority and then starts P1.., C1.. and M:
     * Linux gives each the nice value of the thread that starts it, so at full speed they keep both cores busy only
     * with what the window's threads leave (the lab's workers do the same). They still compete with each other as
     * equals, so the run is unchanged. Also lowers the JIT compiler threads a step, once per JVM, as the lab does:
     * a compiler busy with a fresh run's code was what the window's thread waited behind.
     */
    private void startThreads() {
        BackgroundPriority.lowerCurrentThreadAndWait();
        BackgroundPriority.lowerCompilerThreads();
        startNanos = System.nanoTime();
        List<String> names = settings.threadNames();
        for (int p = 0; p < settings.producers() && !stopping; p++) {
            int index = p;
            start(names.get(p), c -> produce(index, c));
        }
        for (int i = 0; i < settings.consumers() && !stopping; i++) {
            start(names.get(settings.producers() + i), list != null ? this::consumeList : this::consume);
        }
        if (!stopping) {
            start(names.get(names.size() - 1), this::main);
        }
    }

    /** The run's state now; safe from any thread while it runs. */
    public QueueSample sample() {
        long now = System.nanoTime();
        long start = startNanos;
        int length = queue != null ? queue.size() : list.size();
        long produced = 0;
        long consumed = 0;
        List<QueueSample.ThreadTime> times = new ArrayList<>();
        for (WorkerClock c : clocks) {
            if (c.name.startsWith("P")) {
                produced += c.moved();
            } else if (c.name.startsWith("C")) {
                consumed += c.moved();
            }
            times.add(c.time(now));
        }
        return new QueueSample(start == 0 ? 0 : now - start, length, produced, consumed, times);
    }

    private interface Body {
        void run(WorkerClock clock) throws InterruptedException;
    }

    private void start(String name, Body body) {
        WorkerClock clock = new WorkerClock(name, startNanos);
        Thread t = new Thread(() -> {
            clock.where = "running";
            try {
                body.run(clock);
            } catch (InterruptedException e) {
                // Asked to stop: the run is ending, nothing is left to do.
            } finally {
                clock.ended();
            }
        }, THREAD_PREFIX + name);
        t.setDaemon(true);
        clocks.add(clock);
        threads.add(t);
        t.start();
        // stop() sets the flag before it interrupts the threads it sees: one started just after it is caught here.
        if (stopping) {
            t.interrupt();
        }
    }

    private static void pause(int ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private void produce(int p, WorkerClock c) throws InterruptedException {
        long n = 0;
        for (int item = p + 1; item <= settings.items(); item += settings.producers()) {
            pause(controls.produceMs());
            if (list != null) {
                try {
                    list.add(item);
                } catch (RuntimeException e) {
                    // A racing add can throw inside the unsynchronised list; the item then counts as lost.
                }
            } else {
                tasks.added();
                c.put(queue, item);
            }
            // The highest length seen right after a put (exact for the queue's lock-protected size at that moment).
            int len = queue != null ? queue.size() : list.size();
            if (len > c.maxLength) {
                c.maxLength = len;
            }
            c.moved(++n);
        }
    }

    private void consume(WorkerClock c) throws InterruptedException {
        boolean reput = settings.mistake() != QueueMistake.NO_REPUT;
        boolean taskDone = settings.mistake() != QueueMistake.NO_TASK_DONE;
        long n = 0;
        while (true) {
            Integer item = c.take(queue);
            if (item.intValue() == 0) {
                if (reput) {
                    c.put(queue, item);
                }
                return;
            }
            pause(controls.consumeMs());
            took(c, item, ++n);
            if (taskDone) {
                tasks.done();
            }
        }
    }

    private void took(WorkerClock c, int item, long n) {
        seen.incrementAndGet(item);
        c.checksum += item;
        c.moved(n);
    }

    /** The mistake on purpose: check, then remove, on a list nobody locks; every failure is caught and counted. */
    private void consumeList(WorkerClock c) throws InterruptedException {
        long n = 0;
        while (!stopping) {
            if (list.isEmpty()) {
                c.where = "if items: (spinning)";
                Thread.onSpinWait();
                continue;
            }
            c.where = "running";
            Integer item;
            try {
                item = list.remove(list.size() - 1);
            } catch (RuntimeException e) {
                failedGets.increment();
                continue;
            }
            if (item == null) {
                failedGets.increment();
                continue;
            }
            if (item.intValue() == 0) {
                list.add(NONE);
                return;
            }
            pause(controls.consumeMs());
            took(c, item, ++n);
        }
    }

    private void main(WorkerClock c) throws InterruptedException {
        for (int p = 0; p < settings.producers(); p++) {
            Thread producer = threads.get(p);
            c.join("join() of the producers", producer::join);
        }
        if (list != null) {
            try {
                list.add(NONE);
            } catch (RuntimeException e) {
                // The unsynchronised list can fail here too; the consumers then spin until the timeout says so.
            }
            return;
        }
        c.join("join()", tasks::join);
        joinReturned = true;
        c.put(queue, NONE);
    }

    private static String hungText(WorkerClock c) {
        String where = c.where;
        return where.startsWith("join()") ? c.name + " in " + where : c.name + " on " + where;
    }

    private void awaitEnd() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        List<Thread> all = new ArrayList<>(threads);
        if (starter != null) {
            all.add(0, starter);
        }
        for (Thread t : all) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                t.join(Math.max(1, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * What the unsynchronised list still holds once every thread has ended. The race can corrupt the list itself
     * (its size can even go negative), so it is read slot by slot, and a corrupt list counts as holding nothing more.
     */
    private List<Integer> leftInList() {
        List<Integer> left = new ArrayList<>();
        int n = list.size();
        for (int i = 0; i < n; i++) {
            try {
                Integer item = list.get(i);
                if (item != null) {
                    left.add(item);
                }
            } catch (RuntimeException corrupt) {
                break;
            }
        }
        return left;
    }

    private QueueRunResult result(List<String> hung, boolean stopped, double seconds) {
        Set<Integer> left = new HashSet<>(queue != null ? List.copyOf(queue) : leftInList());
        long produced = 0;
        long consumed = 0;
        long checksum = 0;
        long expectedSum = 0;
        int maxLength = 0;
        double producerBlocked = 0;
        double consumerBlocked = 0;
        for (int i = 0; i < clocks.size(); i++) {
            WorkerClock c = clocks.get(i);
            if (i < settings.producers()) {
                produced += c.moved();
                maxLength = Math.max(maxLength, c.maxLength);
                producerBlocked += c.blockedPutNanos() / 1e9;
                for (long k = 0; k < c.moved(); k++) {
                    expectedSum += i + 1 + k * settings.producers();
                }
            } else if (i < settings.producers() + settings.consumers()) {
                consumed += c.moved();
                checksum += c.checksum;
                consumerBlocked += c.blockedGetNanos() / 1e9;
            }
        }
        long lost = 0;
        long duplicated = 0;
        for (int item = 1; item <= settings.items(); item++) {
            int times = seen.get(item);
            if (times == 0 && wasProduced(item) && !left.contains(item)) {
                lost++;
            }
            duplicated += Math.max(0, times - 1);
        }
        return new QueueRunResult(settings, produced, consumed, lost, duplicated, failedGets.sum(), maxLength,
                producerBlocked, consumerBlocked, joinReturned, hung, checksum == expectedSum, stopped, seconds);
    }

    private boolean wasProduced(int item) {
        int p = (item - 1) % settings.producers();
        long k = (item - 1) / settings.producers();
        // A run stopped while its threads were being started may lack the later producers: they made nothing.
        return p < clocks.size() && k < clocks.get(p).moved();
    }
}
