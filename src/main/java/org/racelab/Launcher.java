package org.racelab;

import org.racelab.cli.RaceLabCli;
import org.racelab.ui.RaceLabApp;

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
        if (args.length == 0) {
            RaceLabApp.launchAndExit(args);
        } else {
            System.exit(RaceLabCli.run(args));
        }
    }
}
