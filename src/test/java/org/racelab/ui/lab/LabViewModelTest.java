package org.racelab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.racelab.lab.CounterKind;
import org.racelab.lab.LabSample;
import org.racelab.lab.SameThreadBackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The lab's charts keep a bounded window however long a lecture runs. */
@ExtendWith(ApplicationExtension.class)
class LabViewModelTest {

    @Start
    void start(Stage stage) {
        // The view-model needs the JavaFX toolkit (its frame meter is an AnimationTimer), not a window.
    }

    @Test
    void chartsKeepOnlyTheLastMinuteAndDropRunsThatScrolledOut(FxRobot robot) {
        robot.interact(() -> {
            LabViewModel vm = new LabViewModel(new SameThreadBackgroundExecutor());
            long[] now = {0};
            vm.clock = () -> now[0];
            // Three runs of ten simulated minutes each, sampled 25 times a second.
            for (CounterKind kind : List.of(CounterKind.UNSAFE, CounterKind.SYNCHRONIZED, CounterKind.ATOMIC)) {
                vm.runStarted(kind, true);
                now[0] += 600_000_000_000L;
                List<LabSample> batch = new ArrayList<>();
                for (int i = 1; i <= 15_000; i++) {
                    double t = i * 0.04;
                    boolean last = i == 15_000;
                    batch.add(new LabSample(kind, t, i * 1000L, i * 900L, i * 100L, 25_000, false,
                            last ? 15_000_000L : Long.MAX_VALUE));
                    if (batch.size() == 250 || last) {
                        vm.samplesArrived(List.copyOf(batch));
                        batch.clear();
                    }
                }
            }
            double upper = vm.chartUpperProperty().get();
            double lower = vm.chartLowerProperty().get();
            assertThat(upper - lower).isEqualTo(LabViewModel.WINDOW_SECONDS);
            // Earlier runs scrolled out of the window entirely: their lines are gone.
            assertThat(vm.lostSeries()).hasSize(1);
            assertThat(vm.rateSeries()).hasSize(1);
            for (XYChart.Series<Number, Number> line : vm.lostSeries()) {
                assertThat(line.getData().size())
                        .isLessThanOrEqualTo((int) (LabViewModel.WINDOW_SECONDS / LabViewModel.POINT_EVERY_SECONDS) + 2);
                // At most one point left of the window, so the line enters from the edge.
                assertThat(line.getData().stream().filter(d -> d.getXValue().doubleValue() < lower).count())
                        .isLessThanOrEqualTo(1);
            }
        });
    }

    @Test
    void whatAStoppingRunHandsOverAfterTheWindowClosedIsIgnored(FxRobot robot) {
        robot.interact(() -> {
            LabViewModel vm = new LabViewModel(new SameThreadBackgroundExecutor());
            vm.dispose();
            // The coordinating thread of a run that was going when the window closed still hands these over.
            vm.toFx.execute(() -> vm.runStarted(CounterKind.UNSAFE, false));
            vm.toFx.execute(() -> vm.samplesArrived(List.of(new LabSample(CounterKind.UNSAFE, 0.5, 1000, 900, 100,
                    2000, false, Long.MAX_VALUE))));
            assertThat(vm.lostSeries()).isEmpty();
            assertThat(vm.rateSeries()).isEmpty();
            assertThat(vm.readoutProperty().get()).isEmpty();
        });
    }
}
