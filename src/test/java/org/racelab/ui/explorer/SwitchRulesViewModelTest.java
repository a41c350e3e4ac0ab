package org.racelab.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.racelab.lab.SameThreadBackgroundExecutor;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;
import org.racelab.model.explore.InterleavingOutcome;
import org.racelab.model.explore.RuledInterleavings;

class SwitchRulesViewModelTest {

    private static final RaceConfig SLIDE = new RaceConfig(2, 2, 5, false);

    private static SwitchRulesViewModel counted(RaceConfig config, RaceProgram program) {
        SwitchRulesViewModel vm = new SwitchRulesViewModel(new SameThreadBackgroundExecutor());
        vm.programProperty().set(program);
        vm.useConfig(config);
        return vm;
    }

    @Test
    void countPlusOneLosesUnderAnyPointButNeverUnderTheGil() {
        SwitchRulesViewModel vm = counted(SLIDE, RaceProgram.COUNT);

        RuleSide any = vm.anyPointProperty().get();
        RuleSide gil = vm.gilProperty().get();
        assertThat(any.rule()).isEqualTo(SwitchRule.ANY);
        assertThat(any.losing()).isPositive();
        assertThat(any.summary()).contains("lose an update");
        assertThat(gil.rule()).isEqualTo(SwitchRule.CPYTHON_GIL);
        assertThat(gil.losing()).isZero();
        assertThat(gil.bars()).singleElement().satisfies(b -> {
            assertThat(b.finalValue()).isEqualTo(SLIDE.expectedFinal());
            assertThat(b.expected()).isTrue();
            assertThat(b.percent()).isEqualTo(100.0);
        });
        assertThat(gil.summary()).isEqualTo("Every one of the " + gil.total() + " schedules ends at 9 ✓: no update "
                + "is lost.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    @Test
    void bothSidesAreTheModelsExactCounts() {
        for (RaceProgram program : RaceProgram.values()) {
            SwitchRulesViewModel vm = counted(SLIDE, program);
            for (SwitchRule rule : SwitchRule.values()) {
                RuledInterleavings exact = RuledInterleavings.explore(SLIDE, program, rule);
                RuleSide side = rule == SwitchRule.ANY ? vm.anyPointProperty().get() : vm.gilProperty().get();
                assertThat(side.total()).as("%s %s", program, rule).isEqualTo(exact.total());
                assertThat(side.losing()).as("%s %s", program, rule).isEqualTo(exact.losingCount());
                assertThat(side.bars()).extracting(RuleSide.Bar::finalValue)
                        .containsExactlyElementsOf(exact.outcomes().stream().map(InterleavingOutcome::finalValue)
                                .toList());
                assertThat(side.bars().stream().mapToDouble(RuleSide.Bar::percent).sum()).isCloseTo(100.0,
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void aFunctionCallBetweenLoadAndStoreLosesUnderTheGilWithItsExactShare() {
        SwitchRulesViewModel vm = counted(SLIDE, RaceProgram.CALL);
        RuleSide gil = vm.gilProperty().get();
        RuledInterleavings exact = RuledInterleavings.explore(SLIDE, RaceProgram.CALL, SwitchRule.CPYTHON_GIL);
        assertThat(gil.losing()).isPositive().isEqualTo(exact.losingCount());
        assertThat(gil.summary()).startsWith(String.format("%,d of %,d schedules lose an update (", exact.losingCount(),
                exact.total()));
        assertThat(gil.summary()).contains(org.racelab.model.explore.ExplorerNarration.percent(
                org.racelab.model.explore.ExactFraction.of(exact.losingCount(), exact.total())));
    }

    @Test
    void theChosenRuleIsTheHeadline() {
        SwitchRulesViewModel vm = counted(SLIDE, RaceProgram.COUNT);
        vm.ruleProperty().set(SwitchRule.CPYTHON_GIL);
        assertThat(vm.headlineProperty().get()).startsWith("CPython with the GIL: Every one of the");
        vm.ruleProperty().set(SwitchRule.ANY);
        assertThat(vm.headlineProperty().get()).startsWith("Any point (the OS, Java, free-threaded Python): ")
                .contains("lose an update");
    }

    @Test
    void changingTheProgramRecounts() {
        SwitchRulesViewModel vm = counted(SLIDE, RaceProgram.COUNT);
        assertThat(vm.gilProperty().get().losing()).isZero();
        vm.programProperty().set(RaceProgram.SLEEP);
        assertThat(vm.gilProperty().get().losing()).isPositive();
    }

    @Test
    void aRaceTooLargeToCompareSaysSoAndCountsNothing() {
        ManualBackgroundExecutor executor = new ManualBackgroundExecutor();
        SwitchRulesViewModel vm = new SwitchRulesViewModel(executor);
        vm.useConfig(new RaceConfig(4, 5, 0, false));
        assertThat(executor.jobs).isEmpty();
        assertThat(vm.anyPointProperty().get()).isNull();
        assertThat(vm.gilProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).contains("more than the 2,000,000 compared here")
                .contains("fewer threads or increments");
    }

    @Test
    void theSizeLimitIsTheAnyPointScheduleCount() {
        for (RaceProgram program : RaceProgram.values()) {
            for (RaceConfig c : new RaceConfig[] {new RaceConfig(2, 1, 0, false), new RaceConfig(2, 2, 0, false),
                new RaceConfig(3, 1, 0, false)}) {
                assertThat(SwitchRulesViewModel.schedulesAtAnyPoint(c, program)).as("%s %s", program, c)
                        .isEqualTo(RuledInterleavings.explore(c, program, SwitchRule.ANY).total());
                // With the lock some interleavings are impossible: the limit is then an upper bound.
                RaceConfig locked = c.withLock(true);
                assertThat(SwitchRulesViewModel.schedulesAtAnyPoint(locked, program)).as("%s %s", program, locked)
                        .isGreaterThanOrEqualTo(RuledInterleavings.explore(locked, program, SwitchRule.ANY).total());
            }
        }
        assertThat(SwitchRulesViewModel.schedulesAtAnyPoint(new RaceConfig(2, 3, 0, false), RaceProgram.COUNT))
                .isLessThanOrEqualTo(SwitchRulesViewModel.MAX_SCHEDULES);
    }

    @Test
    void aCountOfAnOlderRaceIsDropped() {
        ManualBackgroundExecutor executor = new ManualBackgroundExecutor();
        SwitchRulesViewModel vm = new SwitchRulesViewModel(executor);
        vm.useConfig(SLIDE);
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Counting count += 1");
        vm.useConfig(new RaceConfig(2, 1, 0, false));
        // The first job was cancelled; a late thread delivering it anyway must not show it.
        executor.jobs.get(0).runIgnoringCancel();
        assertThat(vm.anyPointProperty().get()).isNull();
        executor.jobs.get(1).runIgnoringCancel();
        assertThat(vm.anyPointProperty().get().total()).isEqualTo(BigInteger.valueOf(20));
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void disposeDropsTheCountInProgress() {
        ManualBackgroundExecutor executor = new ManualBackgroundExecutor();
        SwitchRulesViewModel vm = new SwitchRulesViewModel(executor);
        vm.useConfig(SLIDE);
        vm.dispose();
        assertThat(executor.jobs.get(0).cancelled).isTrue();
        executor.jobs.get(0).runIgnoringCancel();
        assertThat(vm.gilProperty().get()).isNull();
        vm.programProperty().set(RaceProgram.CALL);
        assertThat(executor.jobs).hasSize(1);
    }
}
