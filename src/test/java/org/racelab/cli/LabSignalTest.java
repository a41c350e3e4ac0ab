package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real {@code lab} process sent SIGTERM or SIGINT mid-run prints the stopped run, exactly, and exits 143/130. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LabSignalTest {

    @ParameterizedTest
    @CsvSource({"TERM, 143, 15", "INT, 130, 2"})
    void aSignalMidRunPrintsTheInterruptedRunAndExitsWithTheSignalsCode(String signal, int exit, int number)
            throws Exception {
        Assumptions.assumeFalse(ignoredByThisProcess(number - 1),
                "SIG" + signal + " is ignored here (a background job), so a child would ignore it too");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.racelab.Launcher",
                "lab", "--counter", "atomic,unsafe", "--workers", "2", "--tasks", "4", "--increments", "20000000000",
                "--format", "json", "--progress").start();
        try {
            CountDownLatch counting = new CountDownLatch(1);
            StringBuilder err = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null;) {
                        synchronized (err) {
                            err.append(line).append('\n');
                        }
                        if (line.startsWith("atomic:") && !line.contains(" 0/")) {
                            counting.countDown();
                        }
                    }
                } catch (java.io.IOException e) {
                    // The process ended.
                }
            }, "racelab-test-stderr");
            reader.setDaemon(true);
            reader.start();
            assertThat(counting.await(60, TimeUnit.SECONDS)).as("the run started counting").isTrue();
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
            // A hang guard: a stop takes 200 ms, but the machine may be busy.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> p.waitFor());
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            reader.join(2000);
            assertThat(p.exitValue()).as("exit code; stderr:\n" + err).isEqualTo(exit);
            JsonNode run = FormatOption.MAPPER.readTree(out).get("runs").get(0);
            assertThat(run.get("counter").asText()).isEqualTo("atomic");
            assertThat(run.get("complete").asBoolean()).isFalse();
            assertThat(run.get("status").asText()).isEqualTo("stopped");
            long attempts = run.get("attempts").asLong();
            long fin = run.get("final").asLong();
            assertThat(attempts).isPositive().isLessThan(80_000_000_000L);
            assertThat(run.get("lost").asLong()).isEqualTo(attempts - fin);
            // atomic never loses an update, so the exact counter equals the exact attempts at the stop.
            assertThat(fin).isEqualTo(attempts);
        } finally {
            p.destroyForcibly();
        }
    }

    /** Whether this process ignores the signal (bit = signal number - 1), from /proc where it exists. */
    private static boolean ignoredByThisProcess(int bit) throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return new BigInteger(line.substring(7).strip(), 16).testBit(bit);
            }
        }
        return false;
    }
}
