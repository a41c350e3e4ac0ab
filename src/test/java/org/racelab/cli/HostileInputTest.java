package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.model.scenario.Scenario;
import org.racelab.model.scenario.ScenarioCodec;

/** Issue #12's command-line defects: one-line errors, exact characters, truthful exit codes, no @file. */
class HostileInputTest {

    @TempDir
    Path dir;

    private static RaceLabCliTest.Result refused(String... args) {
        RaceLabCliTest.Result r = RaceLabCliTest.run(args);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("racelab: ").endsWith(System.lineSeparator());
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err().strip()).hasSizeLessThan(200);
        return r;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --threads abc --schedule AB",
        "run --frobnicate",
        "explore --threads",
        "lab --workers many",
        "frobnicate",
        "run --format xml --schedule AB",
    })
    void parseErrorsAreOneLineWithoutTheUsage(String line) {
        assertThat(refused(line.split(" ")).err()).doesNotContain("Usage").endsWith("--help'" + System.lineSeparator());
    }

    @Test
    void helpStillShowsTheUsage() {
        assertThat(RaceLabCliTest.run("run", "--help").out()).contains("Usage: racelab run");
    }

    @Test
    void atFilesAreNotExpanded() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "ABBBAA");
        assertThat(refused("run", "--schedule", "@" + notes).err()).contains("'@' (U+0040) is not a thread letter");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused("@/dev/zero"));
    }

    @Test
    void numbersAreAsciiDigitsOnly() {
        assertThat(refused("run", "--threads", "٢", "--schedule", "AB").err()).contains("U+0662");
        assertThat(refused("lab", "--increments", "１０").err()).contains("U+FF11");
        assertThat(RaceLabCliTest.run("run", "--threads", "+2", "--schedule", "AB").code()).isZero();
    }

    @Test
    void hugeArgumentsAreQuotedShort() {
        String huge = "x".repeat(100_000);
        assertThat(refused("run", "--" + huge).err()).contains("'--" + "x".repeat(38) + "…'");
        assertThat(refused("lab", "--counter", huge).err()).contains("x".repeat(40) + "…");
        assertThat(refused("run", "--schedule", "\n" + huge).err()).contains("U+000A");
    }

    @Test
    void errorTextsNameTheExactCharacterAndTheRealChoices() {
        assertThat(refused("run", "--schedule", "ß").err()).contains("'ß' (U+00DF)").doesNotContain("thread S");
        assertThat(refused("run", "--schedule", "A\uD83D\uDE00").err()).contains("U+1F600");
        assertThat(refused("lab", "--counter", "all,unsafe").err())
                .doesNotContain("unknown counter").contains("cannot be combined");
        assertThat(refused("lab", "--counter", "fast").err()).contains("unknown counter \"fast\"")
                .contains("unsafe, synchronized, lock, atomic, adder");
    }

    @Test
    void aCommandThatWouldRunNothingExitsTwo() {
        assertThat(refused("lab", "--counter", ",").err()).contains("names no counter");
        assertThat(refused("lab", "--counter", " , ,").err()).contains("names no counter");
    }

    @Test
    void aFailedWriteToStandardOutputExitsOneWithOneLine() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        StringWriter err = new StringWriter();
        for (String[] args : new String[][] {{"run", "--schedule", "ABBBAA"}, {"explore"},
            {"lab", "--counter", "atomic", "--workers", "1", "--tasks", "1", "--increments", "10"}}) {
            err.getBuffer().setLength(0);
            int code = RaceLabCli.run(new PrintWriter(full), new PrintWriter(err), args);
            assertThat(code).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.toString().lines()).singleElement().asString().contains("cannot write the output");
        }
    }

    @Test
    void runReplaysAScenarioFileThroughTheCodec() throws Exception {
        Path file = dir.resolve("slide8.json");
        ScenarioCodec.write(file, Scenario.SLIDE_8);
        RaceLabCliTest.Result r = RaceLabCliTest.run("run", "--scenario", file.toString(), "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(FormatOption.MAPPER.readTree(r.out()).get("lost").asInt()).isEqualTo(1);
        Files.writeString(file, "{\"racelab\":\"scenario\",\"version\":2}");
        assertThat(refused("run", "--scenario", file.toString()).err()).contains("made by a newer RaceLab");
        assertThat(refused("run", "--scenario", file.toString(), "--threads", "3").err()).contains("leave out --threads");
        assertThat(refused("run").err()).contains("--schedule").contains("--scenario");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void runScenarioOnAFifoOrDeviceReturnsAtOnce() throws Exception {
        Path fifo = dir.resolve("x.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        // A hang guard, not a speed claim.
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(refused("run", "--scenario", fifo.toString()).err()).contains("not a regular file");
            assertThat(refused("run", "--scenario", "/dev/zero").err()).contains("not a regular file");
        });
    }
}
