package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExploreCommandTest {

    private static RaceLabCliTest.Result run(String... args) {
        return RaceLabCliTest.run(args);
    }

    private static JsonNode json(String... args) throws Exception {
        RaceLabCliTest.Result r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return FormatOption.MAPPER.readTree(r.out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void jsonHasExactlyTheIssuesKeysInOrderWithExactIntegers() throws Exception {
        JsonNode root = json("explore", "--threads", "3", "--increments", "3", "--format", "json");
        assertThat(keys(root)).containsExactly("threads", "increments", "start", "lock", "program", "switches",
                "total", "outcomes", "min", "max", "preemptions", "fewestPreemptionLoss", "executions");
        assertThat(root.get("total").bigIntegerValue()).isEqualTo(227_873_431_500L);
        JsonNode first = root.get("outcomes").get(0);
        assertThat(keys(first)).containsExactly("final", "count", "share", "randomSchedulerProbability");
        assertThat(first.get("final").asInt()).isEqualTo(2);
        assertThat(first.get("count").asLong()).isEqualTo(3_776_608_476L);
        assertThat(first.get("share").asDouble()).isBetween(0.01657, 0.01658);
        int previous = Integer.MIN_VALUE;
        BigInteger sum = BigInteger.ZERO;
        for (JsonNode o : root.get("outcomes")) {
            assertThat(o.get("final").asInt()).isGreaterThan(previous);
            previous = o.get("final").asInt();
            sum = sum.add(o.get("count").bigIntegerValue());
        }
        assertThat(sum).isEqualTo(227_873_431_500L);
        assertThat(keys(root.get("min"))).containsExactly("final", "witness");
        assertThat(root.get("min").get("final").asInt()).isEqualTo(2);
        assertThat(root.get("max").get("final").asInt()).isEqualTo(9);
        assertThat(root.get("max").get("witness").asText()).isEqualTo("AAAAAAAAABBBBBBBBBCCCCCCCCC");
    }

    @Test
    void totalsBeyondLongStayExactInJson() throws Exception {
        RaceLabCliTest.Result r = run("explore", "--threads", "4", "--increments", "3", "--format", "json");
        assertThat(r.out()).contains("\"total\":21452752266265320000,");
    }

    @Test
    void listsSchedulesOfAnOutcomeFromAnOffset() throws Exception {
        JsonNode root = json("explore", "--threads", "2", "--increments", "1", "--outcome", "6", "--list", "3",
                "--first", "3", "--start", "5", "--format", "json");
        assertThat(root.get("start").asInt()).isEqualTo(5);
        assertThat(keys(root)).last().isEqualTo("schedules");
        List<String> listed = new ArrayList<>();
        root.get("schedules").forEach(s -> listed.add(s.asText()));
        assertThat(listed).containsExactly("AABBBA", "ABAABB", "ABABAB");
    }

    @Test
    void tableIsReadable() {
        RaceLabCliTest.Result r = run("explore", "--threads", "2", "--increments", "1", "--list", "2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("final  lost  schedules")
                .contains("Of 20 ways two threads can interleave one increment each, 18 lose an update (90%).")
                .contains("random scheduler")
                .contains("Schedules #1 to #2 of 20 (numbered from 1, lexicographic):")
                .contains("1  AAABBB  final 2")
                .contains("2  AABABB  final 1  stale store at step 6");
        RaceLabCliTest.Result huge = run("explore", "--threads", "4", "--increments", "3", "--lock");
        assertThat(huge.out()).contains("none loses an update");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--threads 7 --increments 1|--threads must be 1 to 6, not 7",
        "--threads 0 --increments 1|--threads must be 1 to 6, not 0",
        "--threads 2 --increments 10|--increments must be 1 to 9, not 10",
        "--threads 2 --increments 1 --start 2000|--start must be -1000 to 1000, not 2000",
        "--threads 2 --increments 1 --outcome 7 --list 3|no schedule ends at 7; the outcomes are [1, 2]",
        "--threads 2 --increments 1 --list 3 --first 21|--first 21 is beyond the last schedule: there are 20 (1 to 20)",
        "--threads 2 --increments 1 --outcome 2 --list 3 --first 3|--first 3 is beyond the last schedule: there are 2 ending at 2 (1 to 2)",
        "--threads 2 --increments 1 --list 0|--list must be 1 to 100000, not 0",
        "--threads 2 --increments 1 --first 3|--first chooses which schedules to list: add --list N",
        "--threads 2 --increments 1 --list 1 --first 0|--first counts from 1, not 0",
        "--threads 2 --increments 1 --list 1 --first -1|--first counts from 1, not -1",
    })
    void badInputExitsTwoWithOneClearLine(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("explore"));
        argv.addAll(List.of(args.split(" ")));
        RaceLabCliTest.Result r = run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("racelab: " + message);
    }

    @Test
    void theRaceOptionsDefaultToTheLecturesTwoThreadsTimesOneIncrementFromZero() {
        RaceLabCliTest.Result r = run("explore");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Explore: 2 threads × 1 increment, start 0, no lock");
        assertThat(run("explore", "--help").out()).contains("numbered from 1").contains("--first=I");
    }

    @Test
    void aRaceTooLargeForTheHeapIsRefusedFromItsEstimateInOneLine() {
        RaceLabCliTest.Result r = run("explore", "--threads", "6", "--increments", "9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n")
                .startsWith("racelab: 6 threads × 9 increments needs about ")
                .contains(" states); the limit is ")
                .endsWith("(the JVM's heap)");
    }

    @Test
    void maxMemoryLowersTheLimit() {
        RaceLabCliTest.Result r = run("explore", "--threads", "4", "--increments", "4", "--max-memory", "1m");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("racelab: 4 threads × 4 increments needs about ")
                .endsWith("; the limit is 1.0 MB (--max-memory)");
        assertThat(run("explore", "--threads", "2", "--increments", "2", "--max-memory", "64m").code()).isZero();
        RaceLabCliTest.Result bad = run("explore", "--threads", "2", "--increments", "2", "--max-memory", "lots");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--max-memory: not a memory size: 'lots'");
    }

    @Test
    void theTableNamesTheRaceWithTheTimesSign() {
        RaceLabCliTest.Result r = run("explore", "--threads", "2", "--increments", "1", "--start", "5");
        assertThat(r.out()).startsWith("Explore: 2 threads × 1 increment, start 5, no lock");
    }
}
