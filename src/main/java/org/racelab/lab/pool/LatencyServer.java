package org.racelab.lab.pool;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "external resource" of Slides 2 and 5: a small HTTP server on 127.0.0.1 only, on a free port, that answers
 * each request after a chosen latency and can cap how many requests it serves at once.
 *
 * <p>It counts the requests served and the peak number served at once; a request counts as being served from
 * the moment it passes the cap until its latency is over (before the answer is written, so a client's next
 * request can never be counted while the previous one is still counted).
 *
 * <p>Thread safety: handlers run on the server's own pool; the counters are atomics and the cap a fair
 * {@link Semaphore}, so any thread may read the counts while requests are served.
 */
public final class LatencyServer implements AutoCloseable {

    /** The path tasks fetch; {@code ?ms=N} overrides the latency for one request. */
    public static final String PATH = "/fetch";

    static {
        // Without this the JDK's server writes its answer in two packets and the second waits for the client's
        // delayed ACK (Nagle), adding ~40 ms to every request. The flag is read once, when the server
        // implementation's configuration class loads, so it must be set before the first server is created in
        // this JVM: this class's initializer runs before any of its methods, in the app, the CLI and tests alike.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final int latencyMs;
    private final Semaphore cap;
    private final int capLimit;
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();

    private LatencyServer(int latencyMs, int serverCap) throws IOException {
        this.latencyMs = latencyMs;
        this.capLimit = serverCap;
        this.cap = serverCap > 0 ? new Semaphore(serverCap, true) : null;
        this.handlers = Executors.newCachedThreadPool(PoolThreads.factory("server"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(handlers);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /**
     * Starts a server on 127.0.0.1 on a free port.
     *
     * @param latencyMs  how long each request waits before it is answered, unless the request says otherwise
     * @param serverCap  how many requests are served at once (0 = no cap)
     */
    public static LatencyServer start(int latencyMs, int serverCap) throws IOException {
        return new LatencyServer(latencyMs, serverCap);
    }

    /** Whether the flag that turns Nagle's algorithm off is set for this JVM's HTTP servers. */
    public static boolean noDelay() {
        return Boolean.getBoolean("sun.net.httpserver.nodelay");
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The URL of one request, with its own latency. */
    public URI uri(int task, int latencyMs) {
        return URI.create("http://127.0.0.1:" + address().getPort() + PATH + "?task=" + task + "&ms=" + latencyMs);
    }

    /** How many requests are served at once at most (0 = no cap). */
    public int cap() {
        return capLimit;
    }

    /** Requests answered so far. */
    public long served() {
        return served.get();
    }

    /** The most requests ever being served at the same moment. */
    public int peakConcurrent() {
        return peak.get();
    }

    /** Forgets the peak and the count, for the next run on the same server. */
    public void resetCounts() {
        peak.set(0);
        served.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int ms = latencyOf(exchange.getRequestURI());
        try (exchange) {
            try {
                if (cap != null) {
                    cap.acquire();
                }
                int now = current.incrementAndGet();
                peak.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(ms);
                } finally {
                    current.decrementAndGet();
                    if (cap != null) {
                        cap.release();
                    }
                }
            } catch (InterruptedException e) {
                // The server is closing: answer nothing; the client's request is being abandoned too.
                Thread.currentThread().interrupt();
                return;
            }
            // Counted before the answer leaves: once the client has it, the lab may already reset the counts for
            // its next run, and a count made after that would land in the wrong run.
            served.incrementAndGet();
            byte[] body = ("ok " + ms + "\n").getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private int latencyOf(URI uri) {
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("ms=")) {
                    try {
                        return Math.max(0, Math.min(60_000, Integer.parseInt(pair.substring(3))));
                    } catch (NumberFormatException e) {
                        return latencyMs;
                    }
                }
            }
        }
        return latencyMs;
    }

    /** Stops listening at once, abandons requests still waiting and ends every handler thread (within 200 ms). */
    @Override
    public void close() {
        // A stop usually arrives as an interrupt: clear it while waiting so the waits below really wait.
        boolean interrupted = Thread.interrupted();
        handlers.shutdownNow();
        server.stop(0);
        try {
            handlers.awaitTermination(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
