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

    @Test
    void jsonNamesTheProgramAndRuleEvenWhenNotGiven() throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run("run", "--schedule", "AB", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = FormatOption.MAPPER.readTree(r.out());
        assertThat(root.get("program").asText()).isEqualTo("count");
        assertThat(root.get("switches").asText()).isEqualTo("any");
    }

    @Test
    void aStoppedRunCountsTheCallsAndSleepsInItsLength() {
        // count += one() is load, call, add, store: 2 threads x 1 increment is 8 steps, not count += 1's 6.
        RaceLabCliTest.Result call = RaceLabCliTest.run("run", "--program", "call", "--schedule", "AAB");
        assertThat(call.code()).as(call.err()).isZero();
        assertThat(call.out()).contains("stopped after 3 of 8 steps");
        RaceLabCliTest.Result sleep = RaceLabCliTest.run("run", "--program", "sleep", "--increments", "2",
                "--schedule", "A");
        assertThat(sleep.out()).contains("stopped after 1 of 16 steps");
        RaceLabCliTest.Result count = RaceLabCliTest.run("run", "--schedule", "A");
        assertThat(count.out()).contains("stopped after 1 of 6 steps");
    }

    @Test
    void aScenarioFileBringsItsProgramAndRule(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("call.json");
        java.nio.file.Files.writeString(file, "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,"
                + "\"increments\":1,\"start\":5,\"lock\":false,\"program\":\"call\",\"switches\":\"cpython\","
                + "\"schedule\":\"AABBAABB\"}");
        RaceLabCliTest.Result r = RaceLabCliTest.run("run", "--scenario", file.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = FormatOption.MAPPER.readTree(r.out());
        assertThat(root.get("program").asText()).isEqualTo("call");
        assertThat(root.get("switches").asText()).isEqualTo("cpython");
        assertThat(root.get("lost").asInt()).isEqualTo(1);
        RaceLabCliTest.Result both = RaceLabCliTest.run("run", "--scenario", file.toString(), "--program", "count");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("leave out --program");
    }
}
