package org.racelab.cli;

import org.racelab.model.RaceConfig;
import org.racelab.model.RaceRange;
import picocli.CommandLine.Option;

/**
 * The race options {@code run} and {@code explore} share: {@code --threads}, {@code --increments}, {@code --start}
 * and {@code --lock}. Each command gives its own defaults through its {@code defaultValueProvider}, so the help
 * shows the right default for each; the ranges are the model's, checked in one place here.
 */
public final class RaceOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads A, B, ...: up to " + RaceRange.MAX_THREADS + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--increments", paramLabel = "K",
            description = "count += 1 per thread: 1 to " + RaceRange.MAX_INCREMENTS
                    + " (default: ${DEFAULT-VALUE}; large races need much time and memory).")
    int increments;

    @Option(names = "--start", paramLabel = "S",
            description = "The counter's start value: " + RaceRange.MIN_START + " to " + RaceRange.MAX_START
                    + " (default: ${DEFAULT-VALUE}).")
    int start;

    @Option(names = "--lock", description = "Hold the lock around each increment (acquire, load, add, store, release).")
    boolean lock;

    /** Supplies a command's own defaults for these options. */
    abstract static class Defaults implements picocli.CommandLine.IDefaultValueProvider {
        private final int threads;
        private final int increments;
        private final int start;

        Defaults(int threads, int increments, int start) {
            this.threads = threads;
            this.increments = increments;
            this.start = start;
        }

        @Override
        public String defaultValue(picocli.CommandLine.Model.ArgSpec arg) {
            if (!(arg instanceof picocli.CommandLine.Model.OptionSpec o)) {
                return null;
            }
            return switch (o.longestName()) {
                case "--threads" -> Integer.toString(threads);
                case "--increments" -> Integer.toString(increments);
                case "--start" -> Integer.toString(start);
                default -> null;
            };
        }
    }

    /** The race these options describe, inside {@code range}; a value outside it is a one-line error. */
    RaceConfig config(RaceRange range) {
        String refusal = range.refusal(threads, increments, start, "--");
        if (refusal != null) {
            throw new UserInputException(refusal);
        }
        return new RaceConfig(threads, increments, start, lock);
    }
}
