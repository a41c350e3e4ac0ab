package org.racelab.lab.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.racelab.model.RaceProgram;

/**
 * Runs a program for real on a Python: the script {@code race.py} shipped in RaceLab is fed to
 * {@code python -} on its standard input (no shell, no temporary script), one process per run, killed at a timeout.
 */
public final class PythonRunner {

    /** The most a run's output may hold; the script prints one short line, so more means something else spoke. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024;
    public static final int MAX_THREADS = 64;
    public static final int MAX_INCREMENTS = 100_000_000;
    public static final int MAX_RUNS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SCRIPT = loadScript();

    private final Duration timeout;

    /** A runner that kills any single run after {@code timeout}. */
    public PythonRunner(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
    }

    /** Runs {@code program} {@code runs} times with {@code threads} threads of {@code increments} increments each. */
    public PythonReport run(PythonInterpreter python, RaceProgram program, int threads, int increments, int runs)
            throws PythonRunException, InterruptedException {
        checkRange("threads", threads, 1, MAX_THREADS);
        checkRange("increments", increments, 1, MAX_INCREMENTS);
        checkRange("runs", runs, 1, MAX_RUNS);
        long expected = (long) threads * increments;
        List<PythonRun> done = new ArrayList<>();
        JsonNode last = null;
        for (int i = 0; i < runs; i++) {
            last = runOnce(python, program, threads, increments);
            done.add(PythonRun.of(expected, last.path("final").asLong(), last.path("seconds").asDouble()));
        }
        String executable = last.path("executable").asText("");
        return new PythonReport(executable.isEmpty() ? python.shown() : executable, last.path("version").asText(),
                last.path("freeThreaded").asBoolean(), program, threads, increments, done);
    }

    private JsonNode runOnce(PythonInterpreter python, RaceProgram program, int threads, int increments)
            throws PythonRunException, InterruptedException {
        List<String> command = new ArrayList<>(python.command());
        command.addAll(List.of("-", program.cliName(), Integer.toString(threads), Integer.toString(increments)));
        Path output = null;
        Process process = null;
        try {
            // Output goes to a file, so a silent or chatty interpreter can never block us on a full pipe.
            output = Files.createTempFile("racelab-python", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(SCRIPT);
            } catch (IOException closedEarly) {
                // A program that is no Python interpreter may exit before reading the script ("Stream closed");
                // its exit code and output, checked below, say more than the broken pipe does.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PythonRunException(python.shown() + " did not finish " + program.cliName() + " within "
                        + timeout.toSeconds() + " s");
            }
            String text = readCapped(output);
            if (process.exitValue() != 0) {
                throw new PythonRunException(python.shown() + " failed (exit " + process.exitValue() + "): "
                        + lastLine(text));
            }
            return parse(python, text);
        } catch (IOException e) {
            throw new PythonRunException("cannot run " + python.shown() + ": " + e.getMessage(), e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A leftover temp file in the temp directory is harmless; the run's result stands.
                }
            }
        }
    }

    private static JsonNode parse(PythonInterpreter python, String text) throws PythonRunException {
        String line = lastLine(text);
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject() || !node.path("final").canConvertToLong()
                    || !node.path("seconds").isNumber() || !node.path("version").isTextual()) {
                throw new PythonRunException(python.shown() + " printed no result: " + line);
            }
            return node;
        } catch (IOException e) {
            throw new PythonRunException(python.shown() + " printed no result: " + line, e);
        }
    }

    private static String readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        String line = lines[lines.length - 1].strip();
        return line.isEmpty() ? "(no output)" : line;
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static byte[] loadScript() {
        try (InputStream in = PythonRunner.class.getResourceAsStream("race.py")) {
            if (in == null) {
                throw new IllegalStateException("race.py is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
