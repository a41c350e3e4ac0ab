package org.racelab.model.scenario;

import org.racelab.model.RaceRange;

import java.util.Locale;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

/**
 * Reads a schedule a person typed or a file holds ({@code ABBBAA}, {@code ab bb-aa}), checking every character
 * before any case change: {@code ß} upper-cases to "SS" and an emoji is two chars, so naive checks name the wrong one.
 */
public final class ScheduleText {

    private ScheduleText() {
    }

    /**
     * The schedule, letters A.. up to the given number of threads; spaces, commas and dashes between letters are
     * ignored, lower case is accepted.
     *
     * @throws IllegalArgumentException with a one-line message naming the step and the exact character
     */
    public static Schedule parse(String text, int threads) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || cp == '\t' || cp == ',' || cp == '-') {
                continue;
            }
            int step = letters.length() + 1;
            int upper = cp >= 'a' && cp <= 'z' ? cp - 'a' + 'A' : cp;
            if (upper < 'A' || upper > 'Z') {
                throw new IllegalArgumentException("step " + step + ": " + InputText.character(cp)
                        + " is not a thread letter (use " + range(threads) + ")");
            }
            if (upper - 'A' >= threads) {
                throw new IllegalArgumentException("step " + step + ": there is no thread " + (char) upper + " with "
                        + threads + " threads (use " + range(threads) + ")");
            }
            letters.append((char) upper);
            if (letters.length() > RaceRange.MAX_THREADS * RaceRange.MAX_INCREMENTS * 5) {
                throw new IllegalArgumentException("the schedule is longer than any race's "
                        + RaceRange.MAX_THREADS * RaceRange.MAX_INCREMENTS * 5 + " steps");
            }
        }
        return new Schedule(letters.toString().toUpperCase(Locale.ROOT));
    }

    private static String range(int threads) {
        return threads == 1 ? "A" : "A to " + RaceConfig.threadName(threads - 1);
    }
}
