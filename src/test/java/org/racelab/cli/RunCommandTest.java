package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {

    static RaceLabCliTest.Result run(String... args) {
        return RaceLabCliTest.run(args);
    }

    @Test
    void slide8AsJsonHasExactlyTheIssuesKeysInOrder() throws Exception {
        var r = run("run", "--threads", "2", "--increments", "1", "--start", "5", "--schedule", "ABBBAA",
                "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = FormatOption.MAPPER.readTree(r.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("threads", "increments", "start", "lock", "program", "switches", "schedule",
                "complete", "final",
                "expected", "lost", "steps");
        assertThat(r.out()).startsWith("{\"threads\":2,\"increments\":1,\"start\":5,\"lock\":false,"
                + "\"program\":\"count\",\"switches\":\"any\","
                + "\"schedule\":\"ABBBAA\",\"complete\":true,\"final\":6,\"expected\":7,\"lost\":1,"
                + "\"steps\":[{\"index\":1,\"thread\":\"A\",\"op\":\"load\",\"register\":5,\"counter\":5,"
                + "\"stale\":false},");
        assertThat(json.get("steps")).hasSize(6);
        JsonNode last = json.get("steps").get(5);
        assertThat(last.get("op").asText()).isEqualTo("store");
        assertThat(last.get("stale").asBoolean()).isTrue();
        assertThat(json.get("steps").get(3).get("stale").asBoolean()).isFalse();
    }

    @Test
    void registerIsNullBeforeTheThreadsFirstLoad() throws Exception {
        var r = run("run", "--lock", "--schedule", "AAAAAB", "--format", "json");
        JsonNode json = FormatOption.MAPPER.readTree(r.out());
        assertThat(json.get("lock").asBoolean()).isTrue();
        assertThat(json.get("steps").get(0).get("op").asText()).isEqualTo("acquire");
        assertThat(json.get("steps").get(0).get("register").isNull()).isTrue();
        assertThat(json.get("steps").get(5).get("register").isNull()).isTrue();
        assertThat(json.get("complete").asBoolean()).isFalse();
        assertThat(json.get("expected").asInt()).isEqualTo(6);
    }

    @Test
    void slide8WithTheLockEndsAtSeven() throws Exception {
        var r = run("run", "--lock", "--schedule", "AAAAABBBBB", "--format", "json");
        JsonNode json = FormatOption.MAPPER.readTree(r.out());
        assertThat(json.get("final").asInt()).isEqualTo(7);
        assertThat(json.get("lost").asInt()).isZero();
    }

    @Test
    void tableShowsOneLinePerStepAndTheSummary() {
        var r = run("run", "--schedule", "ABBBAA");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Schedule: ABBBAA")
                .contains("LOST UPDATE: A stores 6, computed from the 5 it loaded before B stored 6: A's increment is lost.")
                .contains("Final 6, expected 7, lost 1 (complete");
        assertThat(r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+[AB]\\s+\\w+.*"))).hasSize(6);
    }

    @Test
    void partialScheduleCountsTheStoresSoFar() {
        var r = run("run", "--schedule", "ABBB");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Final 6, expected 6, lost 0 (stopped after 4 of 6 steps");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--schedule ABBBAAB | racelab: step 7: thread B is done",
        "--lock --threads 2 --increments 2 --schedule AAAAAAB | racelab: step 7: thread B is blocked: the lock is held by A",
        "--schedule ABE | racelab: --schedule step 3: there is no thread E with 2 threads (use A to B)",
        "--schedule AB1 | racelab: --schedule step 3: '1' (U+0031) is not a thread letter (use A to B)",
        "--threads 1 --schedule A | racelab: --threads must be 2 to 6, not 1",
        "--threads 7 --schedule A | racelab: --threads must be 2 to 6, not 7",
        "--increments 0 --schedule A | racelab: --increments must be 1 to 9, not 0",
        "--start 1001 --schedule A | racelab: --start must be -1000 to 1000, not 1001",
        "--start -1001 --schedule A | racelab: --start must be -1000 to 1000, not -1001",
    })
    void errorsExitTwoWithOneClearLine(String args, String message) {
        var r = run(("run " + args).split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo(message);
    }

    @Test
    void notANumberAndMissingScheduleExitTwo() {
        var r = run("run", "--threads", "two", "--schedule", "AB");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("racelab: Invalid value for option '--threads': \"two\" is not a whole number");
        var missing = run("run");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("racelab: give --schedule LETTERS");
    }

    @Test
    void lowercaseAndSpacedSchedulesAreAccepted() {
        var r = run("run", "--schedule", "ab-bb aa", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"schedule\":\"ABBBAA\"");
    }
}
