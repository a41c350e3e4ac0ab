package org.racelab.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.racelab.lab.SameThreadBackgroundExecutor;
import org.racelab.lab.ThreadedBackgroundExecutor;
import org.racelab.lab.python.PythonInterpreter;
import org.racelab.lab.python.PythonReport;
import org.racelab.lab.python.PythonRun;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonTrialsViewModelTest {

    private static final PythonInterpreter FAKE = new PythonInterpreter(List.of("python3"));
    private static final RaceConfig RACE = new RaceConfig(2, 1, 5, false);

    /** A runner whose trials end at the given finals in turn (counted from 0, as the script counts). */
    private static PythonTrialsViewModel.Runner finals(String version, boolean freeThreaded, long... finals) {
        AtomicInteger next = new AtomicInteger();
        return (python, program, threads, increments, runs) -> {
            long expected = (long) threads * increments;
            long f = finals[next.getAndIncrement() % finals.length];
            return new PythonReport("/usr/bin/python3", version, freeThreaded, program, threads, increments,
                    List.of(PythonRun.of(expected, f, 0.01)));
        };
    }

    @Test
    void withoutPythonItSaysSoAndHowToGetOne() {
        AtomicInteger ran = new AtomicInteger();
        PythonTrialsViewModel vm = new PythonTrialsViewModel(new SameThreadBackgroundExecutor(), Optional::empty,
                (python, program, threads, increments, runs) -> {
                    ran.incrementAndGet();
                    return null;
                });
        vm.run(RACE, RaceProgram.COUNT);
        assertThat(vm.missingProperty().get()).isTrue();
        assertThat(vm.noticeProperty().get()).isEqualTo(PythonTrialsViewModel.NO_PYTHON).contains("python.org");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(ran).hasValue(0);
    }

    @Test
    void everyTrialCountsTowardsTheFinalValuesOfTheRace() {
        PythonTrialsViewModel vm = new PythonTrialsViewModel(new SameThreadBackgroundExecutor(),
                () -> Optional.of(FAKE), finals("3.11.7", false, 2, 2, 1, 2));
        vm.run(RACE, RaceProgram.CALL);
        PythonReport r = vm.reportProperty().get();
        assertThat(r.runs()).hasSize(PythonTrialsViewModel.TRIALS);
        assertThat(r.program()).isEqualTo(RaceProgram.CALL);
        assertThat(r.runsThatLost()).isEqualTo(PythonTrialsViewModel.TRIALS / 4);
        // The script's counter starts at 0; the race's at 5.
        assertThat(PythonTrialsViewModel.share(r, RACE.start(), 7)).isEqualTo(0.75);
        assertThat(PythonTrialsViewModel.share(r, RACE.start(), 6)).isEqualTo(0.25);
        assertThat(PythonTrialsViewModel.share(r, RACE.start(), 5)).isZero();
        assertThat(vm.sourceNameProperty().get()).isEqualTo("CPython 3.11 on this laptop");
        assertThat(vm.noticeProperty().get()).contains("3.11.7").contains("with the GIL").contains("count += one()")
                .contains("5 of 20 trials lost an update");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.missingProperty().get()).isFalse();
    }

    @Test
    void aFreeThreadedPythonIsNamedSo() {
        PythonTrialsViewModel vm = new PythonTrialsViewModel(new SameThreadBackgroundExecutor(),
                () -> Optional.of(FAKE), finals("3.13.1", true, 2));
        vm.run(RACE, RaceProgram.COUNT);
        assertThat(vm.sourceNameProperty().get()).isEqualTo("CPython 3.13t (free-threaded) on this laptop");
        assertThat(vm.noticeProperty().get()).contains("free-threaded, no GIL");
    }

    @Test
    void theScriptHasNoLockSoALockedRaceIsNotRun() {
        AtomicInteger ran = new AtomicInteger();
        PythonTrialsViewModel vm = new PythonTrialsViewModel(new SameThreadBackgroundExecutor(),
                () -> Optional.of(FAKE), (python, program, threads, increments, runs) -> {
                    ran.incrementAndGet();
                    return null;
                });
        vm.run(RACE.withLock(true), RaceProgram.COUNT);
        assertThat(ran).hasValue(0);
        assertThat(vm.noticeProperty().get()).contains("switch the lock off");
    }

    @Test
    void aFailedRunSaysWhy() {
        PythonTrialsViewModel vm = new PythonTrialsViewModel(new SameThreadBackgroundExecutor(),
                () -> Optional.of(FAKE), (python, program, threads, increments, runs) -> {
                    throw new org.racelab.lab.python.PythonRunException("python3 failed (exit 1): boom");
                });
        vm.run(RACE, RaceProgram.COUNT);
        assertThat(vm.noticeProperty().get()).isEqualTo("Python did not run: python3 failed (exit 1): boom");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void clearingForgetsTheTrialsButNotThatPythonIsMissing() {
        PythonTrialsViewModel vm = new PythonTrialsViewModel(new SameThreadBackgroundExecutor(),
                () -> Optional.of(FAKE), finals("3.11.7", false, 2));
        vm.run(RACE, RaceProgram.COUNT);
        vm.clear();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.sourceNameProperty().get()).isEmpty();
        assertThat(vm.noticeProperty().get()).isEmpty();

        PythonTrialsViewModel none = new PythonTrialsViewModel(new SameThreadBackgroundExecutor(), Optional::empty,
                finals("3.11.7", false, 2));
        none.run(RACE, RaceProgram.COUNT);
        none.clear();
        assertThat(none.noticeProperty().get()).isEqualTo(PythonTrialsViewModel.NO_PYTHON);
    }

    /** Hand-offs queue up until the test thread drains them, as the FX thread would run them. */
    private static final class Handoffs {
        final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

        void drain() {
            Runnable r;
            while ((r = queue.poll()) != null) {
                r.run();
            }
        }
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).toList();
    }

    /** Closes the executor as the window does and checks its threads are gone within 200 ms. */
    private static void closeAndCheck(ThreadedBackgroundExecutor executor, String prefix) throws Exception {
        long asked = System.nanoTime();
        executor.close();
        while (!threadsNamed(prefix).isEmpty() && System.nanoTime() - asked < TimeUnit.MILLISECONDS.toNanos(200)) {
            Thread.sleep(5);
        }
        assertThat(threadsNamed(prefix)).as("threads 200 ms after close").isEmpty();
    }

    @Test
    void stopEndsTheTrialThreadWithin200Ms() throws Exception {
        Handoffs handoffs = new Handoffs();
        String name = "racelab-test-python-stop";
        ThreadedBackgroundExecutor executor = new ThreadedBackgroundExecutor(name, handoffs.queue::add);
        LinkedBlockingQueue<Boolean> started = new LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        PythonTrialsViewModel vm = new PythonTrialsViewModel(executor, () -> Optional.of(FAKE),
                (python, program, threads, increments, runs) -> {
                    started.add(true);
                    try {
                        Thread.sleep(60_000); // a trial that would run a minute: only an interrupt ends it
                        return null;
                    } finally {
                        ended.countDown();
                    }
                });
        vm.run(RACE, RaceProgram.COUNT);
        assertThat(started.poll(10, TimeUnit.SECONDS)).isTrue();
        assertThat(vm.runningProperty().get()).isTrue();
        vm.stop();
        assertThat(ended.await(200, TimeUnit.MILLISECONDS)).as("the trial ends within 200 ms of Stop").isTrue();
        handoffs.drain();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.noticeProperty().get()).isEqualTo("Stopped.");
        closeAndCheck(executor, name);
    }

    @Test
    void stopKillsTheRealPythonProcessWithin200Ms() throws Exception {
        Optional<PythonInterpreter> found = PythonInterpreter.find(Optional.empty());
        assumeTrue(found.isPresent(), "no python3 or python on the PATH of this machine: skipping the real run");
        Set<Long> before = children();
        Handoffs handoffs = new Handoffs();
        String name = "racelab-test-python-real";
        ThreadedBackgroundExecutor executor = new ThreadedBackgroundExecutor(name, handoffs.queue::add);
        PythonAccess real = PythonAccess.onThisComputer();
        PythonTrialsViewModel vm = new PythonTrialsViewModel(executor, real.finder(), real.runner());
        // Twenty trials, one Python process each: Stop comes while one of them runs.
        vm.run(new RaceConfig(2, 5, 0, false), RaceProgram.SLEEP);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Long> started = new ArrayList<>();
        while (started.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            started.addAll(newChildren(before));
        }
        assumeTrue(!started.isEmpty(), "the trials ended before one could be stopped");
        long asked = System.nanoTime();
        vm.stop();
        while (!newChildren(before).isEmpty() && System.nanoTime() - asked < TimeUnit.MILLISECONDS.toNanos(200)) {
            Thread.sleep(5);
        }
        assertThat(newChildren(before)).as("Python processes 200 ms after Stop").isEmpty();
        closeAndCheck(executor, name);
    }

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static List<Long> newChildren(Set<Long> before) {
        return children().stream().filter(p -> !before.contains(p)).toList();
    }
}
