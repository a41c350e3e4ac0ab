package org.racelab.ui.explorer;

import org.racelab.model.RaceConfig;
import org.racelab.model.explore.PreemptionCount;
import org.racelab.model.explore.PreemptionProfile;

/** The sentence that reads a preemption table out, e.g. why 2 × 1 never loses without a preemption. */
final class PreemptionWords {

    private PreemptionWords() {
    }

    static String summary(PreemptionProfile p) {
        RaceConfig c = p.config();
        if (p.fewestPreemptionLoss().isEmpty()) {
            return "No schedule loses an update, however often the threads are preempted.";
        }
        int fewest = p.fewestPreemptionLoss().get().preemptions();
        PreemptionCount at = p.counts().get(fewest);
        String needs = fewest == 1 ? "a preemption between a load and its store"
                : "at least " + fewest + " preemptions";
        return String.format("Every lost update in %d threads × %d increment%s needs %s; no schedule with fewer "
                + "loses one. With %d: %s of %s schedules lose.", c.threads(), c.increments(),
                c.increments() == 1 ? "" : "s", needs, fewest, at.losing(), at.schedules());
    }
}
