package org.racelab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG AA (4.5:1 for text) in all three themes, read from the themes' own CSS: text, muted text, thread letters,
 * lost and ok on the window's backgrounds, and each "-text" colour on the colour it is written on.
 */
class ContrastTest {

    static final double AA_TEXT = 4.5;
    private static final Pattern ROOT = Pattern.compile("\\.root\\s*\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern COLOUR = Pattern.compile("(-rl-[\\w-]+)\\s*:\\s*(#[0-9a-fA-F]{6}|-rl-[\\w-]+)\\s*;");

    /** Foreground on background, by looked-up colour name. */
    static final List<String[]> PAIRS = pairs();

    private static List<String[]> pairs() {
        List<String[]> p = new ArrayList<>();
        for (String bg : List.of("bg", "surface", "field", "base", "highlight", "lost-bg")) {
            p.add(new String[] {"text", bg});
        }
        for (String fg : List.of("muted", "lost", "ok", "thread-a", "thread-b", "thread-c", "thread-d")) {
            p.add(new String[] {fg, "bg"});
            p.add(new String[] {fg, "surface"});
        }
        p.add(new String[] {"lost", "lost-bg"});
        p.add(new String[] {"lost-text", "lost"});
        for (String t : List.of("a", "b", "c", "d")) {
            p.add(new String[] {"thread-" + t + "-text", "thread-" + t});
        }
        return p;
    }

    @Test
    void everyThemeKeepsAaContrastForTextAndThreadLetters() throws IOException {
        Map<String, String> light = rootColours("racelab.css");
        List<String> failures = new ArrayList<>();
        for (String sheet : List.of("racelab.css", "theme-dark.css", "theme-high-contrast.css")) {
            // A theme overrides only some colours; the rest come from the base sheet it is laid over.
            Map<String, String> colours = new LinkedHashMap<>(light);
            colours.putAll(rootColours(sheet));
            for (String[] pair : PAIRS) {
                String fg = resolve(colours, "-rl-" + pair[0]);
                String bg = resolve(colours, "-rl-" + pair[1]);
                double ratio = ratio(fg, bg);
                if (ratio < AA_TEXT) {
                    failures.add(String.format(Locale.ROOT, "%s: %s %s on %s %s is %.2f:1", sheet, pair[0], fg,
                            pair[1], bg, ratio));
                }
            }
        }
        assertThat(failures).as("colour pairs below 4.5:1").isEmpty();
    }

    @Test
    void theRatioFollowsTheWcagFormula() {
        assertThat(ratio("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("#ffffff", "#ffffff")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        // The complaint: Okabe-Ito orange on white fails AA.
        assertThat(ratio("#e69f00", "#ffffff")).isLessThan(AA_TEXT);
    }

    @Test
    void everyPairNamesAColourEachThemeDefines() throws IOException {
        Map<String, String> light = rootColours("racelab.css");
        for (String[] pair : PAIRS) {
            assertThat(light).containsKeys("-rl-" + pair[0], "-rl-" + pair[1]);
        }
    }

    static Map<String, String> rootColours(String sheet) throws IOException {
        String css;
        try (InputStream in = ContrastTest.class.getResourceAsStream(sheet)) {
            assertThat(in).as(sheet).isNotNull();
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        Matcher root = ROOT.matcher(css);
        assertThat(root.find()).as(sheet + " has a .root block").isTrue();
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher m = COLOUR.matcher(root.group(1));
        while (m.find()) {
            colours.put(m.group(1), m.group(2).toLowerCase(Locale.ROOT));
        }
        return colours;
    }

    private static String resolve(Map<String, String> colours, String name) {
        String value = name;
        for (int i = 0; i < 10 && value.startsWith("-rl-"); i++) {
            value = colours.get(value);
            assertThat(value).as("colour " + name).isNotNull();
        }
        return value;
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
