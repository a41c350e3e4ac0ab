package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExploreExecutionsTest {

    private static JsonNode json(String... args) throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void twentySchedulesAreFourExecutionsTwoLosing() throws Exception {
        JsonNode root = json("explore", "--threads", "2", "--increments", "1", "--format", "json");
        assertThat(root.get("total").asInt()).isEqualTo(20);
        assertThat(root.get("executions").get("count").asInt()).isEqualTo(4);
        assertThat(root.get("executions").get("losing").asInt()).isEqualTo(2);
        assertThat(root.has("executionsNotCounted")).isFalse();
    }

    @Test
    void theLockLeavesOneExecutionPerOrderOfCriticalSectionsNoneLosing() throws Exception {
        JsonNode root = json("explore", "--threads", "3", "--increments", "2", "--lock", "--format", "json");
        assertThat(root.get("executions").get("count").asInt()).isEqualTo(90);
        assertThat(root.get("executions").get("losing").asInt()).isZero();
    }

    @Test
    void otherProgramsAreCountedAndTheGilSaysWhyNot() throws Exception {
        JsonNode call = json("explore", "--threads", "2", "--increments", "2", "--program", "call", "--format",
                "json");
        assertThat(call.get("executions").get("count").asInt()).isEqualTo(34);
        JsonNode gil = json("explore", "--threads", "2", "--increments", "2", "--switches", "cpython", "--format",
                "json");
        assertThat(gil.get("executions").isNull()).isTrue();
        assertThat(gil.get("executionsNotCounted").asText()).contains("CPython with the GIL");
    }

    @Test
    void theTableReadsThemOut() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("explore", "--threads", "2", "--increments", "1");
        assertThat(r.out()).contains("Really different executions: 4 (2 correct, 2 losing an update)");
    }
}
