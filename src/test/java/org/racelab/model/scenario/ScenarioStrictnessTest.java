package org.racelab.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #12 items 1 to 4: every hostile file is refused with a short, one-line, exact message. */
class ScenarioStrictnessTest {

    static final String VALID = "{\"racelab\":\"scenario\",\"version\":1,\"threads\":2,\"increments\":1,\"start\":5,"
            + "\"lock\":false,\"schedule\":\"ABBBAA\"}";

    @TempDir
    Path dir;

    private static String refusal(String json) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ScenarioCodec.fromJson(json));
        assertThat(t).isInstanceOf(ScenarioException.class);
        assertThat(t.getMessage()).hasSizeLessThan(200).doesNotContain("\n").doesNotContain("\r");
        return t.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {" garbage", "}", "]]]", " {\"racelab\":\"scenario\"}", " 1"})
    void trailingContentAfterTheDocumentIsRefused(String tail) {
        assertThat(refusal(VALID + tail)).contains("broken");
    }

    @Test
    void duplicateKeysAreRefusedNotLastWins() {
        assertThat(refusal(VALID.replace("\"start\":5,", "\"start\":5,\"start\":6,"))).contains("a key appears twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"notascenario\"", "null", "[]", "1", "\"Scenario\""})
    void theMarkerMustBeScenario(String marker) {
        assertThat(refusal(VALID.replace("\"racelab\":\"scenario\"", "\"racelab\":" + marker)))
                .startsWith("not a RaceLab scenario: \"racelab\" must be \"scenario\"");
        assertThat(refusal(VALID.replace("\"racelab\":\"scenario\",", ""))).contains("marker").contains("missing");
    }

    @Test
    void aHugeValueIsQuotedInFortyCharactersAndATenMegabyteTextIsNotParsed() {
        assertThat(refusal("\"" + "x".repeat(10 * 1024 * 1024) + "\"")).contains("larger than 64 KB");
        String huge = "x".repeat(60 * 1024);
        String m = refusal(VALID.replace("\"racelab\":\"scenario\"", "\"racelab\":\"" + huge + "\""));
        assertThat(m).contains("\"" + "x".repeat(40) + "…\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-2147483648", "1.9", "1.0", "1e0", "\"1\"", "\"2\"", "true", "null", "[1]",
        "{}"})
    void versionMustBeTheIntegerOne(String version) {
        assertThat(refusal(VALID.replace("\"version\":1", "\"version\":" + version))).contains("is not a version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "3", "2147483648", "99999999999999999999999"})
    void aLargerVersionWasMadeByANewerRaceLab(String version) {
        assertThat(refusal(VALID.replace("\"version\":1", "\"version\":" + version)))
                .contains("made by a newer RaceLab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"threads\":\"2\"", "\"threads\":2.0", "\"threads\":null", "\"threads\":true",
        "\"threads\":99999999999", "\"lock\":0", "\"lock\":\"false\"", "\"lock\":null", "\"schedule\":null",
        "\"schedule\":[\"A\"]", "\"start\":5.5", "\"increments\":[]"})
    void noCoercionBetweenTypes(String field) {
        String key = field.substring(0, field.indexOf(':'));
        String json = VALID.replaceFirst(java.util.regex.Pattern.quote(key) + ":[^,}]+", field);
        assertThat(json).isNotEqualTo(VALID);
        assertThat(refusal(json)).startsWith(key + " must be");
    }

    @Test
    void unknownKeysAreRefusedAndQuotedShort() {
        assertThat(refusal(VALID.replace("}", ",\"thread\":3}"))).contains("unknown key \"thread\"");
        String m = refusal(VALID.replace("}", ",\"" + "k".repeat(5000) + "\\nx\":3}"));
        assertThat(m).contains("k".repeat(40) + "…");
    }

    @Test
    void theScheduleNamesTheExactBadCharacter() {
        assertThat(refusal(VALID.replace("ABBBAA", "Aß"))).contains("step 2: 'ß' (U+00DF) is not a thread letter");
        assertThat(refusal(VALID.replace("ABBBAA", "A\uD83D\uDE00"))).contains("(U+1F600)");
        assertThat(refusal(VALID.replace("ABBBAA", "AC"))).contains("step 2: there is no thread C");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path file = dir.resolve("notepad.json");
        Files.write(file, withBom);
        assertThat(ScenarioCodec.read(file)).isEqualTo(Scenario.SLIDE_8);
    }

    @Test
    void otherEncodingsAreNamed() throws Exception {
        Path utf16 = dir.resolve("utf16.json");
        Files.write(utf16, VALID.getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> ScenarioCodec.read(utf16)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("UTF-16").hasMessageContaining("save it as UTF-8");
        Path utf16le = dir.resolve("utf16le.json");
        Files.write(utf16le, VALID.getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> ScenarioCodec.read(utf16le)).hasMessageContaining("UTF-16");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, VALID.replace("ABBBAA", "Aé").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScenarioCodec.read(latin1)).hasMessageContaining("not UTF-8")
                .hasMessageContaining("0xE9");
    }

    @Test
    void aFolderIsRefused() {
        assertThatThrownBy(() -> ScenarioCodec.read(dir)).hasMessageContaining("folder");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoIsRefusedAtOnceWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("x.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mk.waitFor()).isZero();
        // The guard against a hang; the speed is not what this test claims.
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> ScenarioCodec.read(fifo))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("not a regular file"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/zero", "/dev/urandom"})
    @EnabledOnOs(OS.LINUX)
    void devicesAreRefusedAtOnce(String device) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                () -> ScenarioCodec.read(Path.of(device))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("not a regular file"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFileSwappedForAFifoAfterTheCheckTimesOutInsteadOfHanging() throws Exception {
        Path fifo = dir.resolve("late.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        // ScenarioFileReader's own read path, past the type check: a FIFO with no writer blocks in open().
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> assertThatThrownBy(
                () -> ScenarioFileReader.readBytesForTest(fifo, Duration.ofMillis(300)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("no end of file within"));
        // Unblock the parked reader thread so it does not outlive the test.
        try (var w = Files.newOutputStream(fifo)) {
            w.write('x');
        }
    }
}
