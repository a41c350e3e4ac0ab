package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RunCommandProgramTest {

    @Test
    void theGilRuleRefusesSlide8sScheduleWithTheReason() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("run", "--schedule", "ABBBAA", "--switches", "cpython");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("step 2").contains("CPython hands the GIL over only");
    }

    @Test
    void callUnderTheGilLosesAnUpdateAndTheJsonNamesBoth() throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run("run", "--program", "call", "--switches", "cpython",
                "--schedule", "AABBAABB", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = FormatOption.MAPPER.readTree(r.out());
        assertThat(root.get("program").asText()).isEqualTo("call");
        assertThat(root.get("switches").asText()).isEqualTo("cpython");
        assertThat(root.get("final").asInt()).isEqualTo(6);
        assertThat(root.get("lost").asInt()).isEqualTo(1);
        assertThat(root.get("steps").get(1).get("op").asText()).isEqualTo("call");
    }
}
