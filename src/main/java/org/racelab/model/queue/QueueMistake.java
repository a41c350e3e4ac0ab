package org.racelab.model.queue;

import java.util.Arrays;
import java.util.Optional;

/** The producer–consumer mistakes of Slides 9–10 that RaceLab can switch on, one at a time. */
public enum QueueMistake {
    NONE("none", "No mistake"),
    SHARED_LIST("shared-list", "Shared list instead of a queue"),
    NO_REPUT("no-reput", "Sentinel not put back"),
    NO_TASK_DONE("no-task-done", "Missing task_done()"),
    UNBOUNDED("unbounded", "Unbounded queue (maxsize 0)");

    private final String cliName;
    private final String title;

    QueueMistake(String cliName, String title) {
        this.cliName = cliName;
        this.title = title;
    }

    /** The name on the command line and in files, e.g. {@code no-reput}. */
    public String cliName() {
        return cliName;
    }

    public String title() {
        return title;
    }

    public static Optional<QueueMistake> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.cliName.equalsIgnoreCase(name.strip())).findFirst();
    }

    @Override
    public String toString() {
        return cliName;
    }
}
