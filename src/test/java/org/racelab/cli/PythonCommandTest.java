package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.lab.python.PythonInterpreter;

class PythonCommandTest {

    private static void assumePython() {
        assumeTrue(PythonInterpreter.find(Optional.empty()).isPresent(), "no Python on this machine: skipping");
    }

    @Test
    void jsonHasTheIssuesKeysInOrder() throws Exception {
        assumePython();
        RaceLabCliTest.Result r = RaceLabCliTest.run("python", "--program", "count", "--threads", "2",
                "--increments", "1000", "--runs", "2", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = FormatOption.MAPPER.readTree(r.out());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("interpreter", "version", "freeThreaded", "program", "runs");
        assertThat(root.get("program").asText()).isEqualTo("count");
        assertThat(root.get("version").asText()).matches("3\\.\\d+\\.\\d+.*");
        assertThat(root.get("freeThreaded").isBoolean()).isTrue();
        assertThat(root.get("runs")).hasSize(2);
        JsonNode run = root.get("runs").get(0);
        List<String> runKeys = new ArrayList<>();
        run.fieldNames().forEachRemaining(runKeys::add);
        assertThat(runKeys).containsExactly("expected", "final", "lost", "seconds");
        assertThat(run.get("expected").asLong()).isEqualTo(2000);
        assertThat(run.get("lost").asLong()).isEqualTo(2000 - run.get("final").asLong());
    }

    @Test
    void tableNamesThePythonAndTheProgram() {
        assumePython();
        RaceLabCliTest.Result r = RaceLabCliTest.run("python", "--program", "call", "--increments", "100",
                "--runs", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Python 3\\.\\d+").contains("count += one()").contains("runs lost updates");
    }

    @Test
    void aMissingInterpreterIsOneLineAndExitTwo() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("python", "--interpreter", "/nonexistent/python3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains("/nonexistent/python3");
    }

    @ParameterizedTest
    @CsvSource({"--program,loop", "--threads,0", "--increments,0", "--runs,21", "--threads,65"})
    void badInputIsOneLineAndExitTwo(String option, String value) {
        RaceLabCliTest.Result r = RaceLabCliTest.run("python", option, value);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains(option);
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs({org.junit.jupiter.api.condition.OS.LINUX,
            org.junit.jupiter.api.condition.OS.MAC})
    void aProgramThatIsNoPythonSaysHowItEndedNotStreamClosed() {
        // /bin/false exits before reading the script: the broken pipe must not hide its exit code.
        RaceLabCliTest.Result r = RaceLabCliTest.run("python", "--interpreter", "/bin/false", "--increments", "10",
                "--runs", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Stream closed").contains("exit 1");
    }
}
