package org.racelab.lab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The truth about one finished lab run, rendered alike by the CLI table, the CLI JSON and the UI table.
 *
 * <p>{@code attempts} is the sum of every task's private increment count; {@code lost = attempts - finalValue}.
 * For a completed run attempts equals {@code expected = tasks x increments}. Nothing here is estimated.
 *
 * @param completionOrder task numbers (0-based) in the order the completion service delivered them
 * @param failure what went wrong for a failed or stopped run, else empty
 */
public record CounterRunResult(
        CounterKind counter,
        int workers,
        int tasks,
        long increments,
        long expected,
        long attempts,
        long finalValue,
        long lost,
        double seconds,
        RunStatus status,
        Optional<String> failure,
        List<Integer> completionOrder) {

    public CounterRunResult {
        completionOrder = List.copyOf(completionOrder);
    }

    /** Lost updates as a percentage of the increments attempted. */
    public double lostPercent() {
        return attempts == 0 ? 0 : 100.0 * lost / attempts;
    }

    /** Attempted increments per second of wall-clock time. */
    public double incrementsPerSecond() {
        return seconds <= 0 ? 0 : attempts / seconds;
    }

    public boolean failed() {
        return status == RunStatus.FAILED;
    }

    /**
     * One line for a teacher, comparing with an unsafe run of the same size if there is one, e.g.
     * {@code "synchronized: 0 lost, 3.1× slower than unsafe"}.
     */
    public String explanation(Optional<CounterRunResult> unsafeBaseline) {
        String name = counter.id();
        if (status == RunStatus.FAILED) {
            return name + ": FAILED - " + failure.orElse("a task failed") + " (figures cover the attempts made)";
        }
        StringBuilder line = new StringBuilder(name).append(": ");
        if (lost == 0) {
            line.append("0 lost");
        } else {
            line.append(String.format(Locale.ROOT, "%,d lost (%.1f%%)", lost, lostPercent()));
            if (counter == CounterKind.UNSAFE || counter == CounterKind.SWITCHABLE) {
                line.append(", overwritten by racing threads");
            }
        }
        unsafeBaseline.filter(b -> b != this && b.counter == CounterKind.UNSAFE && sameSize(b)
                        && b.incrementsPerSecond() > 0 && incrementsPerSecond() > 0)
                .ifPresent(b -> {
                    double factor = b.incrementsPerSecond() / incrementsPerSecond();
                    if (factor >= 1) {
                        line.append(String.format(Locale.ROOT, ", %.1f× slower than unsafe", factor));
                    } else {
                        line.append(String.format(Locale.ROOT, ", %.1f× faster than unsafe", 1 / factor));
                    }
                });
        if (status == RunStatus.STOPPED) {
            line.append(String.format(Locale.ROOT, " (stopped after %,d increments)", attempts));
        }
        return line.toString();
    }

    /** True when the other run had the same workers, tasks and increments, so speeds are comparable. */
    public boolean sameSize(CounterRunResult other) {
        return workers == other.workers && tasks == other.tasks && increments == other.increments;
    }
}
