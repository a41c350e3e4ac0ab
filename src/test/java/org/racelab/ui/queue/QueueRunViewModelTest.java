package org.racelab.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.racelab.lab.ThreadedBackgroundExecutor;
import org.racelab.lab.queue.QueueRun;
import org.racelab.lab.queue.QueueSample;
import org.racelab.model.queue.QueueMistake;

class QueueRunViewModelTest {

    private final AtomicLong clock = new AtomicLong();
    private final ConcurrentLinkedQueue<Runnable> handed = new ConcurrentLinkedQueue<>();
    private final QueueRunViewModel vm =
            new QueueRunViewModel(new ThreadedBackgroundExecutor("racelab-queue-test", handed::add), clock::get);

    @AfterEach
    void noThreadSurvives() throws Exception {
        vm.dispose();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < deadline && !alive().isEmpty()) {
            Thread.sleep(5);
        }
        assertThat(alive()).isEmpty();
    }

    private static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(QueueRun.THREAD_PREFIX)).toList();
    }

    /** Runs what the executor handed back, as the FX thread would, until the run has ended. */
    private void awaitResult() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (vm.runningProperty().get() && System.nanoTime() < deadline) {
            Runnable r = handed.poll();
            if (r != null) {
                r.run();
            } else {
                Thread.sleep(2);
            }
        }
    }

    @Test
    void aRunEndsWithItsCountedResultAndTheChartsLastPoint() throws Exception {
        vm.itemsProperty().set(5000);
        vm.produceMsProperty().set(0);
        vm.consumeMsProperty().set(0);
        vm.start();
        assertThat(vm.runningProperty().get()).isTrue();
        awaitResult();
        assertThat(vm.resultProperty().get().consumed()).isEqualTo(5000);
        assertThat(vm.resultProperty().get().exact()).isTrue();
        assertThat(vm.readoutProperty().get()).startsWith("Done. 5,000 put, 5,000 taken: 0 lost, 0 duplicated");
        assertThat(vm.lengthsProperty().get()).isNotEmpty();
        assertThat(vm.sharesProperty().get()).extracting(QueueRunViewModel.Share::name)
                .containsExactly("P1", "P2", "C1", "C2", "M");
    }

    @Test
    void theRehearsalShowsNothingAndAStartDuringItRunsTheTeachersSettings() throws Exception {
        vm.rehearse();
        assertThat(vm.runningProperty().get()).isFalse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (alive().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(alive()).as("the rehearsal runs real threads").isNotEmpty();
        vm.itemsProperty().set(3000);
        vm.producersProperty().set(1);
        vm.consumersProperty().set(3);
        vm.produceMsProperty().set(0);
        vm.consumeMsProperty().set(0);
        vm.start();
        awaitResult();
        assertThat(vm.resultProperty().get().settings().items()).isEqualTo(3000);
        assertThat(vm.resultProperty().get().exact()).isTrue();
        assertThat(vm.sharesProperty().get()).extracting(QueueRunViewModel.Share::name)
                .containsExactly("P1", "C1", "C2", "C3", "M");
        vm.rehearse();
        assertThat(vm.resultProperty().get().settings().items()).as("once per view-model").isEqualTo(3000);
    }

    @Test
    void aWindowClosedDuringTheRehearsalLeavesNoThread() throws Exception {
        vm.rehearse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (alive().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(alive()).as("the rehearsal runs real threads").isNotEmpty();
        // dispose() here; the check after each test gives every thread 300 ms to be gone.
    }

    @Test
    void beforeARunTheSharesNameTheThreadsItWillStartWithNothingShared() {
        assertThat(vm.sharesProperty().get()).extracting(QueueRunViewModel.Share::name)
                .containsExactly("P1", "P2", "C1", "C2", "M");
        vm.producersProperty().set(1);
        vm.consumersProperty().set(3);
        assertThat(vm.sharesProperty().get()).extracting(QueueRunViewModel.Share::name)
                .containsExactly("P1", "C1", "C2", "C3", "M");
        assertThat(vm.sharesProperty().get()).allSatisfy(s -> assertThat(s.running() + s.blockedPut()
                + s.blockedGet()).isZero());
    }

    @Test
    void pulseReadsAtMostOncePerIntervalOfTheInjectedClock() throws Exception {
        vm.itemsProperty().set(100);
        vm.produceMsProperty().set(20);
        vm.start();
        clock.addAndGet(QueueRunViewModel.READ_EVERY_NANOS);
        vm.pulse();
        vm.pulse();
        assertThat(vm.lengthsProperty().get()).hasSize(1);
        clock.addAndGet(QueueRunViewModel.READ_EVERY_NANOS);
        vm.pulse();
        assertThat(vm.lengthsProperty().get()).hasSize(2);
        vm.stop();
        awaitResult();
        assertThat(vm.resultProperty().get().stopped()).isTrue();
        assertThat(vm.readoutProperty().get()).startsWith("Stopped.");
    }

    @Test
    void aHangingMistakeSaysWhichThreadsHungWhere() throws Exception {
        vm.mistakeProperty().set(QueueMistake.NO_TASK_DONE);
        vm.itemsProperty().set(100);
        vm.produceMsProperty().set(0);
        vm.consumeMsProperty().set(0);
        assertThat(vm.settings().timeoutMs()).isEqualTo(QueueRunViewModel.HANG_TIMEOUT_MS);
        vm.start();
        awaitResult();
        assertThat(vm.readoutProperty().get()).startsWith("Hung, ended after 3000 ms: C1 on get(), C2 on get(), "
                + "M in join().");
    }

    @Test
    void sharesAreTheChangeBetweenTwoReadings() {
        QueueSample a = new QueueSample(0, 0, 0, 0, List.of(new QueueSample.ThreadTime("P1", 100, 100, 0, 0)));
        QueueSample b = new QueueSample(0, 0, 0, 0, List.of(new QueueSample.ThreadTime("P1", 200, 400, 0, 0)));
        QueueRunViewModel.Share s = QueueRunViewModel.shares(a, b, List.of("P1", "M")).get(0);
        assertThat(s.running()).isEqualTo(0.25);
        assertThat(s.blockedPut()).isEqualTo(0.75);
        assertThat(s.blockedGet()).isZero();
        assertThat(s.joining()).isZero();
    }

    @Test
    void theMainThreadsWaitInJoinIsItsOwnShare() {
        QueueSample a = new QueueSample(0, 0, 0, 0, List.of(new QueueSample.ThreadTime("M", 10, 0, 0, 0)));
        QueueSample b = new QueueSample(0, 0, 0, 0, List.of(new QueueSample.ThreadTime("M", 20, 0, 0, 90)));
        QueueRunViewModel.Share m = QueueRunViewModel.shares(a, b, List.of("M")).get(0);
        assertThat(m.joining()).isEqualTo(0.9);
        assertThat(m.running()).isEqualTo(0.1);
    }

    /** The first reading can come before the run's starter has started every thread: their rows are there, empty. */
    @Test
    void threadsNotStartedYetHaveARowSharingNothing() {
        QueueSample early = new QueueSample(0, 0, 0, 0, List.of(new QueueSample.ThreadTime("P1", 100, 0, 0, 0)));
        List<QueueRunViewModel.Share> shares = QueueRunViewModel.shares(null, early, List.of("P1", "C1", "M"));
        assertThat(shares).extracting(QueueRunViewModel.Share::name).containsExactly("P1", "C1", "M");
        assertThat(shares.get(0).running()).isEqualTo(1.0);
        assertThat(shares.get(1).running() + shares.get(2).running()).isZero();
    }

    /** The step pane's token animation is off exactly while a real run goes at full speed (0 ms per item). */
    @Test
    void fullSpeedMeansRunningWithNoTimeToProduceOrConsume() throws Exception {
        vm.produceMsProperty().set(0);
        vm.consumeMsProperty().set(0);
        vm.itemsProperty().set(1_000_000);
        assertThat(vm.fullSpeedProperty().get()).as("not running").isFalse();
        vm.start();
        assertThat(vm.fullSpeedProperty().get()).isTrue();
        vm.consumeMsProperty().set(3);
        assertThat(vm.fullSpeedProperty().get()).as("slowed mid-run").isFalse();
        vm.consumeMsProperty().set(0);
        assertThat(vm.fullSpeedProperty().get()).isTrue();
        vm.stop();
        awaitResult();
        assertThat(vm.fullSpeedProperty().get()).as("ended").isFalse();
    }
}
