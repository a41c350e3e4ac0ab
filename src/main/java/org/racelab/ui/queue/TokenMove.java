package org.racelab.ui.queue;

import java.util.Optional;
import org.racelab.model.queue.QueueState;
import org.racelab.model.queue.QueueStep;

/**
 * One item token travelling on screen after a step: from a thread into the queue's slot {@code slot} (a put, a
 * sentinel put or re-put) or out of slot {@code slot} into the thread's hand (a get or a pop). {@code step} tells
 * two equal moves apart.
 */
public record TokenMove(int step, int thread, int item, int slot, boolean intoQueue) {

    /** The move a step made, if it moved an item; {@code before} and {@code after} are the states around it. */
    static Optional<TokenMove> of(QueueState before, QueueStep step, QueueState after) {
        if (step.crash()) {
            return Optional.empty();
        }
        return switch (step.op()) {
            case PUT, PUT_SENTINEL, REPUT_SENTINEL -> Optional.of(
                    new TokenMove(step.index(), step.thread(), step.item(), after.length() - 1, true));
            case GET -> Optional.of(new TokenMove(step.index(), step.thread(), step.item(), 0, false));
            case POP -> Optional.of(
                    new TokenMove(step.index(), step.thread(), step.item(), before.length() - 1, false));
            default -> Optional.empty();
        };
    }
}
