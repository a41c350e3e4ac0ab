package org.racelab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.racelab.lab.FrameGapStats;
import org.racelab.lab.pool.PoolRunResult;
import org.racelab.lab.pool.TaskKind;
import org.racelab.lab.queue.QueueRunResult;
import org.racelab.lab.reality.RealityReport;
import org.racelab.model.queue.QueueMistake;
import org.racelab.ui.explorer.ExplorerPart;
import org.racelab.ui.explorer.RealityView;
import org.racelab.ui.explorer.RealityViewModel;
import org.racelab.ui.part.Part;
import org.racelab.ui.pool.PoolPart;
import org.racelab.ui.pool.PoolViewModel;
import org.racelab.ui.queue.QueuePart;
import org.racelab.ui.queue.QueueRunViewModel;
import org.racelab.ui.queue.QueueView;

/**
 * Benchmark, not a test: opens the real window on a display (run it under Xvfb), drives one part through its
 * view-model's public API and prints the JavaFX frame gaps (p50/p99/max) while that part works, with the machine's
 * load before and after. Run with {@code -Pbench} (docs/benchmarks.md). Arguments: {@code MODE [seconds]}:
 * <ul>
 *   <li>{@code queue [seconds [items]]}: the queue part in run mode at full speed (2 producers, 2 consumers,
 *       1,000,000 items unless given, maxsize 10, 0 ms to produce and consume), runs back to back until the given
 *       seconds (default 20) have passed;</li>
 *   <li>{@code pool}: the pool part's sweep (100 I/O tasks × 100 ms at 1, 2, 4 … 64 workers), one whole sweep;</li>
 *   <li>{@code reality}: the explorer's "How often really?" pane, "Run for real" on the explorer's race for the
 *       given seconds, then Stop;</li>
 *   <li>{@code idle}: the same window and meter with nothing running (the machine's own jitter).</li>
 * </ul>
 * {@code -Dbench.profile=true} also samples the JavaFX thread's stack to say which code a long frame spent its
 * time in (this costs CPU: use it to find a cause, not for the figures).
 */
public final class PartFrameGapBench {

    private final String mode;
    private final double seconds;
    private final int items;
    private final List<String> report = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final BenchSupport.Gaps gaps = new BenchSupport.Gaps();
    private RaceLabRoot root;
    private BenchSupport.FxProfiler profiler;
    private BenchSupport.UiCpu uiCpu;
    private BenchSupport.Allocation allocation;
    private String loadBefore;

    private PartFrameGapBench(String mode, double seconds, int items) {
        this.mode = mode;
        this.seconds = seconds;
        this.items = items;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "queue";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        if (!List.of("queue", "pool", "reality", "idle").contains(mode)) {
            System.out.println("mode must be queue, pool, reality or idle, not " + mode);
            System.exit(2);
        }
        PartFrameGapBench bench = new PartFrameGapBench(mode, seconds, items);
        Platform.startup(bench::open);
        boolean finished = bench.done.await(10, TimeUnit.MINUTES);
        bench.report.forEach(System.out::println);
        if (!finished) {
            System.out.println("benchmark did not finish within 10 minutes");
        }
        Platform.runLater(Platform::exit);
        Thread.sleep(500);
        System.exit(finished ? 0 : 1);
    }

    private void open() {
        Stage stage = new Stage();
        RaceLabApp app = new RaceLabApp();
        app.show(stage);
        root = app.root();
        String title = switch (mode) {
            case "queue" -> "Queue";
            case "pool" -> "Pool";
            default -> "Explorer";
        };
        Part part = root.window().parts().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
        root.viewModel().select(part);
        if (part instanceof QueuePart queue) {
            // As a teacher does: "Run for real" first, Start a moment later. The switch (the run pane's first styling,
            // layout and drawing) is a change of screen, not part of a run; the measurement is the run.
            ((QueueView) queue.view()).showStepMode(false);
            // ... and sets the sliders before pressing Start, not in the frame of the Start itself.
            setUpQueue(queue.runModel());
        }
        Runnable go = switch (mode) {
            case "queue" -> () -> queue((QueuePart) part);
            case "pool" -> () -> pool((PoolPart) part);
            case "reality" -> () -> reality((ExplorerPart) part);
            default -> this::idle;
        };
        // The meter's own first use (the management beans, /proc) loads about a hundred classes: done now, so neither
        // that work nor the class-metadata collection it can trigger falls inside the measurement (as the lab's does).
        new BenchSupport.UiCpu().toString();
        BenchSupport.SchedStat.of("JavaFX Applicat").read();
        BenchSupport.load();
        // Let the window settle (first layout, CSS, the explorer's first exploration) as a teacher would;
        // -Dbench.settle=S waits longer, past the young JVM's one-time collections (a diagnostic, not the figure).
        after(Double.parseDouble(System.getProperty("bench.settle", "3")), go);
    }

    private static void after(double s, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(s));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    private void begin() {
        report.add(BenchSupport.startRenicerIfAsked());
        loadBefore = BenchSupport.load();
        uiCpu = new BenchSupport.UiCpu();
        allocation = BenchSupport.Allocation.startIfAsked();
        profiler = BenchSupport.FxProfiler.startIfAsked(gaps);
        gaps.start();
    }

    private void end(String what) {
        gaps.stop();
        FrameGapStats s = gaps.stats();
        report.add(String.format(Locale.ROOT, "frame gaps (%s, cpus=%d): %s; targets (p99 <= 34 ms, max <= 100 ms) met: %s",
                what, Runtime.getRuntime().availableProcessors(), s, s.meetsTargets()));
        report.add(uiCpu.toString());
        if (allocation != null) {
            report.add(allocation.report());
        }
        report.add(gaps.lateFrames());
        report.add("before: " + loadBefore);
        report.add("after:  " + BenchSupport.load());
        if (profiler != null) {
            report.addAll(profiler.report());
        }
        // The window's parts are disposed as when it closes; their threads are given their 200 ms, then counted.
        root.dispose();
        after(0.3, () -> {
            report.add("racelab threads alive 300 ms after the parts were disposed: "
                    + BenchSupport.racelabThreads());
            done.countDown();
        });
    }

    private void idle() {
        begin();
        after(seconds, () -> end(String.format(Locale.ROOT, "idle, %.0f s, window on the Explorer", seconds)));
    }

    private void setUpQueue(QueueRunViewModel vm) {
        vm.producersProperty().set(2);
        vm.consumersProperty().set(2);
        vm.itemsProperty().set(items);
        vm.maxsizeProperty().set(10);
        vm.produceMsProperty().set(0);
        vm.consumeMsProperty().set(0);
        vm.mistakeProperty().set(QueueMistake.NONE);
    }

    private void queue(QueuePart part) {
        QueueRunViewModel vm = part.runModel();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        List<QueueRunResult> runs = new ArrayList<>();
        // The view-model clears "running" just before it sets the result: the result is what says a run ended.
        vm.resultProperty().addListener((o, was, r) -> {
            if (r == null) {
                return;
            }
            runs.add(r);
            if (System.nanoTime() < until) {
                Platform.runLater(vm::start);
                return;
            }
            long exact = runs.stream().filter(x -> x.lost() == 0 && x.duplicated() == 0 && x.checksumMatches()
                    && x.consumed() == x.settings().items()).count();
            report.add(String.format(Locale.ROOT, "queue runs: %d back to back, exact (0 lost, 0 duplicated, checksum"
                    + " matches, every item consumed): %d of %d; items/s %s", runs.size(), exact, runs.size(),
                    runs.stream().map(x -> String.format(Locale.ROOT, "%,.0f", x.itemsPerSecond())).toList()));
            report.add("readout: " + vm.readoutProperty().get());
            end(String.format(Locale.ROOT, "queue run mode, 2 producers, 2 consumers, %,d items, maxsize 10,"
                    + " 0 ms, %.0f s", items, seconds));
        });
        begin();
        vm.start();
    }

    private void pool(PoolPart part) {
        PoolViewModel vm = part.viewModel();
        vm.tasksProperty().set(100);
        vm.latencyMsProperty().set(100);
        vm.kindProperty().set(TaskKind.IO);
        vm.gilProperty().set(false);
        vm.serverCapProperty().set(0);
        vm.runningProperty().addListener((o, was, running) -> {
            if (running) {
                return;
            }
            List<String> points = new ArrayList<>();
            for (PoolRunResult r : vm.sweepPoints()) {
                points.add(String.format(Locale.ROOT, "%d workers %.2f s (peak %d)", r.workers(), r.seconds(),
                        r.peakConcurrent()));
            }
            report.add("sweep: " + points + "; status: " + vm.statusProperty().get());
            end("pool sweep, 100 I/O tasks x 100 ms at " + PoolViewModel.SWEEP_WORKERS + " workers");
        });
        begin();
        vm.sweep();
    }

    private void reality(ExplorerPart part) {
        TabPane lower = (TabPane) part.view().lookup(".explorer-lower-tabs");
        Tab tab = lower.getTabs().stream().filter(t -> "explorer-reality-tab".equals(t.getId())).findFirst()
                .orElseThrow();
        lower.getSelectionModel().select(tab);
        RealityViewModel vm = ((RealityView) tab.getContent()).viewModel();
        long[] stopAt = new long[1];
        vm.runningProperty().addListener((o, was, running) -> {
            if (running) {
                return;
            }
            RealityReport r = vm.reportProperty().get();
            report.add(String.format(Locale.ROOT, "reality: %s, delay %s: %,d trials in %.1f s (%.2f M trials/s), "
                    + "forbidden %d; Stop -> run ended after %.0f ms", r.config(), r.delay().label(), r.trials(),
                    r.seconds(), r.trials() / Math.max(1e-9, r.seconds()) / 1e6, r.forbiddenObserved(),
                    (System.nanoTime() - stopAt[0]) / 1e6));
            end(String.format(Locale.ROOT, "explorer, How often really?, Run for real %.0f s", seconds));
        });
        whenTheoryReady(vm, ok -> {
            // The pane was just selected: one more second so its first layout is not part of the run's figures.
            after(1, () -> {
                begin();
                vm.run();
                after(seconds, () -> {
                    stopAt[0] = System.nanoTime();
                    vm.stop();
                });
            });
        });
    }

    private static void whenTheoryReady(RealityViewModel vm, Consumer<Boolean> then) {
        if (vm.theoryProperty().get() != null) {
            then.accept(true);
            return;
        }
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(100)));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.getKeyFrames().setAll(new KeyFrame(Duration.millis(100), e -> {
            if (vm.theoryProperty().get() != null) {
                poll.stop();
                then.accept(true);
            }
        }));
        poll.play();
    }
}
