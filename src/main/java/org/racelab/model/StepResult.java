package org.racelab.model;

/** What happened when a thread was asked to step: it stepped, or the step was refused with a reason. */
public sealed interface StepResult {

    /** The step ran: the machine's new state and the step that got there. */
    record Stepped(MachineState state, Step step) implements StepResult {
    }

    /** The step was not allowed; {@code reason} says why, e.g. "thread A is done". */
    record Refused(String reason) implements StepResult {
    }
}
