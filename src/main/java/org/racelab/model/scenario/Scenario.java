package org.racelab.model.scenario;

import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.Schedule;
import org.racelab.model.SwitchRule;

/** What a scenario file holds: the stepper's settings, its program and switch rule, and the schedule so far. */
public record Scenario(RaceConfig config, RaceProgram program, SwitchRule rule, Schedule schedule) {

    public Scenario {
        if (config == null || program == null || rule == null || schedule == null) {
            throw new IllegalArgumentException("a scenario needs settings, a program, a switch rule and a schedule");
        }
    }

    /** A scenario of the slides' model: {@code count += 1}, switched at any point. */
    public Scenario(RaceConfig config, Schedule schedule) {
        this(config, RaceProgram.COUNT, SwitchRule.ANY, schedule);
    }

    /** Slide 8 of the lecture, the scenario a fresh window starts from. */
    public static final Scenario SLIDE_8 = new Scenario(RaceConfig.SLIDE_8, new Schedule("ABBBAA"));
}
