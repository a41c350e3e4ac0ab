package org.racelab.ui.lab;

import org.racelab.ui.shell.RaceLabApp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.racelab.lab.CounterKind;
import org.racelab.lab.FrameGapStats;
import org.racelab.lab.LabSettings;

/**
 * Benchmark, not a test: opens the real window on a real display (run it under Xvfb), starts a full lab run and
 * prints the JavaFX frame-gap percentiles measured by its own frame meter (the AnimationTimer the view shows with
 * {@code -Dracelab.dev=true}). Run with {@code -Pbench}, see docs/benchmarks.md. Arguments: {@code compare|live|idle workers tasks increments [seconds]}.
 */
public final class LabFrameGapBench {

    private static long[] cpuAtStart = new long[2];
    private static long wallAtStart;
    private static volatile long stopRequestedAt;

    private LabFrameGapBench() {
    }

    /** CPU time so far of the JavaFX application thread and the render thread, in nanoseconds. */
    private static long[] fxCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
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

    /** How much of one core the UI itself used during the measurement: small means gaps come from the scheduler. */
    private static String fxCpuLine() {
        long[] now = fxCpuNanos();
        double wall = System.nanoTime() - wallAtStart;
        return String.format(Locale.ROOT, "UI CPU during the measurement: FX thread %.1f%%, renderer %.1f%% of one core",
                100 * (now[0] - cpuAtStart[0]) / wall, 100 * (now[1] - cpuAtStart[1]) / wall);
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "compare";
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : LabSettings.defaultWorkers();
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int increments = args.length > 3 ? Integer.parseInt(args[3]) : LabViewModel.DEFAULT_INCREMENTS;
        double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 20;
        CountDownLatch done = new CountDownLatch(1);
        List<String> report = new ArrayList<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            RaceLabApp app = new RaceLabApp();
            app.show(stage);
            javafx.scene.Parent main = stage.getScene().getRoot();
            ((TabPane) main.lookup(".part-tabs")).getSelectionModel().select(1);
            LabViewModel vm = app.root().lab().viewModel();
            // The bench measures with its own meter: the view shows one only with -Dracelab.dev=true.
            FrameGapMeter meter = new FrameGapMeter(stats -> { });
            vm.runningProperty().addListener((obs, was, running) -> {
                if (running) {
                    meter.start();
                }
            });
            if (Boolean.getBoolean("lab.bench.spikes")) {
                long t0 = System.nanoTime();
                // Sampling every thread's CPU costs CPU itself: only when asked, to explain a spike.
                SpikeWatch watch = Boolean.getBoolean("lab.bench.watch") ? SpikeWatch.start() : null;
                new javafx.animation.AnimationTimer() {
                    private long last;

                    @Override
                    public void handle(long now) {
                        if (last != 0 && now - last > 40_000_000L) {
                            System.out.printf(Locale.ROOT, "spike %.0f ms at %.2f s: %s%n%s", (now - last) / 1e6,
                                    (now - t0) / 1e9, vm.statusProperty().get(),
                                    watch == null ? "" : watch.explain((now - last) / 1_000_000L));
                        }
                        last = now;
                    }
                }.start();
            }
            // The first call loads the management beans (tens of ms): do it now, not when the measurement starts.
            fxCpuNanos();
            vm.workersProperty().set(workers);
            vm.tasksProperty().set(tasks);
            vm.incrementsProperty().set(increments);
            vm.runningProperty().addListener((obs, was, running) -> {
                if (!running) {
                    meter.stop();
                    vm.rows().forEach(r -> report.add(r.explanation() + String.format(Locale.ROOT,
                            "  [%.0f increments/s, %.2f s]", r.result().incrementsPerSecond(), r.result().seconds())));
                    FrameGapStats s = meter.stats();
                    report.add(String.format(Locale.ROOT,
                            "frame gaps (%s, workers=%d, tasks=%d, increments=%d, cpus=%d): %s; targets met: %s",
                            mode, workers, tasks, increments, Runtime.getRuntime().availableProcessors(), s,
                            s.meetsTargets()));
                    report.add(fxCpuLine());
                    if (stopRequestedAt != 0) {
                        report.add(String.format(Locale.ROOT,
                                "stop: Stop pressed -> run ended and its row shown after %.0f ms; lab threads alive: %s",
                                (System.nanoTime() - stopRequestedAt) / 1e6, org.racelab.lab.LabThreads.alive()));
                    }
                    done.countDown();
                }
            });
            // Let the window settle before the run starts, as a teacher would.
            Timeline begin = new Timeline(new KeyFrame(Duration.seconds(2), e -> {
                cpuAtStart = fxCpuNanos();
                wallAtStart = System.nanoTime();
                if (mode.equals("idle")) {
                    // Baseline: the same meter with no run at all, to separate machine load from the lab's workers.
                    meter.start();
                    new Timeline(new KeyFrame(Duration.seconds(seconds), f -> {
                        meter.stop();
                        report.add(String.format(Locale.ROOT, "frame gaps (idle, %.0f s, cpus=%d): %s; targets met: %s",
                                seconds, Runtime.getRuntime().availableProcessors(), meter.stats(),
                                meter.stats().meetsTargets()));
                        report.add(fxCpuLine());
                        done.countDown();
                    })).play();
                } else if (mode.equals("live")) {
                    vm.counterProperty().set(CounterKind.SWITCHABLE);
                    vm.start();
                    Timeline flips = new Timeline(new KeyFrame(Duration.seconds(seconds / 4),
                            f -> vm.lockOnProperty().set(!vm.lockOnProperty().get())));
                    flips.setCycleCount(3);
                    flips.setOnFinished(f -> new Timeline(new KeyFrame(Duration.seconds(seconds / 4), g -> {
                        stopRequestedAt = System.nanoTime();
                        vm.stop();
                    })).play());
                    flips.play();
                } else {
                    vm.compareAll();
                }
            }));
            begin.play();
        });
        boolean finished = done.await(10, TimeUnit.MINUTES);
        report.forEach(System.out::println);
        if (!finished) {
            System.out.println("benchmark did not finish within 10 minutes");
        }
        Platform.runLater(Platform::exit);
        Thread.sleep(500);
        System.exit(finished ? 0 : 1);
    }
}
