package org.racelab.model.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run of the step model: the settings, every step taken and the state after each (state 0 is the start).
 * Immutable; {@link #then(int)} returns a longer trace.
 */
public final class QueueTrace {

    private final QueueConfig config;
    private final List<QueueStep> steps;
    private final List<QueueState> states;

    private QueueTrace(QueueConfig config, List<QueueStep> steps, List<QueueState> states) {
        this.config = config;
        this.steps = steps;
        this.states = states;
    }

    public static QueueTrace start(QueueConfig config) {
        return new QueueTrace(config, List.of(), List.of(QueueState.start(config)));
    }

    /**
     * Replays thread names such as {@code P1,C1,C1,M} from the start.
     *
     * @throws QueueScheduleException naming the first step that names no thread or a thread that cannot step
     */
    public static QueueTrace replay(QueueConfig config, List<String> schedule) throws QueueScheduleException {
        QueueTrace trace = start(config);
        for (String name : schedule) {
            int index = trace.steps.size() + 1;
            int thread = config.thread(name).orElseThrow(() -> new QueueScheduleException(index,
                    "there is no thread " + name.strip() + " (this run has " + String.join(", ", config.names()) + ")"));
            Optional<String> refused = trace.last().refusal(thread);
            if (refused.isPresent()) {
                throw new QueueScheduleException(index, refused.get());
            }
            trace = trace.then(thread);
        }
        return trace;
    }

    /** Splits "P1, C1 C1,M" into names; commas and spaces both separate. */
    public static List<String> parseSchedule(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.strip().split("[,\\s]+")) {
            if (!part.isEmpty()) {
                names.add(part.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    /** This trace plus one step of {@code thread}, which must be able to step. */
    public QueueTrace then(int thread) {
        QueueState.Transition t = last().step(thread, steps.size() + 1);
        List<QueueStep> s = new ArrayList<>(steps);
        s.add(t.step());
        List<QueueState> st = new ArrayList<>(states);
        st.add(t.next());
        return new QueueTrace(config, List.copyOf(s), List.copyOf(st));
    }

    public QueueConfig config() {
        return config;
    }

    public List<QueueStep> steps() {
        return steps;
    }

    /** State {@code i}: after {@code i} steps. */
    public QueueState state(int i) {
        return states.get(i);
    }

    public QueueState last() {
        return states.get(states.size() - 1);
    }

    /** The first {@code n} steps. */
    public QueueTrace prefix(int n) {
        return new QueueTrace(config, steps.subList(0, n), states.subList(0, n + 1));
    }

    /** The thread names in order, e.g. {@code [P1, C1, C1, M]}. */
    public List<String> schedule() {
        return steps.stream().map(s -> config.name(s.thread())).toList();
    }

    /** The deadlock sentence if the run is stuck, e.g. "deadlock: C2 and C3 wait on get() forever; ...". */
    public Optional<String> deadlock() {
        return QueueDeadlock.describe(last());
    }

    /** The whole run in words: the settings, the schedule, a Markdown timeline and the outcome. */
    public String asText() {
        return QueueTimeline.text(this);
    }
}
