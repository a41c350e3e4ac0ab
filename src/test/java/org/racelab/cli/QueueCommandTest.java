package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueCommandTest {

    static RaceLabCliTest.Result run(String... args) {
        return RaceLabCliTest.run(args);
    }

    @Test
    void jsonHasExactlyTheIssuesKeysInOrderAndExactCounts() throws Exception {
        var r = run("queue", "--producers", "2", "--consumers", "3", "--items", "100000", "--maxsize", "10",
                "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = FormatOption.MAPPER.readTree(r.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("producers", "consumers", "items", "maxsize", "mistake", "produced",
                "consumed", "lost", "duplicated", "failedGets", "maxLength", "producerBlockedSeconds",
                "consumerBlockedSeconds", "joinReturned", "hung", "seconds", "itemsPerSecond");
        assertThat(r.out()).startsWith("{\"producers\":2,\"consumers\":3,\"items\":100000,\"maxsize\":10,"
                + "\"mistake\":\"none\",\"produced\":100000,\"consumed\":100000,\"lost\":0,\"duplicated\":0,"
                + "\"failedGets\":0,\"maxLength\":");
        assertThat(json.get("joinReturned").asBoolean()).isTrue();
        assertThat(json.get("hung")).isEmpty();
        assertThat(json.get("maxLength").asInt()).isBetween(1, 10);
    }

    @Test
    void aHangingMistakeEndsAtTheTimeoutNamingTheThreadsAndExitsZero() throws Exception {
        var r = run("queue", "--producers", "1", "--consumers", "3", "--items", "100", "--maxsize", "5",
                "--mistake", "no-reput", "--timeout-ms", "300", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode json = FormatOption.MAPPER.readTree(r.out());
        assertThat(json.get("hung")).hasSize(2);
        json.get("hung").forEach(h -> assertThat(h.asText()).matches("C[123] on get\\(\\)"));
        assertThat(json.get("consumed").asInt()).isEqualTo(100);
    }

    @Test
    void tableSaysTheCountsAndTheHungThreads() {
        var r = run("queue", "--items", "50", "--mistake", "no-task-done", "--timeout-ms", "200");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Produced 50, consumed 50, lost 0, duplicated 0, failed gets 0")
                .contains("join() returned: no")
                .contains("Hung: C1 on get(), C2 on get(), C3 on get(), M in join() (ended at the 200 ms timeout)");
    }

    @Test
    void scheduleReplaysTheStepModelAsATimeline() {
        var r = run("queue", "--producers", "1", "--consumers", "3", "--items", "1", "--maxsize", "2",
                "--mistake", "no-reput", "--schedule", "P1,P1,P1,C1,C1,C1,M,M,M,C1,C1,M");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("| step | P1 | C1 | C2 | C3 | M | queue | unfinished |")
                .contains("deadlock: C2 and C3 wait on get() forever; nobody will put another None");
    }

    @Test
    void scheduleAsJsonListsTheSteps() throws Exception {
        var r = run("queue", "--items", "1", "--schedule", "P1 P1 C1", "--format", "json");
        JsonNode json = FormatOption.MAPPER.readTree(r.out());
        assertThat(json.get("steps")).hasSize(3);
        assertThat(json.get("steps").get(2).get("text").asText()).isEqualTo("q.get() → 1");
        assertThat(json.get("got").asInt()).isEqualTo(1);
        assertThat(json.get("deadlock").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--items 1 --schedule P1,C1 | racelab: step 2: C1 is blocked on get(): the queue is empty",
        "--items 2 --maxsize 1 --schedule P1,P1,P1,P1 | racelab: step 4: P1 is blocked on put(): the queue is full (maxsize 1)",
        "--schedule P1,X9 | racelab: step 2: there is no thread X9 (this run has P1, C1, M)",
        "--items 21 --schedule P1 | racelab: --items must be 1 to 20, not 21 (with --schedule)",
        "--producers 0 | racelab: --producers must be 1 to 16, not 0",
        "--items 1000001 | racelab: --items must be 1 to 1000000, not 1000001",
        "--produce-ms 101 | racelab: --produce-ms must be 0 to 100, not 101",
        "--maxsize -1 | racelab: --maxsize must be 0 to 1000000, not -1",
        "--timeout-ms 0 | racelab: --timeout-ms must be 1 to 3600000, not 0",
        "--mistake oops | racelab: --mistake must be none, shared-list, no-reput, no-task-done, unbounded, not 'oops'",
    })
    void badInputExitsTwoWithOneLine(String args, String message) {
        var r = run(("queue " + args).split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo(message);
    }
}
