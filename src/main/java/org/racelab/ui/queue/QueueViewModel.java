package org.racelab.ui.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.racelab.model.queue.QueueCode;
import org.racelab.model.queue.QueueConfig;
import org.racelab.model.queue.QueueMistake;
import org.racelab.model.queue.QueuePreset;
import org.racelab.model.queue.QueueScenario;
import org.racelab.model.queue.QueueState;
import org.racelab.model.queue.QueueStep;
import org.racelab.model.queue.QueueTrace;

/**
 * The queue part's step mode: the teacher picks which thread takes its next step. Holds the whole run (for
 * unlimited undo and redo), the narration, the seeded random player and the preset; no nodes and no timers: the
 * view calls {@link #pulse()} on each frame and the injected clock decides whether a played step is due.
 */
public final class QueueViewModel {

    /** How often the player takes a step. */
    static final long PLAY_STEP_NANOS = 700_000_000L;

    private final LongSupplier clockNanos;
    /** Every step taken, including those undone; {@link #trace} is a prefix of it. */
    private QueueTrace full;
    private final ReadOnlyObjectWrapper<QueueTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper(this, "narration", "");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(this, "seed");
    private final ReadOnlyObjectWrapper<QueuePreset> preset = new ReadOnlyObjectWrapper<>(this, "preset");
    private final ReadOnlyObjectWrapper<TokenMove> lastMove = new ReadOnlyObjectWrapper<>(this, "lastMove");
    private final ObjectProperty<QueueCode.Language> language =
            new SimpleObjectProperty<>(this, "language", QueueCode.Language.PYTHON);
    private Random random;
    private long lastPlayed;

    public QueueViewModel(LongSupplier clockNanos) {
        this.clockNanos = clockNanos;
        this.seed.set(1);
        loadPreset(QueuePreset.BACKPRESSURE);
    }

    public ReadOnlyObjectProperty<QueueTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public QueueTrace trace() {
        return trace.get();
    }

    public QueueState state() {
        return trace.get().last();
    }

    public QueueConfig config() {
        return trace.get().config();
    }

    public ReadOnlyStringProperty narrationProperty() {
        return narration.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    /** The preset the run comes from, or null once the settings changed. */
    public ReadOnlyObjectProperty<QueuePreset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /**
     * The token the last forward step moved into or out of the queue, for the view to animate; null after a step
     * that moves none, an undo, a reset or a new run.
     */
    public ReadOnlyObjectProperty<TokenMove> lastMoveProperty() {
        return lastMove.getReadOnlyProperty();
    }

    public ObjectProperty<QueueCode.Language> languageProperty() {
        return language;
    }

    /** Loads a preset at step 0 with its schedule ready to redo (Right or Ctrl+Y steps through it). */
    public void loadPreset(QueuePreset p) {
        stopPlaying();
        full = p.trace();
        lastMove.set(null);
        trace.set(full.prefix(0));
        preset.set(p);
        narration.set(p.title() + ": " + p.story() + " Press the thread keys, or Right to follow the story.");
    }

    /** New settings, a fresh run at step 0. */
    public void configure(QueueConfig config) {
        stopPlaying();
        full = QueueTrace.start(config);
        lastMove.set(null);
        trace.set(full);
        preset.set(null);
        narration.set("New run: " + config.describe() + ".");
    }

    /** The same settings with another mistake (maxsize 0 for the unbounded one). */
    public void setMistake(QueueMistake m) {
        QueueConfig c = config();
        int maxsize = m == QueueMistake.UNBOUNDED ? 0 : c.maxsize() == 0 && m != QueueMistake.SHARED_LIST ? 2 : c.maxsize();
        configure(new QueueConfig(c.producers(), c.consumers(), c.items(), maxsize, m));
    }

    /** Steps a thread, or says why it cannot. Returns true if it stepped. */
    public boolean step(int thread) {
        if (thread < 0 || thread >= config().threads()) {
            return false;
        }
        Optional<String> refused = state().refusal(thread);
        if (refused.isPresent()) {
            narration.set("Refused: " + refused.get() + ".");
            return false;
        }
        int at = trace.get().steps().size();
        boolean followsRedo = full.steps().size() > at && full.steps().get(at).thread() == thread;
        QueueTrace next = followsRedo ? full.prefix(at + 1) : trace.get().then(thread);
        if (!followsRedo) {
            full = next;
        }
        show(next);
        return true;
    }

    private void show(QueueTrace t) {
        QueueTrace before = trace.get();
        lastMove.set(before != null && t.steps().size() == before.steps().size() + 1
                ? TokenMove.of(before.last(), t.steps().get(t.steps().size() - 1), t.last()).orElse(null) : null);
        trace.set(t);
        if (t.steps().isEmpty()) {
            narration.set("Step 0: nothing has run yet.");
            return;
        }
        QueueStep last = t.steps().get(t.steps().size() - 1);
        String text = "Step " + last.index() + ": " + config().name(last.thread()) + ": " + last.text() + ".";
        if (last.crash()) {
            text = "Step " + last.index() + ": " + config().name(last.thread()) + " crashed: " + last.text()
                    + ". Another consumer emptied the list between its check and its pop.";
        }
        Optional<String> deadlock = t.deadlock();
        if (deadlock.isPresent()) {
            stopPlaying();
            text += " " + capitalise(deadlock.get()) + ".";
        } else if (t.last().allFinished()) {
            stopPlaying();
            text += " Every thread has finished.";
        }
        narration.set(text);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public boolean canUndo() {
        return !trace.get().steps().isEmpty();
    }

    public boolean canRedo() {
        return full.steps().size() > trace.get().steps().size();
    }

    public void undo() {
        if (canUndo()) {
            show(full.prefix(trace.get().steps().size() - 1));
        }
    }

    public void redo() {
        if (canRedo()) {
            show(full.prefix(trace.get().steps().size() + 1));
        }
    }

    /** Back to step 0; the steps stay for redo. */
    public void reset() {
        stopPlaying();
        show(full.prefix(0));
    }

    /** The next queued step if there is one, otherwise a step of a random runnable thread (seeded). */
    public boolean next() {
        if (canRedo()) {
            redo();
            return true;
        }
        List<Integer> runnable = state().runnable();
        if (runnable.isEmpty()) {
            stopPlaying();
            return false;
        }
        return step(runnable.get(random().nextInt(runnable.size())));
    }

    private Random random() {
        if (random == null) {
            random = new Random(seed.get());
        }
        return random;
    }

    /** A fresh seed for the random player. */
    public void newSeed(long s) {
        seed.set(s);
        random = null;
    }

    public void togglePlay() {
        if (playing.get()) {
            stopPlaying();
        } else if (!state().runnable().isEmpty() || canRedo()) {
            playing.set(true);
            lastPlayed = clockNanos.getAsLong() - PLAY_STEP_NANOS;
        }
    }

    private void stopPlaying() {
        playing.set(false);
    }

    /** Called by the view on each frame: takes a played step when one is due. */
    public void pulse() {
        if (!playing.get()) {
            return;
        }
        long now = clockNanos.getAsLong();
        if (now - lastPlayed >= PLAY_STEP_NANOS) {
            lastPlayed = now;
            if (!next()) {
                stopPlaying();
            }
        }
    }

    /** What a thread is doing, in the slide's words. */
    public String status(int thread) {
        QueueState s = state();
        Optional<String> refused = s.refusal(thread);
        return switch (s.phase(thread)) {
            case DONE -> "done";
            case CRASHED -> "crashed: IndexError";
            case PUT, PUT_SENTINEL, REPUT -> refused.isPresent() ? "blocked on put (queue full)" : "running";
            case GET -> refused.isPresent() ? "blocked on get (queue empty)" : "running";
            case CHECK -> refused.isPresent() ? "spinning: list empty" : "running";
            case PROCESS, TASK_DONE -> "processing item " + s.held(thread);
            case JOIN -> refused.isPresent() ? "waiting in join()" : "running";
            case JOIN_PRODUCERS -> refused.isPresent() ? "waiting for producers" : "running";
            default -> "running";
        };
    }

    /** The run as text for the clipboard: settings, schedule, Markdown timeline, outcome. */
    public String copyText() {
        return trace.get().asText();
    }

    public String scenarioJson() {
        return QueueScenario.toJson(trace.get());
    }

    /**
     * Opens a scenario document; nothing changes if it is refused.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public void openScenario(String json) {
        QueueTrace t = QueueScenario.fromJson(json);
        stopPlaying();
        full = t;
        preset.set(null);
        // A whole run opened at once: no token is in flight.
        full = t;
        trace.set(t.prefix(0));
        show(t);
        lastMove.set(null);
    }

    /** The thread names of every step taken so far. */
    public List<String> schedule() {
        return new ArrayList<>(trace.get().schedule());
    }
}
