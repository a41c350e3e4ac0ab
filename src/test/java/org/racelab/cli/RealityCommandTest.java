package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RealityCommandTest {

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void jsonHasTheIssuesKeysAndTheLockNeverLoses() throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run("reality", "--threads", "2", "--increments", "1", "--lock",
                "--delay", "spin:4", "--trials", "20000", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = FormatOption.MAPPER.readTree(r.out());
        assertThat(keys(root)).containsExactly("threads", "increments", "start", "lock", "delay", "trials", "seconds",
                "trialsPerSecond", "outcomes", "forbiddenObserved");
        assertThat(root.get("delay").asText()).isEqualTo("spin:4");
        assertThat(root.get("trials").asLong()).isGreaterThanOrEqualTo(20_000);
        JsonNode only = root.get("outcomes").get(0);
        assertThat(root.get("outcomes")).hasSize(1);
        assertThat(keys(only)).containsExactly("final", "observed", "observedShare", "scheduleShare",
                "randomSchedulerProbability", "grade");
        assertThat(only.get("final").asInt()).isEqualTo(2);
        assertThat(only.get("observed").asLong()).isEqualTo(root.get("trials").asLong());
        assertThat(only.get("grade").asText()).isEqualTo("acceptable");
        assertThat(root.get("forbiddenObserved").asLong()).isZero();
    }

    @Test
    void tableShowsTheoryBesideReality() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("reality", "--trials", "5000");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("random scheduler")
                .contains("interesting").contains("acceptable")
                .contains("All schedules: 90 % lose an update. A random scheduler: 75 %.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--threads 5|--threads must be 2 to 4, not 5",
        "--increments 0|--increments must be 1 to 5, not 0",
        "--delay spin:0|--delay must be none, spin:N",
        "--delay nap|--delay must be none, spin:N",
        "--trials 0|--trials must be 1 to",
        "--seconds -1|--seconds must be more than 0",
        "--start 2000|--start must be -1000 to 1000, not 2000"})
    void badInputExitsTwoWithOneLine(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("reality"));
        argv.addAll(List.of(args.split(" ")));
        RaceLabCliTest.Result r = RaceLabCliTest.run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains(message).doesNotContain("\n");
    }
}
