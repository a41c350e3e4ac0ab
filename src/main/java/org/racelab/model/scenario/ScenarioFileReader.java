package org.racelab.model.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a scenario file's bytes safely: only a regular file (a FIFO, a device or a folder is refused by its type,
 * since {@code Files.size} says 0 for them), at most {@link ScenarioCodec#MAX_FILE_BYTES} bytes, on a daemon thread
 * of its own with a time limit, so the caller (the window's open command, the CLI) can never block for good.
 *
 * <p>Thread safety: each read gets its own thread and hands its bytes back through a {@link CompletableFuture}.
 */
final class ScenarioFileReader {

    /** How long a read may take before it is given up: a local scenario file reads in microseconds. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final String THREAD_NAME = "racelab-scenario-read";

    private ScenarioFileReader() {
    }

    static Scenario read(Path file, Duration timeout) throws ScenarioException {
        String name = InputText.shorten(String.valueOf(file.getFileName()));
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("cannot read " + name + ": there is no such file");
        } catch (IOException | SecurityException e) {
            throw new ScenarioException("cannot read " + name + ": " + why(e));
        }
        if (attributes.isDirectory()) {
            throw new ScenarioException("cannot read " + name + ": it is a folder, not a scenario file");
        }
        if (!attributes.isRegularFile()) {
            throw new ScenarioException("cannot read " + name + ": it is not a regular file (a pipe, device or "
                    + "socket), so it is not a scenario file");
        }
        if (attributes.size() > ScenarioCodec.MAX_FILE_BYTES) {
            throw new ScenarioException("not a scenario file: " + name + " is larger than "
                    + ScenarioCodec.MAX_FILE_BYTES / 1024 + " KB");
        }
        return ScenarioCodec.fromBytes(bytes(file, name, timeout));
    }

    /** The timed read alone, past the file-type check: lets a test prove a swapped-in FIFO cannot hang it. */
    static byte[] readBytesForTest(Path file, Duration timeout) throws ScenarioException {
        return bytes(file, String.valueOf(file.getFileName()), timeout);
    }

    private static byte[] bytes(Path file, String name, Duration timeout) throws ScenarioException {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            // The file may have been swapped for a FIFO since it was checked: read at most one byte past the cap.
            try (InputStream in = Files.newInputStream(file)) {
                result.complete(in.readNBytes((int) ScenarioCodec.MAX_FILE_BYTES + 1));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, THREAD_NAME);
        reader.setDaemon(true);
        reader.start();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // An interrupt ends a blocked channel read; a blocked open() of a FIFO stays a parked daemon thread.
            reader.interrupt();
            throw new ScenarioException("cannot read " + name + ": it gave no end of file within "
                    + timeout.toMillis() + " ms (a pipe or device?)");
        } catch (ExecutionException e) {
            throw new ScenarioException("cannot read " + name + ": " + why(e.getCause()));
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new ScenarioException("cannot read " + name + ": interrupted");
        }
    }

    private static String why(Throwable e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof IOException io ? ScenarioCodec.describe(io) : e.getClass().getSimpleName();
    }
}
