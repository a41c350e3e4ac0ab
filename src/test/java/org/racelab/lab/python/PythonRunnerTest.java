package org.racelab.lab.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.model.RaceProgram;

class PythonRunnerTest {

    private static final PythonRunner RUNNER = new PythonRunner(Duration.ofMinutes(2));

    /** The Python of this machine; the test is skipped, saying why, where there is none. */
    private static PythonInterpreter python() {
        Optional<PythonInterpreter> found = PythonInterpreter.find(Optional.empty());
        assumeTrue(found.isPresent(), "no python3 or python on the PATH of this machine: skipping the real runs");
        return found.get();
    }

    private static PythonReport withGil(RaceProgram program, int increments, int runs) throws Exception {
        PythonReport r = RUNNER.run(python(), program, 2, increments, runs);
        assumeTrue(!r.freeThreaded(), "this Python " + r.version() + " is free-threaded: the GIL claims do not apply");
        return r;
    }

    @Test
    void countPlusOneLosesNothingUnderTheGil() throws Exception {
        PythonReport r = withGil(RaceProgram.COUNT, 1_000_000, 3);
        assertThat(r.version()).matches("3\\.\\d+\\.\\d+.*");
        assertThat(r.runs()).hasSize(3).allSatisfy(run -> {
            assertThat(run.expected()).isEqualTo(2_000_000);
            assertThat(run.finalCount()).isEqualTo(2_000_000);
            assertThat(run.lost()).isZero();
            assertThat(run.seconds()).isPositive();
        });
    }

    @Test
    void countPlusOneCallLosesInAtLeastOneOfThreeRuns() throws Exception {
        PythonReport r = withGil(RaceProgram.CALL, 1_000_000, 3);
        // A call between load and store is a switch point; a run may by chance lose nothing, three rarely do.
        assertThat(r.runsThatLost()).as("runs that lost of %s", r.runs()).isPositive();
        assertThat(r.runs()).allSatisfy(run -> {
            assertThat(run.lost()).isEqualTo(run.expected() - run.finalCount()).isNotNegative();
            assertThat(run.finalCount()).isPositive();
        });
    }

    @Test
    void sleepBetweenLoadAndStoreLoses() throws Exception {
        PythonReport r = withGil(RaceProgram.SLEEP, 5_000, 1);
        assertThat(r.runs().get(0).lost()).isPositive();
    }

    @Test
    void aFailingInterpreterIsReportedWithItsOutput(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("python3");
        Files.writeString(fake, "#!/bin/sh\necho 'not really python' >&2\nexit 3\n");
        assumeTrue(fake.toFile().setExecutable(true) && Files.isExecutable(fake), "cannot make a script executable");
        assumeTrue(Files.exists(Path.of("/bin/sh")), "no /bin/sh for the fake interpreter");
        PythonInterpreter py = PythonInterpreter.find(Optional.of(fake)).orElseThrow();
        assertThatThrownBy(() -> RUNNER.run(py, RaceProgram.COUNT, 2, 10, 1))
                .isInstanceOf(PythonRunException.class).hasMessageContaining("exit 3")
                .hasMessageContaining("not really python");
    }

    @Test
    void anInterpreterThatHangsIsKilledAtTheTimeout(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("python3");
        Files.writeString(fake, "#!/bin/sh\nexec sleep 30\n");
        assumeTrue(fake.toFile().setExecutable(true) && Files.exists(Path.of("/bin/sh")), "no /bin/sh");
        PythonInterpreter py = new PythonInterpreter(List.of(fake.toString()));
        long began = System.nanoTime();
        assertThatThrownBy(() -> new PythonRunner(Duration.ofMillis(300)).run(py, RaceProgram.COUNT, 2, 10, 1))
                .isInstanceOf(PythonRunException.class).hasMessageContaining("did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void findLooksOnThePathAndNotElsewhere(@TempDir Path dir) throws Exception {
        assertThat(PythonInterpreter.find(dir.toString(), false)).isEmpty();
        Path exe = dir.resolve("python");
        Files.writeString(exe, "#!/bin/sh\n");
        assumeTrue(exe.toFile().setExecutable(true), "cannot make a file executable");
        assertThat(PythonInterpreter.find(dir.toString(), false)).map(PythonInterpreter::command)
                .contains(List.of(exe.toString()));
        assertThat(PythonInterpreter.find(Optional.of(dir.resolve("nothing-here")))).isEmpty();
    }

    @Test
    void badSizesAreRefusedBeforeAnythingRuns() {
        PythonInterpreter py = new PythonInterpreter(List.of("/nonexistent/python3"));
        assertThatThrownBy(() -> RUNNER.run(py, RaceProgram.COUNT, 0, 10, 1)).hasMessageContaining("threads");
        assertThatThrownBy(() -> RUNNER.run(py, RaceProgram.COUNT, 2, 10, 0)).hasMessageContaining("runs");
    }
}
