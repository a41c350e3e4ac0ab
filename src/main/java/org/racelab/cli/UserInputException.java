package org.racelab.cli;

/** Bad input from the user: reported as one line on stderr with exit code 2, never as a stack trace. */
public final class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }
}
