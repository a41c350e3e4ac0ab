package org.racelab.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.reality.Grade;
import org.racelab.lab.reality.RealityHarness;
import org.racelab.lab.reality.RealityReport;
import org.racelab.lab.reality.WindowDelay;
import org.racelab.model.explore.Interleavings;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.model.explore.Preemptions;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealityViewModelTest {

    /** Work on real threads, hand-offs queued until the test thread drains them (as the FX thread would). */
    static final class QueuedExecutor implements BackgroundExecutor {
        final LinkedBlockingQueue<Runnable> handoffs = new LinkedBlockingQueue<>();
        final List<Thread> threads = new ArrayList<>();

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            Thread t = new Thread(() -> {
                try {
                    T v = work.call();
                    handoffs.add(() -> onSuccess.accept(v));
                } catch (Exception e) {
                    handoffs.add(() -> onFailure.accept(e));
                }
            }, "racelab-test-reality");
            threads.add(t);
            t.start();
            return new Cancellable() {
                @Override
                public void cancel() {
                    t.interrupt();
                }

                @Override
                public boolean isDone() {
                    return !t.isAlive();
                }
            };
        }

        @Override
        public Executor handoff() {
            return handoffs::add;
        }

        @Override
        public void close() {
            threads.forEach(Thread::interrupt);
        }

        /** Runs hand-offs on this thread until {@code done} holds. */
        void drainUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
            while (!done.getAsBoolean()) {
                Runnable r = handoffs.poll(10, TimeUnit.SECONDS);
                assertThat(r).as("a hand-off arrives").isNotNull();
                r.run();
            }
        }
    }

    private final QueuedExecutor executor = new QueuedExecutor();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RealityViewModel vm = new RealityViewModel(executor, clock::get);

    /** Every thread a test started has ended: none may outlive it (later tests count the threads left). */
    @AfterEach
    void noThreadOutlivesTheTest() throws InterruptedException {
        vm.dispose();
        executor.close();
        for (Thread t : executor.threads) {
            t.join(2_000);
        }
        assertThat(executor.threads).noneMatch(Thread::isAlive);
    }

    @Test
    void slideEightReadsTheGapAndCountsPreemptionsWithAReplayableWitness() throws Exception {
        List<Object[]> replayed = new ArrayList<>();
        vm.setOnReplay((c, s) -> replayed.add(new Object[] {c, s}));
        vm.useExploration(Interleavings.explore(new RaceConfig(2, 1, 0, false)));
        assertThat(vm.headlineProperty().get()).isEqualTo("All schedules: 90 % lose an update. "
                + "A random scheduler: 75 %. Real threads on this machine: not run yet.");
        executor.drainUntil(() -> vm.preemptionsProperty().get() != null);
        assertThat(vm.preemptionsProperty().get().counts().get(0).schedules()).isEqualTo(2);
        assertThat(vm.preemptionSummaryProperty().get())
                .startsWith("Every lost update in 2 threads × 1 increment needs a preemption between a load and its store");
        assertThat(vm.canReplayWitnessProperty().get()).isTrue();
        vm.replayWitness();
        assertThat(replayed).hasSize(1);
        RaceConfig config = (RaceConfig) replayed.get(0)[0];
        Schedule witness = (Schedule) replayed.get(0)[1];
        assertThat(Preemptions.count(config, witness)).isEqualTo(1);
        assertThat(vm.witnessProperty().get()).endsWith(witness.letters());
    }

    @Test
    void aLockedRunGoesLiveStopsAndEveryTrialIsExpected() throws Exception {
        vm.useExploration(Interleavings.explore(new RaceConfig(2, 2, 3, true)));
        executor.drainUntil(() -> vm.preemptionsProperty().get() != null);
        assertThat(vm.canReplayWitnessProperty().get()).isFalse();
        assertThat(vm.preemptionSummaryProperty().get()).startsWith("No schedule loses an update");
        vm.delayProperty().set(WindowDelay.spin(20));
        vm.run();
        assertThat(vm.runningProperty().get()).isTrue();
        executor.drainUntil(() -> vm.reportProperty().get().trials() > 0);
        clock.addAndGet(2_500_000_000L);
        executor.drainUntil(() -> vm.reportProperty().get().trials() > 0 && vm.rateProperty().get().endsWith("2.5 s"));
        long asked = System.nanoTime();
        vm.stop();
        executor.drainUntil(() -> !vm.runningProperty().get());
        assertThat((System.nanoTime() - asked) / 1_000_000).isLessThan(RealityHarness.STOP_MILLIS + 300);
        RealityReport r = vm.reportProperty().get();
        assertThat(r.finished()).isTrue();
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().get(0).grade()).isEqualTo(Grade.ACCEPTABLE);
        assertThat(r.rows().get(0).observed()).isEqualTo(r.trials());
        assertThat(r.delay()).isEqualTo(WindowDelay.spin(20));
        assertThat(vm.headlineProperty().get()).contains("Real threads on this machine: 0 % of ");
        for (Thread t : executor.threads) {
            t.join(1000);
        }
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith(RealityHarness.THREAD_PREFIX))).isEmpty();
    }

    @Test
    void aNewRaceDropsTheOldRunsLateSnapshots() throws Exception {
        vm.useExploration(Interleavings.explore(new RaceConfig(2, 1, 0, false)));
        vm.run();
        executor.drainUntil(() -> vm.reportProperty().get() != null);
        vm.useExploration(Interleavings.explore(new RaceConfig(3, 1, 0, false)));
        assertThat(vm.reportProperty().get()).isNull();
        for (Thread t : executor.threads) {
            t.join(2000);
        }
        executor.handoffs.forEach(Runnable::run);
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.theoryProperty().get().config().threads()).isEqualTo(3);
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
