package org.racelab.ui.part;

/**
 * How a part saves and opens its scenario files: a small JSON document whose {@code "racelab"} marker names the
 * part's {@link #kind()}, so the shell knows which part a file belongs to.
 *
 * <p>The shell reads files off the JavaFX thread with a size cap and hands the text to {@link #open(String)} on
 * the JavaFX thread.
 */
public interface ScenarioHooks {

    /** The value of the file's {@code "racelab"} marker, e.g. {@code "scenario"} (the stepper) or {@code "queue"}. */
    String kind();

    /** The part's current run as a scenario document. */
    String save();

    /**
     * Opens a scenario document of this kind, replacing what the part shows.
     *
     * @throws IllegalArgumentException with a one-line message (at most 200 characters) when the document is
     *         invalid or cannot be replayed; the part is then left unchanged
     */
    void open(String json);
}
