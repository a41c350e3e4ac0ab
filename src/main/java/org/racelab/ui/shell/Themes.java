package org.racelab.ui.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;

/**
 * Puts RaceLab's stylesheets on a scene: racelab.css (the light theme and every looked-up colour), the chosen
 * theme's overrides, and a one-rule stylesheet that sets the root font size for the zoom.
 *
 * <p>Only these entries are replaced when the theme or zoom changes; stylesheets that parts add stay untouched.
 * The zoom rule is a generated {@code data:} stylesheet, so sizing stays in CSS (everything else is in em).
 */
public final class Themes {

    public static final String BASE_CSS = "racelab.css";
    static final String ZOOM_PREFIX = "data:text/css;charset=utf-8;base64,";

    private Themes() {
    }

    /** The base stylesheet at 100%, light theme. */
    public static void apply(Scene scene) {
        apply(scene, Theme.LIGHT, Zoom.rootFontPx(Zoom.DEFAULT, false));
    }

    public static void apply(Scene scene, Theme theme, double rootFontPx) {
        javafx.collections.ObservableList<String> sheets = scene.getStylesheets();
        List<String> ours = ourSheets(theme, rootFontPx);
        if (sheets.size() >= ours.size() && sheets.subList(0, ours.size()).equals(ours)) {
            return;
        }
        List<String> others = new ArrayList<>(sheets);
        others.removeIf(Themes::isOurs);
        List<String> all = new ArrayList<>(ours);
        all.addAll(others);
        sheets.setAll(all);
    }

    static List<String> ourSheets(Theme theme, double rootFontPx) {
        List<String> ours = new ArrayList<>();
        ours.add(url(BASE_CSS));
        theme.stylesheet().ifPresent(name -> ours.add(url(name)));
        ours.add(zoomSheet(rootFontPx));
        return ours;
    }

    /** A stylesheet with the single rule {@code .root { -fx-font-size: Npx; }}. */
    static String zoomSheet(double rootFontPx) {
        String css = String.format(Locale.ROOT, ".root { -fx-font-size: %.2fpx; }", rootFontPx);
        return ZOOM_PREFIX + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isOurs(String sheet) {
        if (sheet.startsWith(ZOOM_PREFIX) || sheet.equals(url(BASE_CSS))) {
            return true;
        }
        for (Theme t : Theme.values()) {
            if (t.stylesheet().map(Themes::url).filter(sheet::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    static String url(String name) {
        var url = Themes.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + name);
        }
        return url.toExternalForm();
    }
}
