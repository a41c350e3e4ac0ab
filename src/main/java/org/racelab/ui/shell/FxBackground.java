package org.racelab.ui.shell;

import javafx.application.Platform;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.ThreadedBackgroundExecutor;

/** Creates background executors that hand their results to the JavaFX application thread. */
public final class FxBackground {

    private FxBackground() {
    }

    public static BackgroundExecutor create(String threadName) {
        return new ThreadedBackgroundExecutor(threadName, Platform::runLater);
    }
}
