package org.racelab.ui.explorer;


import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.racelab.lab.SameThreadBackgroundExecutor;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

class ExplorerViewModelTest {

    private static ExplorerViewModel explored(int threads, int increments, int start, boolean lock) {
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadBackgroundExecutor(), new Random(7));
        vm.useSettings(new RaceConfig(threads, increments, start, lock));
        vm.explore();
        return vm;
    }

    @Test
    void exploresAndOpensTheWorstOutcome() {
        ExplorerViewModel vm = explored(2, 1, 0, false);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.resultProperty().get().total()).isEqualTo(20);
        assertThat(vm.headlineProperty().get())
                .isEqualTo("Of 20 ways two threads can interleave one increment each, 18 lose an update (90%).");
        assertThat(vm.oddsExplanationProperty().get()).contains("random scheduler").contains("75%");
        assertThat(vm.selectedOutcomeProperty().get().finalValue()).isEqualTo(1);
        assertThat(vm.rows()).hasSize(18);
        assertThat(vm.rows().get(0).schedule().schedule().letters()).isEqualTo("AABABB");
        assertThat(vm.rows().get(0).schedule().staleSteps()).containsExactly(6);
        assertThat(vm.pageTextProperty().get()).isEqualTo("Schedules 1–18 of 18 ending at 1 (1 update lost)");

        vm.selectOutcome(2);
        assertThat(vm.rows()).extracting(r -> r.schedule().schedule().letters()).containsExactly("AAABBB", "BBBAAA");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.schedule().staleSteps()).isEmpty());
    }

    @Test
    void settingsAreClampedToTheExplorersRange() {
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadBackgroundExecutor());
        vm.useSettings(new RaceConfig(6, 9, -7, true));
        assertThat(vm.config()).isEqualTo(new RaceConfig(4, 5, -7, true));
        vm.useSettings(new RaceConfig(1, 1, 0, false));
        assertThat(vm.config()).isEqualTo(new RaceConfig(2, 1, 0, false));
    }

    @Test
    void pagesThroughHugeOutcomesAndGoesToAnyNumber() {
        ExplorerViewModel vm = explored(4, 3, 0, false);
        BigInteger count = vm.selectedOutcomeProperty().get().count();
        assertThat(vm.rows()).hasSize(ExplorerViewModel.PAGE_SIZE);
        assertThat(vm.isFirstPage()).isTrue();
        vm.nextPage();
        assertThat(vm.pageStartProperty().get()).isEqualTo(50);
        assertThat(vm.rows().get(0).number()).isEqualTo(51);
        vm.lastPage();
        assertThat(vm.isLastPage()).isTrue();
        assertThat(vm.rows().get(vm.rows().size() - 1).number()).isEqualTo(count);
        vm.previousPage();
        assertThat(vm.rows().get(vm.rows().size() - 1).number()).isLessThan(count);
        vm.firstPage();
        assertThat(vm.rows().get(0).number()).isEqualTo(1);

        vm.selectOutcome(8);
        vm.goTo("1,234,567");
        assertThat(vm.inputErrorProperty().get()).isEmpty();
        assertThat(vm.selectedRowProperty().get().number()).isEqualTo(1_234_567);
        assertThat(vm.selectedRowProperty().get().schedule().finalValue()).isEqualTo(8);
        assertThat(vm.rows()).contains(vm.selectedRowProperty().get());
        String previous = "";
        for (ScheduleRow r : vm.rows()) {
            assertThat(r.schedule().schedule().letters()).isGreaterThan(previous);
            previous = r.schedule().schedule().letters();
        }

        vm.goTo("zero");
        assertThat(vm.inputErrorProperty().get()).startsWith("Enter a schedule number from 1 to ");
        vm.goTo("0");
        assertThat(vm.inputErrorProperty().get()).startsWith("There are ");
        vm.goTo(vm.selectedOutcomeProperty().get().count().add(BigInteger.ONE).toString());
        assertThat(vm.inputErrorProperty().get()).startsWith("There are ");

        vm.randomOne();
        ScheduleRow random = vm.selectedRowProperty().get();
        assertThat(random.number()).isBetween(BigInteger.ONE, vm.selectedOutcomeProperty().get().count());
        assertThat(random.schedule().finalValue()).isEqualTo(8);
        assertThat(vm.inputErrorProperty().get()).isEmpty();
    }

    @Test
    void replayHandsTheSelectedScheduleAndItsRaceToTheStepper() {
        ExplorerViewModel vm = explored(3, 1, 5, false);
        assertThat(vm.canReplayProperty().get()).isFalse();
        List<Object[]> replayed = new ArrayList<>();
        vm.setOnReplay((config, schedule) -> replayed.add(new Object[] {config, schedule}));
        assertThat(vm.canReplayProperty().get()).isTrue();
        vm.selectRow(vm.rows().get(3));
        vm.replaySelected();
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0)[0]).isEqualTo(new RaceConfig(3, 1, 5, false));
        assertThat(replayed.get(0)[1]).isEqualTo(vm.rows().get(3).schedule().schedule());
        assertThat(((Schedule) replayed.get(0)[1]).length()).isEqualTo(9);
        vm.selectRow(null);
        assertThat(vm.canReplayProperty().get()).isFalse();
    }

    @Test
    void aLateResultNeverOverwritesANewerOne() {
        ManualBackgroundExecutor executor = new ManualBackgroundExecutor();
        ExplorerViewModel vm = new ExplorerViewModel(executor);
        vm.useSettings(new RaceConfig(3, 2, 0, false));
        vm.explore();
        vm.useSettings(new RaceConfig(2, 1, 0, false));
        vm.explore();
        assertThat(executor.jobs).hasSize(2);
        assertThat(vm.busyProperty().get()).isTrue();
        // The newer one finishes first, then the old (cancelled) one delivers late anyway.
        executor.jobs.get(1).runIgnoringCancel();
        executor.runPending();
        executor.jobs.get(0).runIgnoringCancel();
        assertThat(vm.resultProperty().get().config()).isEqualTo(new RaceConfig(2, 1, 0, false));
        assertThat(vm.rows()).hasSize(18);
        assertThat(vm.exploredConfigProperty().get()).isEqualTo(new RaceConfig(2, 1, 0, false));
    }

    @Test
    void cancelStopsTheRunAndItsResultNeverShows() {
        ManualBackgroundExecutor executor = new ManualBackgroundExecutor();
        ExplorerViewModel vm = new ExplorerViewModel(executor);
        vm.explore();
        assertThat(vm.busyProperty().get()).isTrue();
        vm.cancel();
        assertThat(executor.jobs.get(0).cancelled).isTrue();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Cancelled");
        executor.jobs.get(0).runIgnoringCancel();
        assertThat(vm.resultProperty().get()).isNull();
    }

    @Test
    void aLatePageNeverOverwritesANewerOne() {
        ManualBackgroundExecutor executor = new ManualBackgroundExecutor();
        ExplorerViewModel vm = new ExplorerViewModel(executor);
        vm.useSettings(new RaceConfig(2, 2, 0, false));
        vm.explore();
        executor.jobs.get(0).runIgnoringCancel();   // the exploration; it asks for the first page of outcome 2
        vm.selectOutcome(3);                       // asks for outcome 3's first page
        executor.jobs.get(2).runIgnoringCancel();
        executor.jobs.get(1).runIgnoringCancel();  // outcome 2's page arrives late
        assertThat(vm.selectedOutcomeProperty().get().finalValue()).isEqualTo(3);
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.schedule().finalValue()).isEqualTo(3));
    }

    @Test
    void disposingStopsTheExplorersThreadsPromptly() throws Exception {
        org.racelab.lab.ThreadedBackgroundExecutor executor =
                new org.racelab.lab.ThreadedBackgroundExecutor("racelab-explorer-test", Runnable::run);
        ExplorerViewModel vm = new ExplorerViewModel(executor);
        vm.useSettings(new RaceConfig(4, 5, 0, false));
        vm.explore();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (vm.progressProperty().get() < 0.4 && System.nanoTime() < deadline) {
            Thread.sleep(5);   // wait until both backward passes (counts and odds) are running
        }
        assertThat(vm.busyProperty().get()).isTrue();
        long t0 = System.nanoTime();
        vm.dispose();
        executor.close();
        while (explorerThreads() > 0 && System.nanoTime() - t0 < 2_000_000_000L) {
            Thread.sleep(5);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(explorerThreads()).isZero();
        // 200 ms is the rule; the slack is for a loaded test machine.
        assertThat(millis).isLessThan(1000);
        assertThat(vm.resultProperty().get()).isNull();
    }

    private static long explorerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("racelab-explorer")).count();
    }

    @Test
    void tooLargeOrFailingWorkIsReportedInline() {
        ExplorerViewModel vm = new ExplorerViewModel(new org.racelab.lab.BackgroundExecutor() {
            @Override
            public <T> Cancellable submit(java.util.concurrent.Callable<T> work,
                    java.util.function.Consumer<? super T> onSuccess,
                    java.util.function.Consumer<? super Throwable> onFailure) {
                onFailure.accept(new org.racelab.model.explore.ExplorationTooLargeException("too many states"));
                return new Cancellable() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public boolean isDone() {
                        return true;
                    }
                };
            }

            @Override
            public java.util.concurrent.Executor handoff() {
                return Runnable::run;
            }

            @Override
            public void close() {
            }
        });
        vm.explore();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("too many states");
    }
}
