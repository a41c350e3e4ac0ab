package org.racelab.ui.stepper;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.racelab.model.CodeView;
import org.racelab.model.MachineState;
import org.racelab.model.Preset;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.RaceRange;
import org.racelab.model.RandomScheduler;
import org.racelab.model.RunResult;
import org.racelab.model.Schedule;
import org.racelab.model.ScheduleException;
import org.racelab.model.Step;
import org.racelab.model.StepHistory;
import org.racelab.model.StepResult;
import org.racelab.model.SwitchRule;

/**
 * The stepper's state and actions: the run being stepped (with undo/redo), its settings, auto-play and the
 * narration. Every action publishes exactly one {@link StepperSnapshot}. Used on the JavaFX thread only; auto-play
 * ticks on an injected {@link Ticker}, so nothing ever sleeps.
 */
public final class StepperViewModel {

    /** The lecture's range of races: what fits a projected screen. */
    public static final RaceRange RANGE = RaceRange.LECTURE;
    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 10;

    private static final AtomicLong SERIAL = new AtomicLong();

    private final Ticker player;
    private StepHistory history;
    private final ReadOnlyObjectWrapper<StepperSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper ahead = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    /** The seed of the random scheduler that auto-play and random steps use, and its text field. */
    private final SeedSetting seed = new SeedSetting();
    private final ReadOnlyStringWrapper scheduleError = new ReadOnlyStringWrapper("");

    // Settings the view edits directly; changing them restarts the run.
    private final StepperSettings settings = new StepperSettings();
    private final ObjectProperty<CodeView> codeView = new SimpleObjectProperty<>(CodeView.PLAIN);
    private final DoubleProperty speed = new SimpleDoubleProperty(2);
    private final StringProperty scheduleText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Preset> preset = new ReadOnlyObjectWrapper<>();

    /** Auto-play on the JavaFX thread's animation clock. */
    public StepperViewModel() {
        this(new FxTicker());
    }

    /** Auto-play on {@code player}; tests pass one they tick by hand. */
    public StepperViewModel(Ticker player) {
        this.player = player;
        history = new StepHistory(RaceConfig.SLIDE_8);
        publish(Feedback.Kind.INFO, "Press A or B to run one micro-step of that thread; you are the scheduler.");
        ahead.bind(Bindings.createStringBinding(() -> snapshot.get().ahead(), snapshot));

        settings.onUserChange(this::settingsChanged);
        speed.addListener((o, a, b) -> {
            if (playing.get()) {
                player.start(stepsPerSecond(), this::tick);
            }
        });
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /** Everything the stepper shows, replaced once per action. */
    public ReadOnlyObjectProperty<StepperSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    public StepperSnapshot getSnapshot() { return snapshot.get(); }

    /** The queued steps that redo (or the thread keys, in order) will take; follows the snapshot. */
    public ReadOnlyStringProperty aheadProperty() { return ahead.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty startErrorProperty() { return settings.startErrorProperty(); }
    public ReadOnlyStringProperty scheduleErrorProperty() { return scheduleError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty seedErrorProperty() { return seed.error(); }
    public IntegerProperty threadsProperty() { return settings.threads(); }
    public IntegerProperty incrementsProperty() { return settings.increments(); }

    /** The start value as the user typed it; bad text gives {@link #startErrorProperty()} and keeps the run. */
    public StringProperty startTextProperty() { return settings.startText(); }

    public BooleanProperty lockProperty() { return settings.lock(); }

    /** The loop body the threads run; changing it starts a new run with the same settings. */
    public ObjectProperty<RaceProgram> programProperty() { return settings.program(); }

    /** Where a thread may be switched out; under the CPython rule a step at a non-switch point is refused. */
    public ObjectProperty<SwitchRule> switchRuleProperty() { return settings.rule(); }

    public ObjectProperty<CodeView> codeViewProperty() { return codeView; }

    /** Auto-play speed in steps per second, {@link #MIN_SPEED} to {@link #MAX_SPEED}. */
    public DoubleProperty speedProperty() { return speed; }

    /** The preset on show, or null once a replay, a typed schedule or a settings change replaced it. */
    public ReadOnlyObjectProperty<Preset> presetProperty() { return preset.getReadOnlyProperty(); }

    /** The schedule text field's content, for {@link #replayScheduleText()}. */
    public StringProperty scheduleTextProperty() { return scheduleText; }

    /** The seed text field's content, for {@link #applySeedText()}. */
    public StringProperty seedTextProperty() { return seed.text(); }

    public MachineState getState() { return snapshot.get().state(); }

    // ---- the public API other parts call ---------------------------------------------------------------------

    /**
     * Loads {@code config}, goes back to step 0 and queues {@code schedule} as the redo steps, so redo (Ctrl+Y),
     * the thread keys in order, auto-play and "run to completion" step through it.
     *
     * @throws ScheduleException if the schedule cannot run on the config (the message names the step)
     */
    public void replay(RaceConfig newConfig, Schedule newSchedule) {
        replay(newConfig, RaceProgram.COUNT, SwitchRule.ANY, newSchedule);
    }

    /**
     * Like {@link #replay(RaceConfig, Schedule)} for {@code program} under {@code rule}.
     *
     * @throws ScheduleException if the program or the rule cannot take the schedule (the message names the step)
     */
    public void replay(RaceConfig newConfig, RaceProgram program, SwitchRule rule, Schedule newSchedule) {
        load(newConfig, program, rule, newSchedule);
        publish(Feedback.Kind.INFO, "Ready to replay " + (newSchedule.isEmpty() ? "(no steps)" : newSchedule.letters())
                + " on " + history.result().raceText() + ": press the thread keys in order, Ctrl+Y, or play.");
    }

    /** The settings of the run being stepped. */
    public RaceConfig currentConfig() {
        return history.config();
    }

    /** The program of the run being stepped. */
    public RaceProgram currentProgram() {
        return history.current().raceProgram();
    }

    /** The switch rule of the run being stepped. */
    public SwitchRule currentRule() {
        return history.current().switchRule();
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
        report(history.step(index), index);
    }

    /** Runs one step of a thread the seeded random scheduler picks (or the queued next step, if any). */
    public void stepRandom() {
        if (history.canRedo()) {
            redo();
            return;
        }
        OptionalInt next = new RandomScheduler(seed.value()).next(history.current());
        if (next.isEmpty()) {
            stopPlaying();
            publish(Feedback.Kind.INFO, "Every thread is done. " + history.result().summaryText());
            return;
        }
        step(next.getAsInt());
    }

    public void undo() {
        stopPlaying();
        Step last = history.lastStep();
        if (history.undo()) {
            publish(new Feedback(Feedback.Kind.UNDO, "Undid step " + last.index() + " (" + last.thread() + " "
                    + last.op().label() + "). Ctrl+Y takes it again.", last, last.threadIndex(), serial()));
        } else {
            publish(Feedback.Kind.INFO, "Nothing to undo: this is step 0.");
        }
    }

    public void redo() {
        if (!history.canRedo()) {
            publish(Feedback.Kind.INFO, "Nothing to redo.");
            return;
        }
        int next = history.ahead().threadAt(0);
        report(history.redo(), next);
    }

    /** Back to step 0 with the same settings; the steps taken stay available as redo. */
    public void reset() {
        stopPlaying();
        history.rewind();
        publish(Feedback.Kind.INFO, "Reset to step 0 with the same settings"
                + (history.canRedo() ? " (Ctrl+Y replays " + history.ahead().letters() + ")." : "."));
    }

    /** Starts or pauses auto-play with the seeded random scheduler. */
    public void togglePlay() {
        if (playing.get()) {
            stopPlaying();
            publish(Feedback.Kind.INFO, "Paused at step " + history.steps().size() + ".");
        } else if (history.current().complete()) {
            publish(Feedback.Kind.INFO, "Every thread is done: reset (R) to play again.");
        } else {
            String dropped = history.ahead().letters();
            playing.set(true);
            // Play is always the seeded random scheduler (the docs promise it); the queued steps are what
            // Right, Ctrl+Y, the thread keys and "Run to end" take, so the two never look alike.
            publish(Feedback.Kind.INFO, "Playing a seeded random run (seed " + seed.value() + ") from step "
                    + history.steps().size() + (dropped.isEmpty() ? "." : "; the queued steps " + dropped
                    + " are not played (Right or Ctrl+Y steps them)."));
            player.start(stepsPerSecond(), this::tick);
        }
    }

    /** One tick of auto-play: a step of the seeded random scheduler, stopping when the run is complete. */
    void tick() {
        OptionalInt next = new RandomScheduler(seed.value()).next(history.current());
        if (next.isEmpty()) {
            stopPlaying();
            return;
        }
        step(next.getAsInt());
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
        RandomScheduler scheduler = new RandomScheduler(seed.value());
        while (!history.current().complete()) {
            if (history.canRedo()) {
                history.redo();
            } else {
                history.step(scheduler.next(history.current()).orElseThrow());
            }
        }
        int ran = history.steps().size() - before;
        RunResult r = history.result();
        publish(r.lost() > 0 ? Feedback.Kind.LOST : Feedback.Kind.INFO, "Ran " + ran + " more step"
                + (ran == 1 ? "" : "s") + " to the end. " + r.summaryText());
    }

    /** Loads a preset: its settings, with its schedule queued to be stepped. */
    public void loadPreset(Preset chosen) {
        // The lecture's presets are schedules of count += 1 at any point: Slide 8's ABBBAA breaks the GIL rule.
        load(chosen.config(), RaceProgram.COUNT, SwitchRule.ANY, chosen.schedule());
        preset.set(chosen);
        publish(Feedback.Kind.INFO, chosen.title() + ": " + chosen.description() + " Step it with the keys "
                + chosen.schedule().letters() + " (or Ctrl+Y, Right); Space plays a seeded random run instead.");
    }

    /** Replays the schedule typed in the schedule field, or shows why it cannot run. */
    public void replayScheduleText() {
        try {
            replay(history.config(), currentProgram(), currentRule(), Schedule.parse(scheduleText.get()));
            scheduleError.set("");
        } catch (IllegalArgumentException e) {
            scheduleError.set(e.getMessage());
        }
    }

    /** Uses the seed typed in the seed field; bad text gives {@link #seedErrorProperty()}. */
    public void applySeedText() {
        Long typed = seed.parse();
        if (typed != null) {
            setSeed(typed);
        }
    }

    /** Uses {@code newSeed} for random steps from now on. */
    public void setSeed(long newSeed) {
        seed.set(newSeed);
        publish(Feedback.Kind.INFO, "Seed " + newSeed + ": the same seed from step 0 gives the same run.");
    }

    /** Picks a fresh random seed. */
    public void newSeed() {
        setSeed(seed.fresh());
    }

    /** Applies the typed start value (Enter or leaving the field): a valid new value starts a new run. */
    public void commitStart() {
        settingsChanged(null);
    }

    /** Stops auto-play; called when the window closes. */
    public void dispose() {
        stopPlaying();
    }

    // ---- internals -------------------------------------------------------------------------------------------

    /** Loads {@code config} with {@code schedule} queued, without publishing: the caller publishes once. */
    private void load(RaceConfig newConfig, RaceProgram program, SwitchRule rule, Schedule newSchedule) {
        StepHistory queued = StepHistory.queued(newConfig, program, rule, newSchedule);
        stopPlaying();
        settings.load(newConfig, program, rule);
        history = queued;
        preset.set(null);
        scheduleText.set(newSchedule.letters());
        scheduleError.set("");
    }

    private void report(StepResult r, int index) {
        if (r instanceof StepResult.Stepped s) {
            Step step = s.step();
            publish(step.stale()
                    ? new Feedback(Feedback.Kind.LOST, "Step " + step.index() + ": " + step.describe(), step, index,
                            serial())
                    : new Feedback(Feedback.Kind.STEP, "Step " + step.index() + ": " + step.describe() + ".", step,
                            index, serial()));
            if (history.current().complete()) {
                stopPlaying();
            }
        } else {
            String reason = ((StepResult.Refused) r).reason();
            publish(new Feedback(Feedback.Kind.REFUSED, "Cannot step: " + reason + ".", null, index, serial()));
        }
    }

    private void publish(Feedback.Kind kind, String text) {
        publish(new Feedback(kind, text, null, -1, serial()));
    }

    private void publish(Feedback feedback) {
        snapshot.set(new StepperSnapshot(history.config(), history.current(), history.steps(),
                history.schedule().letters(), history.ahead().letters(), history.canUndo(), history.canRedo(),
                feedback));
    }

    private static long serial() {
        return SERIAL.incrementAndGet();
    }

    private void settingsChanged(String why) {
        // The lock switch must always take effect: it keeps the run's start value while the field is wrong.
        RaceConfig c = settings.config(why == null ? null : history.config().start());
        RaceProgram program = settings.program().get();
        SwitchRule rule = settings.rule().get();
        if (c == null || c.equals(history.config()) && why == null) {
            return;
        }
        stopPlaying();
        history = new StepHistory(c, program, rule);
        // A new run owes nothing to what was loaded or typed before: no preset, no old schedule or its error.
        preset.set(null);
        scheduleText.set("");
        scheduleError.set("");
        publish(Feedback.Kind.INFO, (why == null ? "New run" : why + ": the run restarted with the same settings")
                + " (" + history.result().raceText() + ").");
    }

    private double stepsPerSecond() {
        return Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed.get()));
    }
}
