package org.racelab.model;

/** Ready-made races for the lecture, each a config and a valid schedule the stepper queues to be stepped. */
public enum Preset {
    SLIDE_8("Slide 8: lost update", RaceConfig.SLIDE_8, new Schedule("ABBBAA"),
            "A loads 5, B loads 5 and stores 6, then A stores its stale 6: one update is lost."),
    SLIDE_8_LOCK("Slide 8 with lock", RaceConfig.SLIDE_8.withLock(true), new Schedule("AAAAABBBBB"),
            "A acquires the lock; press B now and it is refused: B is blocked until A stores 6 and releases."
                    + " Then B loads 6 and stores 7."),
    WORST_CASE("Worst case", new RaceConfig(2, 3, 0, false), new Schedule("ABBBBBBAABAAAAAABB"),
            "Two threads × 3 increments end at 2: A's old load wipes out B's work, then B's does the same to A."),
    NO_RACE("No race", RaceConfig.SLIDE_8, new Schedule("AAABBB"),
            "A finishes its increment before B starts: nothing is lost, the counter ends at 7.");

    private final String title;
    private final RaceConfig config;
    private final Schedule schedule;
    private final String description;

    Preset(String title, RaceConfig config, Schedule schedule, String description) {
        this.title = title;
        this.config = config;
        this.schedule = schedule;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public RaceConfig config() {
        return config;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** What the preset shows, in one sentence for the narration line. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return title;
    }
}
