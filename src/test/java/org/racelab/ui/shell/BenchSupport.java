package org.racelab.ui.shell;

import java.io.IOException;
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

    /** Heap used now and right after the last collection of each heap pool (the floor), in MB. */
    public static String heap() {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            afterGc += u == null ? 0 : u.getUsed();
        }
        return String.format(Locale.ROOT, "heap used %.1f MB, after last GC %.1f MB", heapUsedBytes() / 1e6,
                afterGc / 1e6);
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
        private long[] gaps = new long[4096];
        private int count;
        private long last;
        private final List<Consumer<Long>> watchers = new ArrayList<>();
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last != 0) {
                    long gap = now - last;
                    if (count == gaps.length) {
                        gaps = Arrays.copyOf(gaps, count * 2);
                    }
                    gaps[count++] = gap;
                    for (Consumer<Long> w : watchers) {
                        w.accept(gap);
                    }
                }
                last = now;
            }
        };

        /** Also tells {@code watcher} every gap, in nanoseconds (the soak's per-minute figures, the profiler). */
        public void watch(Consumer<Long> watcher) {
            watchers.add(watcher);
        }

        public void start() {
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
