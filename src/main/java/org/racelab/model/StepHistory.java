package org.racelab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A run being stepped, with unlimited undo and redo: the states and steps so far, plus the steps ahead that redo
 * (or a queued replay) will take. Not thread-safe: the stepper uses it from the JavaFX thread only.
 */
public final class StepHistory {

    private final RaceConfig config;
    private final List<MachineState> states = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private String ahead = "";

    public StepHistory(RaceConfig config) {
        this(config, RaceProgram.COUNT, SwitchRule.ANY);
    }

    /** A fresh history of {@code program} under {@code rule}: a step the rule forbids is refused with its reason. */
    public StepHistory(RaceConfig config, RaceProgram program, SwitchRule rule) {
        this.config = config;
        states.add(MachineState.initial(config, program, rule));
    }

    /** A fresh history for {@code config} with {@code schedule} queued as the redo steps (validated first). */
    public static StepHistory queued(RaceConfig config, Schedule schedule) {
        return queued(config, RaceProgram.COUNT, SwitchRule.ANY, schedule);
    }

    /**
     * A fresh history of {@code program} under {@code rule} with {@code schedule} queued as the redo steps.
     *
     * @throws ScheduleException naming the first step the program or the rule cannot take
     */
    public static StepHistory queued(RaceConfig config, RaceProgram program, SwitchRule rule, Schedule schedule) {
        RunResult.replay(MachineState.initial(config, program, rule), schedule);
        StepHistory h = new StepHistory(config, program, rule);
        h.ahead = schedule.letters();
        return h;
    }

    public RaceConfig config() {
        return config;
    }

    public MachineState current() {
        return states.get(states.size() - 1);
    }

    /** The steps taken so far, oldest first. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The last step taken, or null at the start. */
    public Step lastStep() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    /** The schedule of the steps taken so far. */
    public Schedule schedule() {
        StringBuilder sb = new StringBuilder(steps.size());
        for (Step s : steps) {
            sb.append(s.thread());
        }
        return new Schedule(sb.toString());
    }

    /** The steps redo would take, in order. */
    public Schedule ahead() {
        return new Schedule(ahead);
    }

    public boolean canUndo() {
        return !steps.isEmpty();
    }

    public boolean canRedo() {
        return !ahead.isEmpty();
    }

    /**
     * Steps thread {@code i}. Following the first step ahead keeps the rest of the steps ahead (so a teacher can
     * step a queued schedule with the thread keys); any other step forgets them, as in every editor.
     */
    public StepResult step(int i) {
        StepResult r = current().step(i);
        if (r instanceof StepResult.Stepped s) {
            states.add(s.state());
            steps.add(s.step());
            if (!ahead.isEmpty() && ahead.charAt(0) - 'A' == i) {
                ahead = ahead.substring(1);
            } else {
                ahead = "";
            }
        }
        return r;
    }

    /** Takes back the last step; false if there is none. */
    public boolean undo() {
        if (steps.isEmpty()) {
            return false;
        }
        Step last = steps.remove(steps.size() - 1);
        states.remove(states.size() - 1);
        ahead = last.thread() + ahead;
        return true;
    }

    /** Takes the next step ahead again; empty ahead gives a refusal. */
    public StepResult redo() {
        if (ahead.isEmpty()) {
            return new StepResult.Refused("there is nothing to redo");
        }
        return step(ahead.charAt(0) - 'A');
    }

    /** Goes back to step 0, keeping every step taken and ahead as the steps ahead. */
    public void rewind() {
        while (undo()) {
            // undo moves each step onto the steps ahead
        }
    }

    /** The run so far as one result. */
    public RunResult result() {
        return RunResult.of(current(), steps);
    }
}
