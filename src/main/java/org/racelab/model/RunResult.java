package org.racelab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A schedule run on a race, as one value that the CLI's table and JSON and the stepper's view all render:
 * the settings, the program and its switch rule, the schedule, every step, and the summary (final, expected, lost,
 * complete). {@code scheduleLength} is the length of every complete schedule of that program (a call or a sleep is
 * a step of its own, so it is longer than {@link RaceConfig#scheduleLength()} for those programs).
 */
public record RunResult(RaceConfig config, RaceProgram program, SwitchRule rule, Schedule schedule, boolean complete,
        int finalValue, int expected, int lost, List<Step> steps, int scheduleLength) {

    public RunResult {
        steps = List.copyOf(steps);
    }

    /** The result of the steps that led to {@code state}. */
    public static RunResult of(MachineState state, List<Step> steps) {
        StringBuilder letters = new StringBuilder(steps.size());
        for (Step s : steps) {
            letters.append(s.thread());
        }
        return new RunResult(state.config(), state.raceProgram(), state.switchRule(), new Schedule(letters.toString()),
                state.complete(), state.counter(), state.expected(), state.lost(), steps, state.scheduleLength());
    }

    /**
     * Replays {@code schedule} from the start of {@code config}.
     *
     * @throws ScheduleException naming the first step that cannot run, e.g. "step 7: thread B is blocked: the lock
     *     is held by A"
     */
    public static RunResult replay(RaceConfig config, Schedule schedule) {
        return replay(MachineState.initial(config), schedule);
    }

    /**
     * Replays {@code schedule} from {@code start}, e.g. a machine running another {@link RaceProgram} under the
     * GIL rule, whose refusals name the switch point a step would need.
     *
     * @throws ScheduleException naming the first step that cannot run
     */
    public static RunResult replay(MachineState start, Schedule schedule) {
        MachineState state = start;
        List<Step> steps = new ArrayList<>(schedule.length());
        for (int i = 0; i < schedule.length(); i++) {
            StepResult r = state.step(schedule.threadAt(i));
            if (r instanceof StepResult.Refused refused) {
                throw new ScheduleException(i + 1, refused.reason());
            }
            StepResult.Stepped stepped = (StepResult.Stepped) r;
            state = stepped.state();
            steps.add(stepped.step());
        }
        return of(state, steps);
    }

    /** The stale stores of this run, in order. */
    public List<LostUpdate> lostUpdates() {
        List<LostUpdate> out = new ArrayList<>();
        for (Step s : steps) {
            s.lostUpdate().ifPresent(out::add);
        }
        return out;
    }

    /** One line: "2 threads × 1 increment, start 5, no lock". */
    public String settingsText() {
        return config.settingsText();
    }

    /** The settings and, unless they are the slide's count += 1 at any point, the program and the switch rule. */
    public String raceText() {
        return settingsText() + (program == RaceProgram.COUNT && rule == SwitchRule.ANY ? ""
                : "; " + program.source() + ", switches at " + rule.title());
    }

    /** The summary sentence: "Expected 7, actual 6, lost 1 (complete)." */
    public String summaryText() {
        return "Expected " + expected + ", actual " + finalValue + ", lost " + lost
                + (complete ? " (complete)." : " (stopped after " + steps.size() + " of "
                + scheduleLength + " steps).");
    }

    /**
     * The run as text for lecture notes: the schedule, a Slide-8-style timeline as a Markdown table (one row per
     * step, one column per thread, then the counter) and the summary.
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("Schedule: `").append(schedule.isEmpty() ? "(none)" : schedule.letters()).append("` (")
                .append(settingsText()).append(")\n\n");
        sb.append("| Step |");
        for (int t = 0; t < config.threads(); t++) {
            sb.append(" Thread ").append(RaceConfig.threadName(t)).append(" |");
        }
        sb.append(" count |\n|---:|");
        for (int t = 0; t < config.threads(); t++) {
            sb.append("---|");
        }
        sb.append("---:|\n");
        sb.append("| 0 |");
        for (int t = 0; t < config.threads(); t++) {
            sb.append(" |");
        }
        sb.append(' ').append(config.start()).append(" |\n");
        for (Step s : steps) {
            sb.append("| ").append(s.index()).append(" |");
            for (int t = 0; t < config.threads(); t++) {
                sb.append(' ');
                if (t == s.threadIndex()) {
                    sb.append(s.cell());
                    if (s.stale()) {
                        sb.append(" **(lost update)**");
                    }
                    sb.append(' ');
                }
                sb.append('|');
            }
            sb.append(' ').append(s.counter()).append(" |\n");
        }
        sb.append('\n');
        for (LostUpdate lu : lostUpdates()) {
            sb.append("- ").append(lu.narration()).append('\n');
        }
        if (!lostUpdates().isEmpty()) {
            sb.append('\n');
        }
        sb.append(summaryText()).append('\n');
        return sb.toString();
    }
}
