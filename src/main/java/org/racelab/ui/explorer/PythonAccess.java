package org.racelab.ui.explorer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.racelab.lab.python.PythonInterpreter;
import org.racelab.lab.python.PythonRunner;

/**
 * How the explorer reaches a Python: a finder (which may find none) and a runner. The window uses this computer's
 * PATH; tests inject a finder that finds nothing, or a runner of their own.
 */
public record PythonAccess(Callable<Optional<PythonInterpreter>> finder, PythonTrialsViewModel.Runner runner) {

    /** The longest a single trial may run before its Python process is killed. */
    public static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(30);

    /** python3, python or {@code py -3} from the PATH, run by RaceLab's shipped script. */
    public static PythonAccess onThisComputer() {
        PythonRunner runner = new PythonRunner(TRIAL_TIMEOUT);
        return new PythonAccess(() -> PythonInterpreter.find(Optional.empty()), runner::run);
    }

    /** No Python anywhere: for tests of the notice. */
    public static PythonAccess none() {
        return new PythonAccess(Optional::empty, (python, program, threads, increments, runs) -> {
            throw new IllegalStateException("no Python to run");
        });
    }
}
