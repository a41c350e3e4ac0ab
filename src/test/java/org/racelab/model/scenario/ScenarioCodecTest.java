package org.racelab.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

class ScenarioCodecTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEveryField() throws Exception {
        Scenario s = new Scenario(new RaceConfig(4, 5, -1000, true), new Schedule("AAAAABBBBB"));
        assertThat(ScenarioCodec.fromJson(ScenarioCodec.toJson(s))).isEqualTo(s);
        Path file = dir.resolve("s.json");
        ScenarioCodec.write(file, s);
        assertThat(ScenarioCodec.read(file)).isEqualTo(s);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void writesTheDocumentedSmallJson() {
        assertThat(ScenarioCodec.toJson(Scenario.SLIDE_8).replaceAll("\\s", ""))
                .isEqualTo("{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":5,"
                        + "\"lock\":false,\"schedule\":\"ABBBAA\"}");
    }

    @Test
    void acceptsAHandWrittenFileWithSpacedLowerCaseSchedule() throws Exception {
        Scenario s = ScenarioCodec.fromJson("{\"racelab\":\"scenario\",\"version\":1,"
                + "\"threads\":2,\"increments\":1,\"start\":5,\"lock\":false,\"schedule\":\"ab bb-aa\"}");
        assertThat(s).isEqualTo(Scenario.SLIDE_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":5,\"lock\":false,\"sched | broken or cut short",
        "[1,2,3] | expected a JSON object",
        "'' | expected a JSON object",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":5,\"increments\":1,\"start\":0,\"lock\":false,\"schedule\":\"\"} | \"threads\" must be a whole number from 2 to 4",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2.5,\"increments\":1,\"start\":0,\"lock\":false,\"schedule\":\"\"} | \"threads\" must be",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":0,\"start\":0,\"lock\":false,\"schedule\":\"\"} | \"increments\" must be a whole number from 1 to 5",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":99999999999,\"lock\":false,\"schedule\":\"\"} | \"start\" must be",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"lock\":false,\"schedule\":\"\"} | \"start\" is missing",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":0,\"lock\":\"yes\",\"schedule\":\"\"} | \"lock\" must be true or false",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":0,\"lock\":false,\"schedule\":7} | \"schedule\" must be a string",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":0,\"lock\":false,\"schedule\":\"AB1\"} | step 3: '1' (U+0031) is not a thread letter",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":0,\"lock\":false,\"schedule\":\"ABC\"} | step 3: there is no thread C",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":0,\"lock\":false,\"schedule\":\"AAAABBB\"} | has 7 steps, but this race is over after 6",
        "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":0,\"lock\":false,\"schedule\":\"\",\"thread\":3} | unknown key \"thread\"",
        "{\"racelab\":\"scenario\",\"version\":2,\"threads\":2,\"increments\":1,\"start\":0,\"lock\":false,\"schedule\":\"\"} | version 2 was made by a newer RaceLab",
    })
    void rejectsBadFilesWithAClearMessage(String json, String message) {
        assertThatThrownBy(() -> ScenarioCodec.fromJson(json)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(message.trim());
    }

    @Test
    void refusesHugeAndMissingFilesWithoutReadingThem() throws Exception {
        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[(int) ScenarioCodec.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> ScenarioCodec.read(huge)).hasMessageContaining("larger than 64 KB");
        assertThatThrownBy(() -> ScenarioCodec.read(dir.resolve("nope.json"))).hasMessageContaining("no such file");
    }

    @Test
    void aFailedSaveLeavesNoFileBehind() {
        Path file = dir.resolve("no-such-dir").resolve("s.json");
        assertThatThrownBy(() -> ScenarioCodec.write(file, Scenario.SLIDE_8)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cannot save s.json");
        assertThat(file).doesNotExist();
    }
}
