package org.racelab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;

class ExecutionSummaryTest {

    @Test
    void readsOutSchedulesExecutionsAndOutcomes() {
        ExecutionSummary s = ExecutionSummary.of(new RaceConfig(2, 1, 5, false));
        assertThat(s.line(BigInteger.valueOf(20), 2)).isEqualTo("20 schedules · 4 really different executions · 2 outcomes");
        assertThat(s.sentence()).isEqualTo("Really different executions: 4 (2 correct, 2 losing an update)");
        ExecutionSummary one = ExecutionSummary.of(new RaceConfig(1, 2, 0, false));
        assertThat(one.line(BigInteger.ONE, 1)).isEqualTo("1 schedule · 1 really different execution · 1 outcome");
    }

    @Test
    void saysWhyItDidNotCount() {
        ExecutionSummary gil = ExecutionSummary.of(new RaceConfig(2, 1, 0, false), RaceProgram.COUNT,
                SwitchRule.CPYTHON_GIL);
        assertThat(gil.executions()).isEmpty();
        assertThat(gil.line(BigInteger.valueOf(2), 1)).contains("really different executions not counted");
        ExecutionSummary big = ExecutionSummary.of(new RaceConfig(6, 9, 0, false));
        assertThat(big.sentence()).startsWith("Really different executions: not counted, ").contains("states");
    }

    @Test
    void thePreemptionProfileCarriesTheCount() {
        RaceConfig config = new RaceConfig(3, 1, 0, false);
        assertThat(PreemptionProfile.of(config).executions()).isEqualTo(ExecutionSummary.of(config));
    }
}
