package org.racelab.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.Schedule;
import org.racelab.model.SwitchRule;

/** Scenario files remember the program and the switch rule, and files without them stay the slides' model. */
class ScenarioProgramTest {

    private static final String SLIDE_8 = "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,"
            + "\"start\":5,\"lock\":false,\"schedule\":\"ABBBAA\"}";

    @Test
    void aProgramAndARuleSurviveTheRoundTrip() throws Exception {
        Scenario s = new Scenario(RaceConfig.SLIDE_8, RaceProgram.CALL, SwitchRule.CPYTHON_GIL,
                new Schedule("AABBAABB"));
        String json = ScenarioCodec.toJson(s);
        assertThat(json).contains("\"program\" : \"call\"").contains("\"switches\" : \"cpython\"");
        assertThat(ScenarioCodec.fromJson(json)).isEqualTo(s);
    }

    @Test
    void theSlidesModelIsWrittenWithoutTheNewKeysAndReadWithoutThem() throws Exception {
        assertThat(ScenarioCodec.toJson(Scenario.SLIDE_8)).doesNotContain("program").doesNotContain("switches");
        Scenario read = ScenarioCodec.fromJson(SLIDE_8);
        assertThat(read.program()).isEqualTo(RaceProgram.COUNT);
        assertThat(read.rule()).isEqualTo(SwitchRule.ANY);
    }

    @Test
    void theScheduleMayBeAsLongAsTheProgramsRealLength() throws Exception {
        String call = SLIDE_8.replace("\"ABBBAA\"", "\"AAAABBBB\"").replace("\"lock\":false,",
                "\"lock\":false,\"program\":\"call\",");
        assertThat(ScenarioCodec.fromJson(call).schedule().length()).isEqualTo(8);
        assertThatThrownBy(() -> ScenarioCodec.fromJson(SLIDE_8.replace("\"ABBBAA\"", "\"AAAABBBB\"")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("over after 6");
    }

    @Test
    void badNamesAreOneLineRefusals() {
        assertThatThrownBy(() -> ScenarioCodec.fromJson(SLIDE_8.replace("\"lock\":false,",
                "\"lock\":false,\"program\":\"loop\",")))
                .isInstanceOf(ScenarioException.class).hasMessage("\"program\" must be count, call or sleep, not \"loop\"");
        assertThatThrownBy(() -> ScenarioCodec.fromJson(SLIDE_8.replace("\"lock\":false,",
                "\"lock\":false,\"switches\":true,")))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("\"switches\" must be any or cpython");
        assertThatThrownBy(() -> ScenarioCodec.fromJson(SLIDE_8.replace("\"lock\":false,",
                "\"lock\":false,\"switches\":\"gil\",\"switches\":\"any\",")))
                .isInstanceOf(ScenarioException.class);
    }
}
