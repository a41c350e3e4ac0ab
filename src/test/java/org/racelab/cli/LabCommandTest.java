package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabCommandTest {

    @Test
    void jsonHasTheIssuesKeysInOrderAndExactTruths() throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run("lab", "--counter", "all", "--workers", "3", "--tasks", "4",
                "--increments", "50000", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode runs = FormatOption.MAPPER.readTree(r.out()).get("runs");
        assertThat(runs).hasSize(5);
        List<String> kinds = new ArrayList<>();
        for (JsonNode run : runs) {
            kinds.add(run.get("counter").asText());
            List<String> keys = new ArrayList<>();
            run.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("counter", "workers", "tasks", "increments", "expected", "final", "lost",
                    "lostPercent", "seconds", "incrementsPerSecond", "complete");
            assertThat(run.get("workers").asInt()).isEqualTo(3);
            assertThat(run.get("tasks").asInt()).isEqualTo(4);
            assertThat(run.get("increments").asLong()).isEqualTo(50_000);
            assertThat(run.get("expected").asLong()).isEqualTo(200_000);
            assertThat(run.get("lost").asLong()).isEqualTo(200_000 - run.get("final").asLong());
            assertThat(run.get("incrementsPerSecond").isIntegralNumber()).isTrue();
            if (!run.get("counter").asText().equals("unsafe")) {
                assertThat(run.get("final").asLong()).isEqualTo(200_000);
                assertThat(run.get("lost").asLong()).isZero();
                assertThat(run.get("lostPercent").asDouble()).isZero();
            }
        }
        assertThat(kinds).containsExactly("unsafe", "synchronized", "lock", "atomic", "adder");
    }

    @Test
    void tableShowsEveryRunAndAnExplanationLine() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("lab", "--counter", "unsafe,lock", "--workers", "2",
                "--tasks", "2", "--increments", "20000");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("counter").contains("lost %").contains("increments/s")
                .contains("40,000").containsPattern("(?m)^lock: 0 lost, [0-9.]+× (slower|faster) than unsafe$")
                .contains("tasks finished in order");
    }

    @Test
    void progressGoesToStderrOnly() throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run("lab", "--counter", "atomic", "--workers", "2", "--tasks", "2",
                "--increments", "100000", "--format", "json", "--progress");
        assertThat(r.code()).isZero();
        assertThat(FormatOption.MAPPER.readTree(r.out()).get("runs").get(0).get("final").asLong()).isEqualTo(200_000);
        assertThat(r.err()).contains("atomic: 100.0% 200,000/200,000 increments, counter 200,000, ~0 lost so far");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--workers;0;workers must be between 1 and 64, got 0",
        "--workers;65;workers must be between 1 and 64, got 65",
        "--tasks;0;tasks must be between 1",
        "--tasks;-3;tasks must be between 1",
        "--increments;0;increments per task must be at least 1, got 0",
        "--increments;-5;increments per task must be at least 1, got -5",
        "--counter;fast;unknown counter \"fast\"",
        "--counter;switchable;live lock switch",
    })
    void badNumbersExitTwoWithAClearMessage(String option, String value, String message) {
        RaceLabCliTest.Result r = option.equals("--increments")
                ? RaceLabCliTest.run("lab", option, value)
                : RaceLabCliTest.run("lab", option, value, "--increments", "10");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("racelab: ").contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void overflowOfTasksTimesIncrementsExitsTwo() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("lab", "--tasks", "4", "--increments", String.valueOf(Long.MAX_VALUE / 2));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("racelab: tasks × increments").contains("10^11");
    }

    @Test
    void nonNumbersAreParseErrors() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("lab", "--workers", "many");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("racelab: ").contains("--workers");
    }
}
