package org.racelab.lab.python;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Python 3 interpreter on this machine: the command that starts it (an argument list, never a shell line). */
public record PythonInterpreter(List<String> command) {

    public PythonInterpreter {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("an interpreter needs a command");
        }
    }

    /** The command as the teacher would type it, for reports. */
    public String shown() {
        return String.join(" ", command);
    }

    /**
     * The interpreter at {@code given}, or else the first of {@code python3}, {@code python} (and the launcher
     * {@code py -3} on Windows) found on the PATH; empty when there is none.
     */
    public static Optional<PythonInterpreter> find(Optional<Path> given) {
        if (given.isPresent()) {
            Path p = given.get();
            return Files.isRegularFile(p) && Files.isExecutable(p)
                    ? Optional.of(new PythonInterpreter(List.of(p.toString())))
                    : Optional.empty();
        }
        return find(System.getenv("PATH"), windows());
    }

    /** The first Python on {@code path} (the PATH variable's value); Windows tries the {@code py} launcher first. */
    static Optional<PythonInterpreter> find(String path, boolean windows) {
        List<List<String>> candidates = new ArrayList<>();
        if (windows) {
            candidates.add(List.of("py", "-3"));
        }
        candidates.add(List.of("python3"));
        candidates.add(List.of("python"));
        for (List<String> candidate : candidates) {
            Optional<Path> exe = onPath(path, candidate.get(0), windows);
            if (exe.isPresent()) {
                List<String> command = new ArrayList<>(candidate);
                command.set(0, exe.get().toString());
                return Optional.of(new PythonInterpreter(command));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String path, String name, boolean windows) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        String file = windows ? name + ".exe" : name;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path p = Path.of(dir, file);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
