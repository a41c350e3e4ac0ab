package org.racelab.ui.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Benchmark aid: samples every thread's CPU ticks and the FX thread's stack, to explain a late frame. */
final class SpikeWatch {

    private record Snap(long nanos, Map<String, long[]> ticks, String fxTop, Thread.State fxState) {
    }

    private final ArrayDeque<Snap> ring = new ArrayDeque<>();
    private final Thread fx;

    private SpikeWatch(Thread fx) {
        this.fx = fx;
    }

    static SpikeWatch start() {
        SpikeWatch w = new SpikeWatch(Thread.currentThread());
        Thread t = new Thread(() -> {
            while (true) {
                w.sample();
                try {
                    Thread.sleep(4);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "spike-watch");
        t.setDaemon(true);
        t.start();
        return w;
    }

    private void sample() {
        Map<String, long[]> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName() + ":" + comm, new long[] {
                            Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[16]), f[0].charAt(0)});
                } catch (IOException | RuntimeException e) {
                    // thread gone
                }
            });
        } catch (IOException e) {
            return;
        }
        StackTraceElement[] st = fx.getStackTrace();
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(6, st.length); i++) {
            top.append(st[i].getClassName().replaceAll(".*\\\\.", "")).append('.').append(st[i].getMethodName())
                    .append(i + 1 < Math.min(6, st.length) ? " < " : "");
        }
        synchronized (ring) {
            ring.addLast(new Snap(System.nanoTime(), ticks, top.toString(), fx.getState()));
            while (ring.size() > 400) {
                ring.removeFirst();
            }
        }
    }

    /** Who ran during the last {@code gapMillis}, and what the FX thread was doing. */
    String explain(long gapMillis) {
        long from = System.nanoTime() - gapMillis * 1_000_000L;
        Snap first = null;
        Snap last = null;
        Map<String, Integer> fxTops = new java.util.LinkedHashMap<>();
        synchronized (ring) {
            for (Snap s : ring) {
                if (s.nanos >= from) {
                    if (first == null) {
                        first = s;
                    }
                    last = s;
                    fxTops.merge(s.fxState + " " + s.fxTop, 1, Integer::sum);
                }
            }
        }
        if (first == null || last == first) {
            return "  (no samples)\n";
        }
        StringBuilder out = new StringBuilder();
        Snap a = first;
        Snap b = last;
        out.append(String.format(Locale.ROOT, "  CPU ticks (10 ms) in %.0f ms:", (b.nanos - a.nanos) / 1e6));
        b.ticks.entrySet().stream()
                .map(e -> Map.entry(e.getKey() + "[nice " + e.getValue()[1] + "]",
                        e.getValue()[0] - a.ticks.getOrDefault(e.getKey(), new long[] {0, 0, 0})[0]))
                .filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .forEach(e -> out.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        out.append('\n');
        fxTops.forEach((k, v) -> out.append("  fx x").append(v).append(": ").append(k).append('\n'));
        return out.toString();
    }
}
