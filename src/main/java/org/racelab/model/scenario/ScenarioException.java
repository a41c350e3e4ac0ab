package org.racelab.model.scenario;

/** A scenario file that cannot be read or used; the message says why in words a teacher understands. */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
