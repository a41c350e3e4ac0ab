package org.racelab;

import org.racelab.ui.shell.RaceLabApp;

import java.util.Locale;
import org.racelab.cli.RaceLabCli;

/**
 * Entry point of the runnable jar: with no arguments it opens the window, with arguments it is the command line.
 *
 * <p>It deliberately does not extend {@code javafx.application.Application}: a shaded jar whose main class does
 * fails with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(RaceLabCli.run(args));
        }
        String missing = missingDisplay();
        if (missing != null) {
            System.exit(RaceLabCli.cannotOpenWindow(missing));
        }
        try {
            RaceLabApp.launchAndExit(args);
        } catch (RuntimeException e) {
            // The toolkit could not start (e.g. DISPLAY names a server that is gone): a message, not a trace.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.exit(RaceLabCli.cannotOpenWindow(root.getMessage() == null ? root.toString() : root.getMessage()));
        }
    }

    /** Why a window cannot open here, or null; only Linux without any display is recognised up front. */
    static String missingDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        boolean headlessGlass = System.getProperty("glass.platform") != null;
        if (linux && !headlessGlass && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
            return "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
