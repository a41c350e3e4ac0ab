package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ExploreCommandProgramTest {

    private static JsonNode json(String... args) throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return FormatOption.MAPPER.readTree(r.out());
    }

    @Test
    void countUnderTheGilNeverLosesAndTheJsonNamesProgramAndSwitches() throws Exception {
        JsonNode root = json("explore", "--threads", "2", "--increments", "2", "--program", "count", "--switches",
                "cpython", "--format", "json");
        assertThat(root.get("program").asText()).isEqualTo("count");
        assertThat(root.get("switches").asText()).isEqualTo("cpython");
        assertThat(root.get("outcomes")).hasSize(1);
        assertThat(root.get("outcomes").get(0).get("final").asInt()).isEqualTo(4);
        assertThat(root.get("losing").asInt()).isZero();
    }

    @Test
    void callUnderTheGilGivesTheExactShareThatLoses() throws Exception {
        JsonNode root = json("explore", "--threads", "2", "--increments", "1", "--program", "call", "--switches",
                "cpython", "--format", "json");
        assertThat(root.get("total").asInt()).isEqualTo(6);
        assertThat(root.get("losing").asInt()).isEqualTo(4);
        assertThat(root.get("min").get("witness").asText()).isEqualTo("AABBAABB");
    }

    @Test
    void anyRuleNamedExplicitlyMatchesTheFastExplorer() throws Exception {
        JsonNode ruled = json("explore", "--threads", "2", "--increments", "2", "--switches", "any", "--format",
                "json");
        JsonNode fast = json("explore", "--threads", "2", "--increments", "2", "--format", "json");
        assertThat(ruled.get("total")).isEqualTo(fast.get("total"));
        assertThat(ruled.get("outcomes")).isEqualTo(fast.get("outcomes"));
        assertThat(fast.get("program").asText()).isEqualTo("count");
        assertThat(fast.get("switches").asText()).isEqualTo("any");
    }

    @Test
    void badNamesAndListingAreOneLineErrors() {
        RaceLabCliTest.Result bad = RaceLabCliTest.run("explore", "--switches", "gil");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("--switches");
        RaceLabCliTest.Result list = RaceLabCliTest.run("explore", "--program", "call", "--list", "3");
        assertThat(list.code()).isEqualTo(2);
        assertThat(list.err()).contains("--list");
    }
}
