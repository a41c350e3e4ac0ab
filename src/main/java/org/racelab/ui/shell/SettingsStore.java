package org.racelab.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Loads and saves {@link Settings} in a {@link Preferences} node.
 *
 * <p>The node's path comes from the system property {@value #NODE_PROPERTY} (default {@value #DEFAULT_NODE}), so
 * tests use their own node and never touch a teacher's preferences. A damaged store never stops the app: each
 * unreadable value falls back to its default and the load reports a warning to show inline; a damaged file is
 * reported once and kept (the JDK alone would rename it, start empty and say nothing).
 *
 * <p>Used from the JavaFX thread only (load at start, save on close and on changes).
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

    /** The name the JDK's file store gives a prefs.xml it could not parse (it then starts empty, silently). */
    static final String JDK_DAMAGED_NAME = "IncorrectFormatPrefs.xml";

    private final String nodePath;
    /** Set when the stored file exists but cannot be read: saving would replace it, so this session does not. */
    private boolean keepStoredFile;

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
            try {
                // Reads the file again if it changed on disk since this JVM cached it (as the JDK's timer would).
                p.sync();
                // The JDK reads (and, if damaged, renames) the file on the node's first use: make that happen now.
                p.keys();
            } catch (BackingStoreException e) {
                warnings.add("the preference store could not be read (" + e.getClass().getSimpleName() + ")");
            }
            Optional<String> damage = damagedFile(p);
            if (damage.isPresent()) {
                // The JDK has already started this node empty; what follows only reads defaults.
                warnings.add(damage.get());
            }
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

    /**
     * Where the JDK's file store (Linux and other Unix) keeps this node's prefs.xml, or empty for another store
     * (the Windows registry, macOS plists) or a node name the JDK would encode.
     */
    Optional<Path> nodeDirectory() {
        if (!Preferences.userRoot().getClass().getName().equals("java.util.prefs.FileSystemPreferences")) {
            return Optional.empty();
        }
        Path dir = Path.of(System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home")), ".java",
                ".userPrefs");
        for (String name : nodePath.split("/")) {
            boolean plain = !name.isEmpty() && name.chars().allMatch(c -> c > 0x1f && c < 0x7f && c != '.' && c != '_');
            if (!plain) {
                return Optional.empty();
            }
            dir = dir.resolve(name);
        }
        return Optional.of(dir);
    }

    /**
     * Finds what the JDK does silently with a damaged file: a prefs.xml it cannot parse (garbage, truncated,
     * empty, random bytes) is renamed {@value #JDK_DAMAGED_NAME} and the node starts empty, and the next damage
     * would overwrite that copy. So the copy is moved to a name of its own and reported once; a prefs.xml that
     * exists but cannot be read is reported and left alone (this session will not save over it).
     */
    private Optional<String> damagedFile(Preferences p) {
        Optional<Path> dir = nodeDirectory();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path renamed = dir.get().resolve(JDK_DAMAGED_NAME);
        if (Files.isRegularFile(renamed)) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
            Path kept = dir.get().resolve("prefs-damaged-" + stamp + ".xml");
            for (int n = 2; Files.exists(kept); n++) {
                kept = dir.get().resolve("prefs-damaged-" + stamp + "-" + n + ".xml");
            }
            try {
                Files.move(renamed, kept);
                return Optional.of("the saved file could not be parsed; it is kept as " + kept);
            } catch (IOException | RuntimeException e) {
                return Optional.of("the saved file could not be parsed; it is kept as " + renamed);
            }
        }
        Path file = dir.get().resolve("prefs.xml");
        if (Files.exists(file) && !(Files.isRegularFile(file) && Files.isReadable(file))) {
            keepStoredFile = true;
            return Optional.of(file + " cannot be read, so it is left as it is and this session saves nothing");
        }
        return Optional.empty();
    }

    /** Saves the settings; returns a warning to show inline if the store cannot be written. */
    public Optional<String> save(Settings settings) {
        if (keepStoredFile) {
            return Optional.of("preferences were not saved: the stored file could not be read and is kept as it is");
        }
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
