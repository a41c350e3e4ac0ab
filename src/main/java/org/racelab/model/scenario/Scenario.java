package org.racelab.model.scenario;

import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

/** What a scenario file holds: the stepper's settings and the schedule stepped so far. */
public record Scenario(RaceConfig config, Schedule schedule) {

    public Scenario {
        if (config == null || schedule == null) {
            throw new IllegalArgumentException("a scenario needs settings and a schedule");
        }
    }

    /** Slide 8 of the lecture, the scenario a fresh window starts from. */
    public static final Scenario SLIDE_8 = new Scenario(RaceConfig.SLIDE_8, new Schedule("ABBBAA"));
}
