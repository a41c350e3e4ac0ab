package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PoolCommandTest {

    @Test
    void jsonHasTheIssuesKeysInOrderOneRunPerWorkerCount() throws Exception {
        // 200 ms, not less: the peak counts requests in flight at once, and on a loaded machine the sixth
        // request of a short run can start after the first has already been answered.
        RaceLabCliTest.Result r = RaceLabCliTest.run("pool", "--tasks", "6", "--latency-ms", "200",
                "--sweep", "1,3,8", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode runs = FormatOption.MAPPER.readTree(r.out()).get("runs");
        assertThat(runs).hasSize(3);
        int[] peaks = new int[3];
        for (int i = 0; i < 3; i++) {
            JsonNode run = runs.get(i);
            List<String> keys = new ArrayList<>();
            run.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("workers", "tasks", "latencyMs", "kind", "gil", "serverCap", "seconds",
                    "idealSeconds", "efficiency", "peakConcurrent", "tasksPerSecond");
            assertThat(run.get("kind").asText()).isEqualTo("io");
            assertThat(run.get("gil").asBoolean()).isFalse();
            assertThat(run.get("serverCap").isNull()).isTrue();
            assertThat(run.get("seconds").asDouble()).isGreaterThanOrEqualTo(run.get("idealSeconds").asDouble() * 0.98);
            peaks[i] = run.get("peakConcurrent").asInt();
        }
        assertThat(runs.get(0).get("idealSeconds").asDouble()).isEqualTo(1.2);
        assertThat(runs.get(1).get("idealSeconds").asDouble()).isEqualTo(0.4);
        assertThat(peaks).containsExactly(1, 3, 6);
    }

    @Test
    void theServerCapLimitsThePeakAndShowsInTheJson() throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run("pool", "--tasks", "8", "--latency-ms", "30", "--workers", "8",
                "--server-cap", "2", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode run = FormatOption.MAPPER.readTree(r.out()).get("runs").get(0);
        assertThat(run.get("serverCap").asInt()).isEqualTo(2);
        assertThat(run.get("peakConcurrent").asInt()).isEqualTo(2);
        assertThat(run.get("idealSeconds").asDouble()).isEqualTo(0.12);
    }

    @Test
    void tableShowsEveryRunAndTheIdealFormula() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("pool", "--tasks", "4", "--latency-ms", "20", "--workers", "2",
                "--kind", "compute", "--gil");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("4 compute tasks × 20 ms, GIL on, server cap off")
                .containsPattern("(?m)^\\s+2\\s+[0-9.]+\\s+0\\.080 ").contains("ideal = max(");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--tasks;0;tasks must be between 1 and 1000, got 0",
        "--tasks;1001;tasks must be between 1 and 1000, got 1001",
        "--latency-ms;5;latency must be between 10 and 2000, got 5",
        "--latency-ms;2001;latency must be between 10 and 2000, got 2001",
        "--workers;0;workers must be between 1 and 64, got 0",
        "--workers;65;workers must be between 1 and 64, got 65",
        "--server-cap;0;server cap must be between 1 and 64, got 0 (leave --server-cap out for no cap)",
        "--server-cap;65;server cap must be between 1 and 64, got 65",
        "--kind;disk;unknown task kind 'disk' (expected io, compute or mixed)",
        "--sweep;1,x;--sweep expects worker counts like 1,2,4,8, got 'x'",
        "--sweep;1,,2;--sweep expects worker counts like 1,2,4,8, got ''",
        "--sweep;1,128;--sweep: workers must be between 1 and 64, got 128",
    })
    void badInputExitsTwoWithOneLine(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of("pool", option, value));
        if (!option.equals("--tasks")) {
            args.addAll(List.of("--tasks", "2"));
        }
        if (!option.equals("--latency-ms")) {
            args.addAll(List.of("--latency-ms", "10"));
        }
        RaceLabCliTest.Result r = RaceLabCliTest.run(args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("racelab: " + message + System.lineSeparator());
    }

    @Test
    void threadCostJsonHasTheIssuesKeys() throws Exception {
        RaceLabCliTest.Result r = RaceLabCliTest.run("threadcost", "--threads", "100", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode root = FormatOption.MAPPER.readTree(r.out());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("threads", "createStartJoinMicros", "poolSubmitGetMicros", "reservedStackKiB",
                "committedKiBPerParkedThread");
        assertThat(root.get("threads").asInt()).isEqualTo(100);
        assertThat(root.get("createStartJoinMicros").get("median").asDouble()).isPositive();
        assertThat(root.get("createStartJoinMicros").get("p90").asDouble())
                .isGreaterThanOrEqualTo(root.get("createStartJoinMicros").get("median").asDouble());
        assertThat(root.get("poolSubmitGetMicros").get("median").asDouble()).isPositive();
        assertThat(root.get("reservedStackKiB").asLong()).isPositive();
        assertThat(root.get("committedKiBPerParkedThread").isNull())
                .isEqualTo(!java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status")));
    }

    @Test
    void threadCostTableSaysWhatTheSlideSays() {
        RaceLabCliTest.Result r = RaceLabCliTest.run("threadcost", "--threads", "100");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("over 1,000 threads").contains("about 50-100 µs").contains("KiB");
    }

    @ParameterizedTest
    @CsvSource({"99", "10001", "-1"})
    void threadCostOutOfRangeExitsTwoWithOneLine(String n) {
        RaceLabCliTest.Result r = RaceLabCliTest.run("threadcost", "--threads", n);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("racelab: threads must be between 100 and 10000, got " + n + System.lineSeparator());
    }
}
