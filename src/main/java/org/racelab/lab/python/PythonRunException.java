package org.racelab.lab.python;

/** A Python run that did not finish with a result: it failed to start, timed out, or printed something unreadable. */
public final class PythonRunException extends Exception {

    public PythonRunException(String message) {
        super(message);
    }

    public PythonRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
