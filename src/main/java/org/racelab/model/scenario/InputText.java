package org.racelab.model.scenario;

import java.util.Locale;

/**
 * Quotes what a user typed or a file held inside a one-line message: short, printable, and exact about the
 * character that was wrong (e.g. {@code 'ß' (U+00DF)}), so a message can never grow with its input.
 */
public final class InputText {

    /** The most characters of a bad value a message repeats; longer values end in "…". */
    public static final int MAX_QUOTED = 40;

    private InputText() {
    }

    /** The value in double quotes, control characters escaped, cut to {@value #MAX_QUOTED} characters. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + shorten(value) + "\"";
    }

    /** The value without quotes (e.g. a JSON number or literal), escaped and cut like {@link #quote}. */
    public static String shorten(String value) {
        return shortenTo(value, MAX_QUOTED);
    }

    /** Like {@link #shorten} with another limit: at most {@code max} characters, then "…" if anything is left. */
    public static String shortenTo(String value, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length();) {
            int cp = value.codePointAt(i);
            boolean hidden = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                    || Character.getType(cp) == Character.FORMAT || Character.isSurrogate((char) cp);
            String piece = hidden ? String.format(Locale.ROOT, "\\u%04X", cp) : new String(Character.toChars(cp));
            if (b.length() + piece.length() > max) {
                return b.append('…').toString();
            }
            b.append(piece);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** One character as a user can find it: {@code 'ß' (U+00DF)}, or just the code for an invisible one. */
    public static String character(int codePoint) {
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        boolean visible = !Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)
                && !Character.isSurrogate((char) codePoint) && Character.isDefined(codePoint)
                && Character.getType(codePoint) != Character.FORMAT;
        return visible ? "'" + new String(Character.toChars(codePoint)) + "' (" + code + ")" : code;
    }
}
