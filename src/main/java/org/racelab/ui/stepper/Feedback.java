package org.racelab.ui.stepper;

import org.racelab.model.Step;

/**
 * What the stepper's narration line says and why: the view styles and animates by kind. {@code serial} makes
 * every piece of feedback distinct, so saying the same thing twice is still news.
 */
public record Feedback(Kind kind, String text, Step step, int thread, long serial) {

    /** Kinds of feedback: plain information, a step, a step that lost an update, a refused step, an undo. */
    public enum Kind { INFO, STEP, LOST, REFUSED, UNDO }
}
