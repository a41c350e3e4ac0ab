package org.racelab.lab.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatencyServerTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void noThreadLeft() throws Exception {
        assertThat(PoolTestThreads.awaitNone(1_000)).as("left: %s", PoolTestThreads.alive()).isTrue();
    }

    private long fetchMillis(LatencyServer server, int ms) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri(1, ms)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok " + ms + "\n");
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void answersAfterTheLatencyWithinTwentyMilliseconds() throws Exception {
        try (LatencyServer server = LatencyServer.start(100, 0)) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(LatencyServer.noDelay()).isTrue();
            fetchMillis(server, 10); // opens the connection and loads the classes
            long[] took = new long[5];
            for (int i = 0; i < took.length; i++) {
                took[i] = fetchMillis(server, 100);
            }
            Arrays.sort(took);
            // Never before the latency; the fastest within 20 ms of it (with Nagle on, every request took ~40 ms
            // more). The fastest, because a busy shared machine may delay any single request.
            assertThat(took[0]).as("request times %s ms", Arrays.toString(took)).isBetween(100L, 120L);
            assertThat(server.served()).isEqualTo(6);
            assertThat(server.peakConcurrent()).isEqualTo(1);
        }
    }

    @Test
    void theCapLimitsHowManyRequestsAreServedAtOnce() throws Exception {
        try (LatencyServer server = LatencyServer.start(100, 2)) {
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                all.add(client.sendAsync(HttpRequest.newBuilder(server.uri(i, 100)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (var f : all) {
                assertThat(f.get().statusCode()).isEqualTo(200);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(server.peakConcurrent()).isEqualTo(2);
            assertThat(server.served()).isEqualTo(6);
            // Six requests, two at a time, 100 ms each: three rounds.
            assertThat(millis).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void withoutACapEveryRequestIsServedAtOnce() throws Exception {
        try (LatencyServer server = LatencyServer.start(100, 0)) {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                all.add(client.sendAsync(HttpRequest.newBuilder(server.uri(i, 200)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (var f : all) {
                f.get();
            }
            assertThat(server.peakConcurrent()).isEqualTo(6);
        }
    }

    @Test
    void closeStopsListening() throws Exception {
        int port;
        try (LatencyServer server = LatencyServer.start(100, 0)) {
            port = server.address().getPort();
            fetchMillis(server, 10);
        }
        assertThat(PoolTestThreads.awaitNone(1_000)).isTrue();
        boolean refused;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            refused = false;
        } catch (java.io.IOException e) {
            refused = true;
        }
        assertThat(refused).as("port %d still accepts connections", port).isTrue();
    }
}
