package org.racelab.model.queue;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a step-mode run as text: settings, schedule, a Markdown table with one column per thread, the outcome. */
public final class QueueTimeline {

    private QueueTimeline() {
    }

    public static String text(QueueTrace trace) {
        QueueConfig c = trace.config();
        StringBuilder sb = new StringBuilder();
        sb.append("Queue run: ").append(c.describe()).append('\n');
        sb.append("Schedule: ").append(trace.steps().isEmpty() ? "(no steps)" : String.join(",", trace.schedule()))
                .append("\n\n");
        sb.append(markdown(trace)).append('\n');
        sb.append(summary(trace.last())).append('\n');
        trace.deadlock().ifPresent(d -> sb.append(d).append('\n'));
        return sb.toString();
    }

    /** The timeline: | step | P1 | ... | M | queue | unfinished |, one row per step. */
    public static String markdown(QueueTrace trace) {
        QueueConfig c = trace.config();
        StringBuilder sb = new StringBuilder("| step | ");
        sb.append(String.join(" | ", c.names())).append(" | queue | unfinished |\n|---:|");
        sb.append("---|".repeat(c.threads())).append("---|---:|\n");
        sb.append("| 0 |").append(" |".repeat(c.threads())).append(' ').append(queueText(trace.state(0)))
                .append(" | 0 |\n");
        List<QueueStep> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            QueueStep s = steps.get(i);
            QueueState after = trace.state(i + 1);
            sb.append("| ").append(s.index()).append(" |");
            for (int t = 0; t < c.threads(); t++) {
                sb.append(t == s.thread() ? " " + cell(s) + " |" : " |");
            }
            sb.append(' ').append(queueText(after)).append(" | ").append(after.unfinishedTasks()).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(QueueStep s) {
        String text = s.text().replace("|", "\\|");
        return s.crash() ? "**CRASH: " + text + "**" : text;
    }

    /** The queue's contents, oldest first, e.g. [1, 2, None]. */
    public static String queueText(QueueState s) {
        return s.queue().stream().map(QueueState::itemText).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Put, got, unfinished, length and highest length, as on screen. */
    public static String summary(QueueState s) {
        return "Items put " + s.itemsPut() + ", got " + s.itemsGot() + ", unfinished tasks " + s.unfinishedTasks()
                + ", queue length " + s.length() + " (highest " + s.maxLength() + ")"
                + (s.allFinished() ? "; every thread has finished" : "");
    }
}
