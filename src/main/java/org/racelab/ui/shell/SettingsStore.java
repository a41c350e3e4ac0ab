package org.racelab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Loads and saves {@link Settings} in a {@link Preferences} node.
 *
 * <p>The node's path comes from the system property {@value #NODE_PROPERTY} (default {@value #DEFAULT_NODE}), so
 * tests use their own node and never touch a teacher's preferences. A damaged store never stops the app: each
 * unreadable value falls back to its default and the load reports a warning to show inline.
 */
public final class SettingsStore {

    public static final String NODE_PROPERTY = "racelab.prefs.node";
    public static final String DEFAULT_NODE = "racelab";

    static final String THEME = "theme";
    static final String ZOOM = "zoom";
    static final String LAST_SCENARIO = "lastScenario";
    static final String WINDOW_X = "window.x";
    static final String WINDOW_Y = "window.y";
    static final String WINDOW_WIDTH = "window.width";
    static final String WINDOW_HEIGHT = "window.height";
    static final String WINDOW_MAXIMIZED = "window.maximized";
    /** Smaller than this is not a window anyone meant to keep. */
    static final double MIN_WINDOW = 200;

    /** The outcome of a load: the settings to use and what, if anything, had to be replaced by defaults. */
    public record Loaded(Settings settings, List<String> warnings) {
    }

    private final String nodePath;

    public SettingsStore(String nodePath) {
        this.nodePath = nodePath;
    }

    /** The store named by {@value #NODE_PROPERTY}. */
    public static SettingsStore forUser() {
        return new SettingsStore(System.getProperty(NODE_PROPERTY, DEFAULT_NODE));
    }

    public String nodePath() {
        return nodePath;
    }

    Preferences node() {
        return Preferences.userRoot().node(nodePath);
    }

    public Loaded load() {
        List<String> warnings = new ArrayList<>();
        try {
            Preferences p = node();
            Theme theme = Theme.LIGHT;
            String themeName = p.get(THEME, null);
            if (themeName != null) {
                Optional<Theme> parsed = Theme.parse(themeName);
                if (parsed.isPresent()) {
                    theme = parsed.get();
                } else {
                    warnings.add("unknown theme \"" + themeName + "\"");
                }
            }
            int zoom = Zoom.DEFAULT;
            String zoomText = p.get(ZOOM, null);
            if (zoomText != null) {
                try {
                    int z = Integer.parseInt(zoomText.trim());
                    if (z < Zoom.MIN || z > Zoom.MAX) {
                        warnings.add("zoom " + z + "% is outside " + Zoom.MIN + "–" + Zoom.MAX + "%");
                    } else {
                        zoom = z;
                    }
                } catch (NumberFormatException e) {
                    warnings.add("zoom \"" + zoomText + "\" is not a number");
                }
            }
            Optional<String> scenario = Optional.ofNullable(p.get(LAST_SCENARIO, null)).filter(s -> !s.isBlank());
            Optional<Settings.WindowPlace> window = loadWindow(p, warnings);
            return new Loaded(new Settings(theme, zoom, scenario, window), List.copyOf(warnings));
        } catch (RuntimeException e) {
            // A store the JDK cannot read (damaged file, removed node, no permission): start clean, say so.
            return new Loaded(Settings.DEFAULTS, List.of("the preference store could not be read (" + e.getClass()
                    .getSimpleName() + ")"));
        }
    }

    private static Optional<Settings.WindowPlace> loadWindow(Preferences p, List<String> warnings) {
        String w = p.get(WINDOW_WIDTH, null);
        if (w == null) {
            return Optional.empty();
        }
        try {
            double x = Double.parseDouble(p.get(WINDOW_X, "0"));
            double y = Double.parseDouble(p.get(WINDOW_Y, "0"));
            double width = Double.parseDouble(w);
            double height = Double.parseDouble(p.get(WINDOW_HEIGHT, ""));
            boolean finite = Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width)
                    && Double.isFinite(height);
            if (!finite || width < MIN_WINDOW || height < MIN_WINDOW || width > 100_000 || height > 100_000) {
                warnings.add("the saved window size " + w + " × " + p.get(WINDOW_HEIGHT, "?") + " is unusable");
                return Optional.empty();
            }
            String max = p.get(WINDOW_MAXIMIZED, "false");
            if (!max.equals("true") && !max.equals("false")) {
                warnings.add("window.maximized \"" + max + "\" is not true or false");
            }
            return Optional.of(new Settings.WindowPlace(x, y, width, height, max.equals("true")));
        } catch (NumberFormatException e) {
            warnings.add("the saved window position or size is not a number");
            return Optional.empty();
        }
    }

    /** Saves the settings; returns a warning to show inline if the store cannot be written. */
    public Optional<String> save(Settings settings) {
        try {
            Preferences p = node();
            p.put(THEME, settings.theme().name().toLowerCase(java.util.Locale.ROOT));
            p.putInt(ZOOM, settings.zoom());
            if (settings.lastScenario().isPresent()
                    && settings.lastScenario().get().length() <= Preferences.MAX_VALUE_LENGTH) {
                p.put(LAST_SCENARIO, settings.lastScenario().get());
            } else {
                p.remove(LAST_SCENARIO);
            }
            if (settings.window().isPresent()) {
                Settings.WindowPlace w = settings.window().get();
                p.putDouble(WINDOW_X, w.x());
                p.putDouble(WINDOW_Y, w.y());
                p.putDouble(WINDOW_WIDTH, w.width());
                p.putDouble(WINDOW_HEIGHT, w.height());
                p.putBoolean(WINDOW_MAXIMIZED, w.maximized());
            }
            p.flush();
            return Optional.empty();
        } catch (BackingStoreException | RuntimeException e) {
            return Optional.of("preferences could not be saved (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Forgets everything stored; for tests and a future "reset preferences". */
    public void clear() {
        try {
            node().clear();
            node().flush();
        } catch (BackingStoreException | RuntimeException e) {
            // Nothing stored that can be removed: there is nothing to clear.
        }
    }
}
