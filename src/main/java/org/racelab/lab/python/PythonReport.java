package org.racelab.lab.python;

import java.util.List;
import org.racelab.model.RaceProgram;

/** The runs of one program on one Python, with what that Python said about itself. */
public record PythonReport(String interpreter, String version, boolean freeThreaded, RaceProgram program,
        int threads, int increments, List<PythonRun> runs) {

    public PythonReport {
        runs = List.copyOf(runs);
    }

    /** Runs that lost at least one update. */
    public long runsThatLost() {
        return runs.stream().filter(r -> r.lost() > 0).count();
    }
}
