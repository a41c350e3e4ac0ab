package org.racelab.ui.stepper;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.util.Duration;
import org.racelab.model.CodeView;
import org.racelab.model.MachineState;
import org.racelab.model.Preset;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceRange;
import org.racelab.model.RandomScheduler;
import org.racelab.model.RunResult;
import org.racelab.model.Schedule;
import org.racelab.model.ScheduleException;
import org.racelab.model.Step;
import org.racelab.model.StepHistory;
import org.racelab.model.StepResult;

/**
 * The stepper's state and actions: the run being stepped (with undo/redo), its settings, auto-play and the
 * narration. Used on the JavaFX thread only; auto-play ticks on a {@link Timeline}, so nothing ever sleeps.
 */
public final class StepperViewModel {

    /** The range of the settings the stepper offers; the model accepts more (the CLI uses it). */
    public static final RaceRange RANGE = RaceRange.LECTURE;
    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 10;

    /** What the narration line says and why: the view styles and animates by kind. */
    public record Feedback(Kind kind, String text, Step step, int thread, long serial) {

        /** Kinds of feedback: plain information, a step, a step that lost an update, a refused step. */
        public enum Kind { INFO, STEP, LOST, REFUSED, UNDO }
    }

    private static final AtomicLong SERIAL = new AtomicLong();

    private StepHistory history;
    private final ReadOnlyObjectWrapper<RaceConfig> config = new ReadOnlyObjectWrapper<>(RaceConfig.SLIDE_8);
    private final ReadOnlyObjectWrapper<MachineState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyListWrapper<Step> steps = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper ahead = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper schedule = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scheduleError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper("");

    // Settings the view edits directly; changing them restarts the run.
    private final IntegerProperty threads = new SimpleIntegerProperty(RaceConfig.SLIDE_8.threads());
    private final IntegerProperty increments = new SimpleIntegerProperty(RaceConfig.SLIDE_8.increments());
    private final StringProperty startText = new SimpleStringProperty(String.valueOf(RaceConfig.SLIDE_8.start()));
    private final BooleanProperty lock = new SimpleBooleanProperty(RaceConfig.SLIDE_8.lock());
    private final ObjectProperty<CodeView> codeView = new SimpleObjectProperty<>(CodeView.PLAIN);
    private final DoubleProperty speed = new SimpleDoubleProperty(2);
    private final StringProperty scheduleText = new SimpleStringProperty("");
    private final StringProperty seedText = new SimpleStringProperty("");

    private final Timeline player = new Timeline();
    private boolean applying;

    public StepperViewModel() {
        long initialSeed = 1 + Math.floorMod(System.nanoTime(), 9999L);
        seed.set(initialSeed);
        seedText.set(String.valueOf(initialSeed));
        history = new StepHistory(RaceConfig.SLIDE_8);
        publish();
        say(Feedback.Kind.INFO, "Press A or B to run one micro-step of that thread; you are the scheduler.", null, -1);

        threads.addListener((o, a, b) -> settingsChanged(null));
        increments.addListener((o, a, b) -> settingsChanged(null));
        // Typing only checks the value; Enter or leaving the field applies it, so "500" on the way to "5000" does
        // not restart the run under the teacher's hands.
        startText.addListener((o, a, b) -> parseStart());
        lock.addListener((o, a, on) -> settingsChanged(on ? "Lock switched on" : "Lock switched off"));

        player.setCycleCount(Animation.INDEFINITE);
        speed.addListener((o, a, b) -> restartPlayerFrames());
        restartPlayerFrames();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<RaceConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MachineState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The steps taken so far, oldest first. */
    public ReadOnlyListProperty<Step> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The queued steps that redo (or the thread keys, in order) will take. */
    public ReadOnlyStringProperty aheadProperty() {
        return ahead.getReadOnlyProperty();
    }

    /** The schedule of the steps taken so far, as letters. */
    public ReadOnlyStringProperty scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The seed of the random scheduler that auto-play and random steps use. */
    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startErrorProperty() {
        return startError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scheduleErrorProperty() {
        return scheduleError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError.getReadOnlyProperty();
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public IntegerProperty incrementsProperty() {
        return increments;
    }

    /** The start value as the user typed it; bad text gives {@link #startErrorProperty()} and keeps the run. */
    public StringProperty startTextProperty() {
        return startText;
    }

    public BooleanProperty lockProperty() {
        return lock;
    }

    public ObjectProperty<CodeView> codeViewProperty() {
        return codeView;
    }

    /** Auto-play speed in steps per second, {@link #MIN_SPEED} to {@link #MAX_SPEED}. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The schedule text field's content, for {@link #replayScheduleText()}. */
    public StringProperty scheduleTextProperty() {
        return scheduleText;
    }

    /** The seed text field's content, for {@link #applySeedText()}. */
    public StringProperty seedTextProperty() {
        return seedText;
    }

    public MachineState getState() {
        return state.get();
    }

    public Feedback getFeedback() {
        return feedback.get();
    }

    // ---- the public API other parts call ---------------------------------------------------------------------

    /**
     * Loads {@code config}, goes back to step 0 and queues {@code schedule} as the redo steps, so redo (Ctrl+Y),
     * the thread keys in order, auto-play and "run to completion" step through it.
     *
     * @throws ScheduleException if the schedule cannot run on the config (the message names the step)
     */
    public void replay(RaceConfig newConfig, Schedule newSchedule) {
        StepHistory queued = StepHistory.queued(newConfig, newSchedule);
        stopPlaying();
        loadSettings(newConfig);
        history = queued;
        scheduleText.set(newSchedule.letters());
        scheduleError.set("");
        publish();
        say(Feedback.Kind.INFO, "Ready to replay " + (newSchedule.isEmpty() ? "(no steps)" : newSchedule.letters())
                + " on " + RunResult.of(history.current(), history.steps()).settingsText()
                + ": press the thread keys in order, Ctrl+Y, or play.", null, -1);
    }

    /** The settings of the run being stepped. */
    public RaceConfig currentConfig() {
        return history.config();
    }

    /** The schedule of the steps taken so far. */
    public Schedule currentSchedule() {
        return history.schedule();
    }

    /** The run as text for lecture notes: the schedule, the Slide-8-style timeline in Markdown, the summary. */
    public String runAsText() {
        return history.result().toMarkdown();
    }

    /** The run so far as one result (what the CLI prints for the same schedule). */
    public RunResult currentResult() {
        return history.result();
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    /** Runs one micro-step of thread {@code index}, or says why it cannot. */
    public void step(int index) {
        StepResult r = history.step(index);
        report(r, index);
    }

    /** Runs one step of a thread the seeded random scheduler picks (or the queued next step, if any). */
    public void stepRandom() {
        if (history.canRedo()) {
            redo();
            return;
        }
        OptionalInt next = new RandomScheduler(seed.get()).next(history.current());
        if (next.isEmpty()) {
            stopPlaying();
            say(Feedback.Kind.INFO, "Every thread is done. " + history.result().summaryText(), null, -1);
            return;
        }
        step(next.getAsInt());
    }

    public void undo() {
        stopPlaying();
        Step last = history.lastStep();
        if (history.undo()) {
            publish();
            say(Feedback.Kind.UNDO, "Undid step " + last.index() + " (" + last.thread() + " " + last.op().label()
                    + "). Ctrl+Y takes it again.", last, last.threadIndex());
        } else {
            say(Feedback.Kind.INFO, "Nothing to undo: this is step 0.", null, -1);
        }
    }

    public void redo() {
        if (!history.canRedo()) {
            say(Feedback.Kind.INFO, "Nothing to redo.", null, -1);
            return;
        }
        int next = history.ahead().threadAt(0);
        report(history.redo(), next);
    }

    /** Back to step 0 with the same settings; the steps taken stay available as redo. */
    public void reset() {
        stopPlaying();
        history.rewind();
        publish();
        say(Feedback.Kind.INFO, "Reset to step 0 with the same settings"
                + (history.canRedo() ? " (Ctrl+Y replays " + history.ahead().letters() + ")." : "."), null, -1);
    }

    /** Starts or pauses auto-play with the seeded random scheduler. */
    public void togglePlay() {
        if (playing.get()) {
            stopPlaying();
            say(Feedback.Kind.INFO, "Paused at step " + history.steps().size() + ".", null, -1);
        } else if (history.current().complete()) {
            say(Feedback.Kind.INFO, "Every thread is done: reset (R) to play again.", null, -1);
        } else {
            playing.set(true);
            player.play();
        }
    }

    /** One tick of auto-play: a random step, stopping when the run is complete. */
    void tick() {
        stepRandom();
        if (history.current().complete()) {
            stopPlaying();
        }
    }

    public void stopPlaying() {
        player.stop();
        playing.set(false);
    }

    /** Runs every remaining step at once: the queued steps first, then the seeded random scheduler. */
    public void runToCompletion() {
        stopPlaying();
        int before = history.steps().size();
        RandomScheduler scheduler = new RandomScheduler(seed.get());
        while (!history.current().complete()) {
            if (history.canRedo()) {
                history.redo();
            } else {
                history.step(scheduler.next(history.current()).orElseThrow());
            }
        }
        publish();
        int ran = history.steps().size() - before;
        RunResult r = history.result();
        say(r.lost() > 0 ? Feedback.Kind.LOST : Feedback.Kind.INFO, "Ran " + ran + " more step"
                + (ran == 1 ? "" : "s") + " to the end. " + r.summaryText(), null, -1);
    }

    /** Loads a preset: its settings, with its schedule queued to be stepped. */
    public void loadPreset(Preset preset) {
        replay(preset.config(), preset.schedule());
        say(Feedback.Kind.INFO, preset.title() + ": " + preset.description() + " Step it with "
                + describeKeys(preset.schedule()) + ".", null, -1);
    }

    private static String describeKeys(Schedule s) {
        return "the keys " + s.letters() + " (or Ctrl+Y)";
    }

    /** Replays the schedule typed in the schedule field, or shows why it cannot run. */
    public void replayScheduleText() {
        try {
            Schedule parsed = Schedule.parse(scheduleText.get());
            RaceConfig c = history.config();
            replay(c, parsed);
            scheduleError.set("");
        } catch (IllegalArgumentException e) {
            scheduleError.set(e.getMessage());
        }
    }

    /** Uses the seed typed in the seed field; bad text gives {@link #seedErrorProperty()}. */
    public void applySeedText() {
        try {
            setSeed(Long.parseLong(seedText.get().strip()));
        } catch (NumberFormatException e) {
            seedError.set("The seed must be a whole number, not \"" + seedText.get().strip() + "\".");
        }
    }

    /** Uses {@code newSeed} for random steps from now on. */
    public void setSeed(long newSeed) {
        seed.set(newSeed);
        seedText.set(String.valueOf(newSeed));
        seedError.set("");
        say(Feedback.Kind.INFO, "Seed " + newSeed + ": the same seed from step 0 gives the same run.", null, -1);
    }

    /** Picks a fresh random seed. */
    public void newSeed() {
        setSeed(1 + Math.floorMod(System.nanoTime() * 31 + seed.get(), 99_999L));
    }

    /** Stops auto-play; called when the window closes. */
    public void dispose() {
        stopPlaying();
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void report(StepResult r, int index) {
        if (r instanceof StepResult.Stepped s) {
            publish();
            Step step = s.step();
            if (step.stale()) {
                say(Feedback.Kind.LOST, "Step " + step.index() + ": " + step.describe(), step, index);
            } else {
                say(Feedback.Kind.STEP, "Step " + step.index() + ": " + step.describe() + ".", step, index);
            }
            if (history.current().complete()) {
                stopPlaying();
            }
        } else {
            String reason = ((StepResult.Refused) r).reason();
            say(Feedback.Kind.REFUSED, "Cannot step: " + reason + ".", null, index);
        }
    }

    private void say(Feedback.Kind kind, String text, Step step, int thread) {
        feedback.set(new Feedback(kind, text, step, thread, SERIAL.incrementAndGet()));
    }

    private void publish() {
        // The state goes last: views redraw on it and read the rest.
        steps.setAll(history.steps());
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        ahead.set(history.ahead().letters());
        schedule.set(history.schedule().letters());
        config.set(history.config());
        state.set(history.current());
    }

    /** Sets the setting properties to {@code c} without each one restarting the run. */
    private void loadSettings(RaceConfig c) {
        applying = true;
        try {
            threads.set(c.threads());
            increments.set(c.increments());
            startText.set(String.valueOf(c.start()));
            lock.set(c.lock());
            startError.set("");
        } finally {
            applying = false;
        }
    }

    private void settingsChanged(String why) {
        if (applying) {
            return;
        }
        Integer start = parseStart();
        if (start == null) {
            if (why == null) {
                return;
            }
            // The lock switch must always take effect: keep the run's start value while the field is wrong.
            start = history.config().start();
        }
        int t = RANGE.clampThreads(threads.get());
        int k = RANGE.clampIncrements(increments.get());
        RaceConfig c = new RaceConfig(t, k, start, lock.get());
        if (c.equals(history.config()) && why == null) {
            return;
        }
        stopPlaying();
        history = new StepHistory(c);
        publish();
        RunResult r = history.result();
        say(Feedback.Kind.INFO, (why == null ? "New run" : why + ": the run restarted with the same settings")
                + " (" + r.settingsText() + ").", null, -1);
    }

    /** The typed start value, or null with {@link #startErrorProperty()} saying what is wrong. */
    private Integer parseStart() {
        String text = startText.get() == null ? "" : startText.get().strip();
        int start;
        try {
            start = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            startError.set("Start must be a whole number from " + RANGE.startText() + ".");
            return null;
        }
        if (!RANGE.containsStart(start)) {
            startError.set("Start must be " + RANGE.startText() + ", not " + start + ".");
            return null;
        }
        startError.set("");
        return start;
    }

    /** Applies the typed start value (Enter or leaving the field): a valid new value starts a new run. */
    public void commitStart() {
        settingsChanged(null);
    }

    private void restartPlayerFrames() {
        boolean wasPlaying = playing.get();
        player.stop();
        double perSecond = Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed.get()));
        player.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / perSecond), e -> tick()));
        if (wasPlaying) {
            player.play();
        }
    }
}
