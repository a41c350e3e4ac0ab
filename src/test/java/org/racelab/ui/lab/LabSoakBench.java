package org.racelab.ui.lab;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.racelab.lab.CounterKind;
import org.racelab.lab.CounterRunResult;
import org.racelab.lab.FrameGapStats;
import org.racelab.lab.RunStatus;
import org.racelab.ui.shell.BenchSupport;
import org.racelab.ui.shell.RaceLabApp;

/**
 * Soak benchmark, not a test (issue #12): the lab part in the real window (run it under Xvfb) for a given number of
 * minutes, runs back to back through the view-model's public API, the live lock switch flipped now and then; when
 * the time is up the run in progress is stopped.
 * Each cycle: a live switchable run with the lock flipped every few seconds, then Stop; a live run with the lock on
 * throughout, then Stop; a compare-all run of the five fixed counters. Prints per minute the heap (used, and after
 * the last collection), the live thread count and the minute's frame gaps, and at the end the whole soak's frame
 * gaps, the thread count between runs, stop latencies, and whether every locked counter was exact (N of N).
 * Run with {@code -Pbench}, see docs/benchmarks.md. Arguments: {@code [minutes [workers tasks increments]]}
 * (default 10 minutes, 6 workers, 8 tasks, 10,000,000 increments per task for the compare-all runs).
 */
public final class LabSoakBench {

    private static final EnumSet<CounterKind> LOCKED = EnumSet.of(CounterKind.SYNCHRONIZED, CounterKind.LOCK,
            CounterKind.ATOMIC, CounterKind.ADDER);
    private static final double LIVE_SECONDS = 15;
    private static final double FLIP_SECONDS = 3;

    private final double minutes;
    private final int workers;
    private final int tasks;
    private final int increments;
    private final List<String> report = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final BenchSupport.Gaps gaps = new BenchSupport.Gaps();
    private final AtomicInteger uncaught = new AtomicInteger();
    private final List<Integer> threadsBetweenRuns = new ArrayList<>();
    private List<String> namesFirstBetweenRuns;
    private List<String> namesLastBetweenRuns;
    private final List<Long> stopMillis = new ArrayList<>();
    private final List<String> inexact = new ArrayList<>();
    private LabViewModel vm;
    private BenchSupport.FxProfiler profiler;
    private BenchSupport.UiCpu uiCpu;
    private long startedAt;
    private long stopRequestedAt;
    private int step;
    private boolean lockedThroughout;
    private int runs;
    private int lockedRuns;
    private int lockedExact;
    private int switchableFlipped;
    private int liveLocked;
    private int compares;
    private int flips;
    private int errorsShown;
    private final List<String> heapAfterGcPerMinute = new ArrayList<>();
    private final List<Integer> threadsPerMinute = new ArrayList<>();
    private int minuteFrom;

    private LabSoakBench(double minutes, int workers, int tasks, int increments) {
        this.minutes = minutes;
        this.workers = workers;
        this.tasks = tasks;
        this.increments = increments;
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int increments = args.length > 3 ? Integer.parseInt(args[3]) : 10_000_000;
        LabSoakBench soak = new LabSoakBench(minutes, workers, tasks, increments);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            soak.uncaught.incrementAndGet();
            System.out.println("UNCAUGHT in " + t.getName() + ": " + e);
            e.printStackTrace(System.out);
        });
        Platform.startup(soak::open);
        boolean finished = soak.done.await((long) (minutes * 60 + 300), TimeUnit.SECONDS);
        soak.report.forEach(System.out::println);
        if (!finished) {
            System.out.println("soak did not finish within " + minutes + " minutes + 5");
        }
        Platform.runLater(Platform::exit);
        Thread.sleep(500);
        System.exit(finished ? 0 : 1);
    }

    private void open() {
        Stage stage = new Stage();
        RaceLabApp app = new RaceLabApp();
        app.show(stage);
        app.root().viewModel().select(app.root().lab());
        vm = app.root().lab().viewModel();
        vm.workersProperty().set(workers);
        vm.tasksProperty().set(tasks);
        vm.incrementsProperty().set(increments);
        vm.rows().addListener((ListChangeListener<LabRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> check(r.result()));
            }
        });
        vm.errorProperty().addListener((o, a, text) -> {
            if (!text.isEmpty()) {
                errorsShown++;
                System.out.println("error shown: " + text);
            }
        });
        vm.runningProperty().addListener((o, was, running) -> {
            if (!running) {
                if (stopRequestedAt != 0) {
                    stopMillis.add((System.nanoTime() - stopRequestedAt) / 1_000_000);
                    stopRequestedAt = 0;
                }
                // Give the finished run's threads their 200 ms, count what is left, then start the next run.
                after(0.3, () -> {
                    threadsBetweenRuns.add(BenchSupport.threads());
                    namesLastBetweenRuns = threadNames();
                    next();
                });
            }
        });
        after(3, this::begin);
    }

    private static void after(double s, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(s));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    private double elapsed() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    private void begin() {
        report.add("start: " + BenchSupport.load() + "; " + BenchSupport.heap() + "; threads " + BenchSupport.threads());
        System.out.println(report.get(0));
        uiCpu = new BenchSupport.UiCpu();
        profiler = BenchSupport.FxProfiler.startIfAsked(gaps);
        startedAt = System.nanoTime();
        gaps.start();
        Timeline minutely = new Timeline(new KeyFrame(Duration.seconds(60), e -> minute()));
        minutely.setCycleCount(Timeline.INDEFINITE);
        minutely.play();
        threadsBetweenRuns.add(BenchSupport.threads());
        namesFirstBetweenRuns = threadNames();
        // When the time is up, the run in progress is stopped (its rows are still checked): on a starved machine a
        // compare-all run can take many minutes, and the soak must end on time.
        after(minutes * 60, () -> {
            if (vm.isRunning()) {
                stopRequestedAt = System.nanoTime();
                vm.stop();
            }
        });
        next();
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).sorted()
                .toList();
    }

    private void minute() {
        int m = (int) Math.round(elapsed() / 60);
        FrameGapStats s = gaps.statsFrom(minuteFrom);
        minuteFrom = gaps.count();
        heapAfterGcPerMinute.add(String.format(Locale.ROOT, "%.1f", BenchSupport.heapAfterLastGcBytes() / 1e6));
        threadsPerMinute.add(BenchSupport.threads());
        String line = String.format(Locale.ROOT, "minute %2d: %s; threads %d (racelab %d); frames %s; runs %d; %s", m,
                BenchSupport.heap(), BenchSupport.threads(), BenchSupport.racelabThreads().size(), s, runs,
                BenchSupport.load());
        report.add(line);
        System.out.println(line);
    }

    /** The next run of the cycle, or the end once the time is up. */
    private void next() {
        if (elapsed() >= minutes * 60) {
            finish();
            return;
        }
        switch (step++ % 3) {
            case 0 -> live(false, true);
            case 1 -> live(true, false);
            default -> {
                compares++;
                vm.compareAll();
            }
        }
    }

    /** A live switchable run that starts with the lock {@code locked}, flipped every few seconds if asked. */
    private void live(boolean locked, boolean flipping) {
        vm.counterProperty().set(CounterKind.SWITCHABLE);
        vm.lockOnProperty().set(locked);
        lockedThroughout = locked && !flipping;
        liveLocked += lockedThroughout ? 1 : 0;
        vm.start();
        double length = flipping ? LIVE_SECONDS : LIVE_SECONDS / 2;
        if (flipping) {
            switchableFlipped++;
            Timeline flip = new Timeline(new KeyFrame(Duration.seconds(FLIP_SECONDS), e -> {
                vm.lockOnProperty().set(!vm.lockOnProperty().get());
                flips++;
            }));
            flip.setCycleCount((int) (LIVE_SECONDS / FLIP_SECONDS) - 1);
            flip.play();
        }
        after(length, () -> {
            stopRequestedAt = System.nanoTime();
            vm.stop();
        });
    }

    /** Exact means: nothing lost, the counter equals the attempts, and a completed run attempted all it should. */
    private void check(CounterRunResult r) {
        runs++;
        boolean consistent = r.lost() == r.attempts() - r.finalValue() && r.status() != RunStatus.FAILED;
        if (!consistent) {
            inexact.add("inconsistent or failed: " + r);
        }
        boolean locked = LOCKED.contains(r.counter()) || r.counter() == CounterKind.SWITCHABLE && lockedThroughout;
        if (!locked) {
            return;
        }
        lockedRuns++;
        boolean exact = consistent && r.lost() == 0 && r.finalValue() == r.attempts()
                && (r.status() != RunStatus.COMPLETED || r.attempts() == r.expected());
        if (exact) {
            lockedExact++;
        } else {
            inexact.add("locked run not exact: " + r);
        }
    }

    private void finish() {
        gaps.stop();
        FrameGapStats s = gaps.stats();
        report.add(String.format(Locale.ROOT, "soak: %.1f min, %d runs (%d live with %d lock flips, %d live locked"
                        + " throughout, %d compare-all), workers %d, tasks %d, compare increments %,d, cpus %d",
                elapsed() / 60, runs, switchableFlipped, flips, liveLocked, compares, workers,
                tasks, increments, Runtime.getRuntime().availableProcessors()));
        report.add(String.format(Locale.ROOT, "locked counters exact: %d of %d runs; other findings: %s", lockedExact,
                lockedRuns, inexact.isEmpty() ? "none" : inexact));
        report.add(String.format(Locale.ROOT, "frame gaps over the whole soak: %s; targets met: %s", s,
                s.meetsTargets()));
        report.add(uiCpu.toString());
        report.add(gaps.lateFrames());
        report.add("threads between runs (300 ms after each run ended): min "
                + threadsBetweenRuns.stream().mapToInt(i -> i).min().orElse(0) + ", max "
                + threadsBetweenRuns.stream().mapToInt(i -> i).max().orElse(0) + ", first "
                + threadsBetweenRuns.get(0) + ", last " + threadsBetweenRuns.get(threadsBetweenRuns.size() - 1)
                + "; before the first run " + namesFirstBetweenRuns + "; after the last " + namesLastBetweenRuns);
        report.add("Stop -> run ended (ms): " + stopMillis);
        report.add("heap after the last GC, each minute (MB): " + heapAfterGcPerMinute + "; at the end: "
                + BenchSupport.heap());
        report.add("live threads, each minute: " + threadsPerMinute);
        report.add("uncaught exceptions: " + uncaught.get() + "; error messages shown: " + errorsShown);
        report.add("end: " + BenchSupport.load());
        if (profiler != null) {
            report.addAll(profiler.report());
        }
        after(0.5, () -> {
            report.add("racelab threads alive at the end: " + BenchSupport.racelabThreads());
            done.countDown();
        });
    }
}
