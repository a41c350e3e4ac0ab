package org.racelab.ui.shell;

import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import org.racelab.lab.FrameGapStats;

/**
 * Benchmark aids shared by the window benchmarks (frame gaps of the parts, the lab soak): the machine's load, an
 * unbounded frame-gap recorder, the UI threads' CPU share and an optional sampler of the JavaFX thread's stack.
 * Test scope only; nothing here is a test.
 */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** The machine's load as one line: load average and {@code /proc/pressure/cpu} "some" (Linux). */
    public static String load() {
        String avg = read("/proc/loadavg");
        String psi = read("/proc/pressure/cpu");
        String some = psi.lines().filter(l -> l.startsWith("some")).findFirst().orElse("some n/a");
        String[] a = avg.split(" ");
        return String.format(Locale.ROOT, "load average %s %s %s, cpu pressure %s",
                a.length > 2 ? a[0] : "?", a.length > 2 ? a[1] : "?", a.length > 2 ? a[2] : "?",
                some.replaceAll(" total=\\d+", ""));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Heap used now and right after the most recent collection (all heap pools, from that collection's own
     * report), in MB: the second is the live data, the figure that must stay flat over a soak.
     */
    public static String heap() {
        return String.format(Locale.ROOT, "heap used %.1f MB, after last GC %.1f MB", heapUsedBytes() / 1e6,
                heapAfterLastGcBytes() / 1e6);
    }

    /** Heap in use right after the most recent garbage collection of any collector, or -1 before the first. */
    public static long heapAfterLastGcBytes() {
        long latestEnd = -1;
        long after = -1;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof com.sun.management.GarbageCollectorMXBean sun)) {
                continue;
            }
            GcInfo info = sun.getLastGcInfo();
            if (info == null || info.getEndTime() < latestEnd) {
                continue;
            }
            latestEnd = info.getEndTime();
            after = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage u = pool.getType() == MemoryType.HEAP ? info.getMemoryUsageAfterGc().get(pool.getName())
                        : null;
                after += u == null ? 0 : u.getUsed();
            }
        }
        return after;
    }

    public static long heapUsedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Live threads of this JVM. */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Names of live threads that RaceLab started (all are named {@code racelab-…}). */
    public static List<String> racelabThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("racelab-")).sorted().toList();
    }

    /**
     * Records every interval between two JavaFX pulses while started, with no cap (a 10-minute soak at 60 Hz is
     * 36,000 gaps, 288 KB). Confined to the JavaFX thread, like the timer that feeds it.
     */
    public static final class Gaps {
        /** Gaps longer than this are "late" (the p99 target): the scheduler accounting below covers them. */
        private static final long LATE_NANOS = 34_000_000L;
        /** With {@code -Dbench.late=true} every late frame is listed with its time (matches {@code -Xlog:gc}). */
        private static final boolean LOG_LATE = Boolean.getBoolean("bench.late");
        private final List<String> lateLog = new ArrayList<>();
        private long[] gaps = new long[4096];
        private int count;
        private long last;
        private final List<Consumer<Long>> watchers = new ArrayList<>();
        // Found when recording starts: the toolkit's threads exist by then.
        private SchedStat fxSched = new SchedStat(null);
        private SchedStat renderSched = new SchedStat(null);
        private long[] fxLast;
        private long[] renderLast;
        private int late;
        private long lateWall;
        private final long[] lateFx = new long[2];
        private final long[] lateRender = new long[2];
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long[] fx = fxSched.read();
                long[] render = renderSched.read();
                if (last != 0) {
                    long gap = now - last;
                    if (count == gaps.length) {
                        gaps = Arrays.copyOf(gaps, count * 2);
                    }
                    gaps[count++] = gap;
                    if (gap > LATE_NANOS && fx != null && fxLast != null) {
                        late++;
                        lateWall += gap;
                        add(lateFx, fx, fxLast);
                        add(lateRender, render, renderLast);
                        if (LOG_LATE) {
                            lateLog.add(String.format(Locale.ROOT, "  late frame at JVM uptime %.3f s: %.1f ms; FX ran"
                                    + " %.1f, waited %.1f; renderer ran %.1f, waited %.1f ms",
                                    ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, gap / 1e6,
                                    (fx[0] - fxLast[0]) / 1e6, (fx[1] - fxLast[1]) / 1e6,
                                    render == null || renderLast == null ? 0 : (render[0] - renderLast[0]) / 1e6,
                                    render == null || renderLast == null ? 0 : (render[1] - renderLast[1]) / 1e6));
                        }
                    }
                    for (Consumer<Long> w : watchers) {
                        w.accept(gap);
                    }
                }
                fxLast = fx;
                renderLast = render;
                last = now;
            }
        };

        private static void add(long[] sum, long[] now, long[] before) {
            if (now != null && before != null) {
                sum[0] += now[0] - before[0];
                sum[1] += now[1] - before[1];
            }
        }

        /**
         * Where the late frames' time went, from the kernel's own accounting ({@code /proc/.../schedstat}): how long
         * the JavaFX thread and the renderer ran, and how long each was runnable but waiting for a CPU. Waiting means
         * the cores were busy with other threads; running means the UI's own work took the time.
         */
        public String lateFrames() {
            if (!fxSched.found()) {
                return "late frames: no scheduler statistics on this OS";
            }
            return String.format(Locale.ROOT, "late frames (gap > 34 ms): %d, %.0f ms in all; inside them the FX thread"
                    + " ran %.0f ms and waited for a CPU %.0f ms, the renderer ran %.0f ms and waited %.0f ms", late,
                    lateWall / 1e6, lateFx[0] / 1e6, lateFx[1] / 1e6, lateRender[0] / 1e6, lateRender[1] / 1e6)
                    + (lateLog.isEmpty() ? "" : "\n" + String.join("\n", lateLog));
        }

        /** Also tells {@code watcher} every gap, in nanoseconds (the soak's per-minute figures, the profiler). */
        public void watch(Consumer<Long> watcher) {
            watchers.add(watcher);
        }

        public void start() {
            fxSched = SchedStat.of("JavaFX Applicat");
            renderSched = SchedStat.of("QuantumRenderer");
            last = 0;
            timer.start();
        }

        public void stop() {
            timer.stop();
        }

        public FrameGapStats stats() {
            return FrameGapStats.of(gaps, count);
        }

        /** Gaps recorded from index {@code from} on: for per-interval figures. */
        public FrameGapStats statsFrom(int from) {
            return FrameGapStats.of(Arrays.copyOfRange(gaps, from, count), count - from);
        }

        public int count() {
            return count;
        }
    }

    /**
     * An experiment, not a fix: with {@code -Dbench.nice=prefix,…} a daemon thread lowers every thread of this process
     * whose kernel name starts with one of the prefixes (at most 15 characters) to nice 19 with {@code renice}, within
     * about 5 ms of its start — what the lab's {@code BackgroundPriority} does for its own workers. It shows whether a
     * part's background threads, if lowered, would leave the window's threads the CPU. Returns a description.
     */
    public static String startRenicerIfAsked() {
        String prefixes = System.getProperty("bench.nice", "");
        if (prefixes.isBlank()) {
            return "threads at their own priority (no -Dbench.nice)";
        }
        List<String> wanted = List.of(prefixes.split(","));
        java.util.Set<String> done = new java.util.HashSet<>();
        Thread t = new Thread(() -> {
            while (true) {
                try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                    List<String> fresh = tasks.filter(task -> !done.contains(task.getFileName().toString()))
                            .filter(task -> wanted.stream().anyMatch(w -> read(task.resolve("comm").toString())
                                    .startsWith(w.length() > 15 ? w.substring(0, 15) : w)))
                            .map(task -> task.getFileName().toString()).toList();
                    if (!fresh.isEmpty()) {
                        List<String> cmd = new ArrayList<>(List.of("renice", "-n", "19", "-p"));
                        cmd.addAll(fresh);
                        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start().waitFor();
                        done.addAll(fresh);
                    }
                    Thread.sleep(5);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-renicer");
        t.setDaemon(true);
        t.start();
        return "threads named " + wanted + "* lowered to nice 19 by the benchmark (-Dbench.nice)";
    }

    /** One thread's kernel scheduler statistics (Linux): nanoseconds on a CPU and waiting on a run queue. */
    static final class SchedStat {
        private final java.nio.channels.FileChannel file;
        /**
         * Read into again and again: the meter reads two of these files every frame, and reading them as strings
         * allocated about 1 MB a second on the FX thread (a young collection a minute in an idle window, caused by the
         * meter alone).
         */
        private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(128);

        private SchedStat(Path path) {
            java.nio.channels.FileChannel opened = null;
            if (path != null) {
                try {
                    opened = java.nio.channels.FileChannel.open(path);
                } catch (IOException | RuntimeException e) {
                    opened = null;
                }
            }
            this.file = opened;
        }

        /** The first thread of this process whose kernel name ({@code comm}, 15 characters) starts with the given. */
        static SchedStat of(String comm) {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                return new SchedStat(tasks.filter(t -> BenchSupport.read(t.resolve("comm").toString()).startsWith(comm))
                        .findFirst().map(t -> t.resolve("schedstat")).orElse(null));
            } catch (IOException | RuntimeException e) {
                return new SchedStat(null);
            }
        }

        boolean found() {
            return file != null;
        }

        /** {run, wait} in nanoseconds, or null. */
        long[] read() {
            if (file == null) {
                return null;
            }
            try {
                buffer.clear();
                // A positional read at 0 makes the kernel write the file afresh: "<run ns> <wait ns> <slices>\n".
                file.read(buffer, 0);
                buffer.flip();
                long run = 0;
                long wait = 0;
                int field = 0;
                while (buffer.hasRemaining() && field < 2) {
                    byte b = buffer.get();
                    if (b >= '0' && b <= '9') {
                        if (field == 0) {
                            run = run * 10 + (b - '0');
                        } else {
                            wait = wait * 10 + (b - '0');
                        }
                    } else {
                        field++;
                    }
                }
                return field < 1 ? null : new long[] {run, wait};
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * Bytes allocated per thread while measured (on with {@code -Dbench.alloc=true}): which threads fill the young
     * generation, so how often a young collection (a pause of every thread, the window's included) falls inside the
     * measurement. Threads that ended meanwhile are not counted.
     */
    public static final class Allocation {
        private final Map<Long, Long> start = new HashMap<>();

        private static com.sun.management.ThreadMXBean mx() {
            return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        }

        public static Allocation startIfAsked() {
            if (!Boolean.getBoolean("bench.alloc")) {
                return null;
            }
            Allocation a = new Allocation();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                a.start.put(t.getId(), mx().getThreadAllocatedBytes(t.getId()));
            }
            return a;
        }

        public String report() {
            Map<String, Long> byName = new HashMap<>();
            long total = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                long now = mx().getThreadAllocatedBytes(t.getId());
                long d = Math.max(0, now - start.getOrDefault(t.getId(), 0L));
                byName.merge(t.getName().replaceAll("-\\d+$", "-N"), d, Long::sum);
                total += d;
            }
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "allocated while measured: %.1f MB;",
                    total / 1e6));
            byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.1f MB,", e.getKey(), e.getValue() / 1e6)));
            return out.toString();
        }
    }

    /** CPU time of the JavaFX application thread and the render thread, to tell the UI's own work from waiting. */
    public static final class UiCpu {
        private final long wallStart = System.nanoTime();
        private final long[] start = now();

        private static long[] now() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long[] cpu = new long[2];
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                int slot = t.getName().equals("JavaFX Application Thread") ? 0
                        : t.getName().startsWith("QuantumRenderer") ? 1 : -1;
                if (slot >= 0) {
                    cpu[slot] += Math.max(0, mx.getThreadCpuTime(t.getId()));
                }
            }
            return cpu;
        }

        @Override
        public String toString() {
            long[] n = now();
            double wall = System.nanoTime() - wallStart;
            return String.format(Locale.ROOT, "UI CPU: FX thread %.1f%%, renderer %.1f%% of one core",
                    100 * (n[0] - start[0]) / wall, 100 * (n[1] - start[1]) / wall);
        }
    }

    /**
     * Samples the JavaFX thread's stack every 2 ms (on with {@code -Dbench.profile=true}; it costs CPU and
     * safepoints itself, so figures taken with it are for finding causes, not for the table) and says which code
     * the thread was in: over the whole measurement and inside each gap longer than 50 ms.
     */
    public static final class FxProfiler {
        private record Sample(long nanos, String where, Thread.State state) {
        }

        private final Thread fx;
        private final List<Sample> samples = new ArrayList<>();
        private final List<String> spikes = new ArrayList<>();
        private volatile boolean on = true;

        private FxProfiler(Thread fx) {
            this.fx = fx;
        }

        /** Starts sampling the calling thread, which must be the JavaFX thread; null unless asked for. */
        public static FxProfiler startIfAsked(Gaps gaps) {
            if (!Boolean.getBoolean("bench.profile")) {
                return null;
            }
            FxProfiler p = new FxProfiler(Thread.currentThread());
            Thread t = new Thread(p::loop, "bench-fx-profiler");
            t.setDaemon(true);
            t.start();
            gaps.watch(gap -> p.gap(gap));
            return p;
        }

        private void loop() {
            while (on) {
                StackTraceElement[] st = fx.getStackTrace();
                Sample s = new Sample(System.nanoTime(), where(st), fx.getState());
                synchronized (samples) {
                    samples.add(s);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The innermost RaceLab frame and the innermost frame overall: "what code, doing what". */
        private static String where(StackTraceElement[] st) {
            if (st.length == 0) {
                return "?";
            }
            String top = st[0].getClassName().replaceAll(".*\\.", "") + "." + st[0].getMethodName();
            if (top.startsWith("Unsafe.park") || top.startsWith("Object.wait")) {
                return "(idle: waiting for the next pulse)";
            }
            String own = "";
            String jfx = "";
            for (StackTraceElement e : st) {
                if (own.isEmpty() && e.getClassName().startsWith("org.racelab")) {
                    own = e.getClassName().replace("org.racelab.", "") + "." + e.getMethodName();
                }
                if (jfx.isEmpty() && (e.getClassName().startsWith("javafx.") || e.getClassName().startsWith("com.sun.javafx"))
                        && !e.getClassName().startsWith("com.sun.javafx.tk")) {
                    jfx = e.getClassName().replaceAll(".*\\.", "") + "." + e.getMethodName();
                }
            }
            return (own.isEmpty() ? "(no RaceLab frame)" : own) + " <- " + (jfx.isEmpty() ? top : jfx) + " | " + top;
        }

        private void gap(long gapNanos) {
            if (gapNanos < 50_000_000L) {
                return;
            }
            long end = System.nanoTime();
            long begin = end - gapNanos;
            Map<String, Integer> inside = new HashMap<>();
            int n = 0;
            synchronized (samples) {
                for (int i = samples.size() - 1; i >= 0 && samples.get(i).nanos() >= begin; i--) {
                    Sample s = samples.get(i);
                    inside.merge(s.state() + " " + s.where(), 1, Integer::sum);
                    n++;
                }
            }
            spikes.add(String.format(Locale.ROOT, "  gap %.0f ms, %d samples: %s", gapNanos / 1e6, n, top(inside, 3)));
        }

        private static String top(Map<String, Integer> counts, int k) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(k).map(e -> e.getValue() + "× " + e.getKey()).reduce((a, b) -> a + "; " + b).orElse("-");
        }

        /** Stops sampling and returns the report lines. */
        public List<String> report() {
            on = false;
            Map<String, Integer> all = new HashMap<>();
            int busy = 0;
            int total;
            synchronized (samples) {
                total = samples.size();
                for (Sample s : samples) {
                    if (!s.where().startsWith("(idle")) {
                        busy++;
                        all.merge(s.where(), 1, Integer::sum);
                    }
                }
            }
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "FX thread profile: %d samples, %d (%.0f%%) not idle; top code:", total,
                    busy, total == 0 ? 0 : 100.0 * busy / total));
            all.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                    .forEach(e -> out.add(String.format(Locale.ROOT, "  %5d  %s", e.getValue(), e.getKey())));
            out.add("gaps over 50 ms (what the FX thread was doing inside each):");
            out.addAll(spikes.size() > 25 ? spikes.subList(0, 25) : spikes);
            return out;
        }
    }
}
