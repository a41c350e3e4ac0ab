package org.racelab.model.explore;

import org.racelab.model.Schedule;

/** A complete schedule that loses an update with as few preemptions as any losing schedule can have. */
public record PreemptionWitness(int preemptions, Schedule schedule) {
}
