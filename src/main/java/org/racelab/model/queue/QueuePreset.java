package org.racelab.model.queue;

import java.util.List;

/** The step model's ready-made runs: the two stories of Slides 9–10 and one per mistake, each with its schedule. */
public enum QueuePreset {
    BACKPRESSURE("Backpressure", new QueueConfig(1, 1, 6, 2, QueueMistake.NONE),
            "P1,P1,P1,P1,P1",
            "The producer is fast, the consumer slow, maxsize 2: after two puts the producer blocks on put()."),
    SENTINEL("Sentinel", new QueueConfig(1, 3, 2, 2, QueueMistake.NONE),
            "P1,P1,P1,P1,P1,C1,C1,C1,C2,C2,C2,M,M,M,C1,C1,C1,C2,C2,C2,C3,C3,C3,M",
            "Main joins, then puts one None; each consumer gets it, puts it back and exits, one after another."),
    SHARED_LIST("Mistake: shared list", new QueueConfig(1, 2, 1, 0, QueueMistake.SHARED_LIST),
            "P1,P1,C1,C2,C1,C2",
            "Both consumers see one item in the list; the second pop() fails with IndexError."),
    NO_REPUT("Mistake: sentinel not put back", new QueueConfig(1, 3, 1, 2, QueueMistake.NO_REPUT),
            "P1,P1,P1,C1,C1,C1,M,M,M,C1,C1,M",
            "C1 takes the only None and exits; C2 and C3 wait on get() forever."),
    NO_TASK_DONE("Mistake: missing task_done()", new QueueConfig(1, 2, 2, 2, QueueMistake.NO_TASK_DONE),
            "P1,P1,P1,P1,P1,C1,C1,C2,C2,M",
            "Nobody calls task_done(), so main's join() never returns."),
    UNBOUNDED("Mistake: unbounded queue", new QueueConfig(1, 1, 8, 0, QueueMistake.UNBOUNDED),
            "P1,P1,P1,P1,P1,P1,P1,P1,P1,P1,P1,P1,P1,P1,P1,P1",
            "maxsize 0: the fast producer never blocks and the queue grows to all 8 items.");

    private final String title;
    private final QueueConfig config;
    private final String schedule;
    private final String story;

    QueuePreset(String title, QueueConfig config, String schedule, String story) {
        this.title = title;
        this.config = config;
        this.schedule = schedule;
        this.story = story;
    }

    public String title() {
        return title;
    }

    public QueueConfig config() {
        return config;
    }

    public List<String> schedule() {
        return QueueTrace.parseSchedule(schedule);
    }

    /** One sentence the narration says when the preset is chosen. */
    public String story() {
        return story;
    }

    /** The whole preset run (every step replayed). */
    public QueueTrace trace() {
        try {
            return QueueTrace.replay(config, schedule());
        } catch (QueueScheduleException e) {
            throw new IllegalStateException("preset " + title + " does not replay: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return title;
    }
}
