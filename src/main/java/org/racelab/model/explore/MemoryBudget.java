package org.racelab.model.explore;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.racelab.model.RaceConfig;

/**
 * How much memory an exploration may use and who set that limit; refuses a race up front from its
 * {@link StateCountEstimate estimated} size, and again during the forward pass from the states really found.
 */
public record MemoryBudget(long bytes, String source) {

    /** Heap per reachable state over both passes (keys, successor lists, counts): 4 × 5 peaks at 622 MiB for 3.1 M. */
    static final long BYTES_PER_STATE = 210;
    /** The same 622 MiB peak over 4 × 5's 2.26 M estimated states (the estimate undercounts large races). */
    static final long BYTES_PER_ESTIMATED_STATE = 290;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kmgt]?)i?b?", Pattern.CASE_INSENSITIVE);

    public MemoryBudget {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a memory budget must be positive, not " + bytes);
        }
    }

    /** Nineteen twentieths of the JVM's maximum heap (the rest is the program itself). */
    public static MemoryBudget heap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory() / 20 * 19, "the JVM's heap");
    }

    /** {@code requested} bytes, or the heap if that is smaller (more than the heap cannot be used). */
    public static MemoryBudget atMost(long requested, String source) {
        MemoryBudget heap = heap();
        return requested < heap.bytes ? new MemoryBudget(requested, source) : heap;
    }

    /** Parses a size as Java's -Xmx writes it: bytes, or a number with k, m, g or t (powers of 1024), e.g. "6g". */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory size: '" + text + "' (e.g. 512m or 6g)");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long n = Long.parseLong(m.group(1));
        if (n == 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("not a usable memory size: '" + text + "'");
        }
        return n << shift;
    }

    /** Refuses {@code config} before anything is explored when its estimated size does not fit. */
    void checkEstimate(RaceConfig config) {
        double states = StateCountEstimate.canonicalStates(config);
        double need = states * BYTES_PER_ESTIMATED_STATE;
        if (need > bytes) {
            throw new ExplorationTooLargeException(config.sizeText() + " needs about " + readable(need) + " (≈ "
                    + ExplorerNarration.approximately(new BigDecimal(states).toBigInteger()) + " states); the limit is "
                    + readable(bytes) + " (" + source + ")");
        }
    }

    /** Refuses during the forward pass once the states really found do not fit (the estimate can be low). */
    void check(RaceConfig config, long states) {
        if (states * BYTES_PER_STATE > bytes) {
            throw new ExplorationTooLargeException(config.sizeText() + " has more than "
                    + String.format(Locale.ROOT, "%,d", states) + " distinct states, more than fit in "
                    + readable(bytes) + " (" + source + "): choose fewer threads or increments");
        }
    }

    /** "40 GB", "1.9 GB", "620 MB" (powers of 1024, as Java's -Xmx). */
    static String readable(double bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v < 10 && u > 0 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v))
                + " " + units[u];
    }
}
