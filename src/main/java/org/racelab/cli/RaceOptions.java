package org.racelab.cli;

import org.racelab.model.RaceConfig;
import picocli.CommandLine.Option;

/**
 * The race options {@code run} and {@code explore} share: {@code --threads}, {@code --increments}, {@code --start}
 * and {@code --lock}. Each command gives its own defaults through its {@code defaultValueProvider}, so the help
 * shows the right default for each; the ranges are the model's, checked in one place here.
 */
public final class RaceOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads A, B, ...: up to " + RaceConfig.MAX_THREADS + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--increments", paramLabel = "K",
            description = "count += 1 per thread: 1 to " + RaceConfig.MAX_INCREMENTS
                    + " (default: ${DEFAULT-VALUE}; large races need much time and memory).")
    int increments;

    @Option(names = "--start", paramLabel = "S",
            description = "The counter's start value: " + RaceConfig.MIN_START + " to " + RaceConfig.MAX_START
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

    /** The race these options describe, at least {@code minThreads} threads; a bad value is a one-line error. */
    RaceConfig config(int minThreads) {
        if (threads < minThreads || threads > RaceConfig.MAX_THREADS) {
            throw new UserInputException("--threads must be " + minThreads + " to " + RaceConfig.MAX_THREADS
                    + ", not " + threads);
        }
        if (increments < 1 || increments > RaceConfig.MAX_INCREMENTS) {
            throw new UserInputException(
                    "--increments must be 1 to " + RaceConfig.MAX_INCREMENTS + ", not " + increments);
        }
        int s = start;
        if (s < RaceConfig.MIN_START || s > RaceConfig.MAX_START) {
            throw new UserInputException("--start must be " + RaceConfig.MIN_START + " to " + RaceConfig.MAX_START
                    + ", not " + s);
        }
        return new RaceConfig(threads, increments, s, lock);
    }
}
