package org.racelab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.racelab.model.RaceConfig;
import org.racelab.model.Step;
import org.racelab.ui.controls.ThreadBadges;

/**
 * The Slide-8-style timeline: one column per step (its number, the thread's cell, the counter after it). A new
 * step appends one column and an undo removes the last one, each as a single change of the grid's children;
 * only a new run or a jump (reset, replay) rebuilds the grid, also in one change.
 */
final class TimelineGrid extends GridPane {

    private RaceConfig config;
    private final List<Step> shown = new ArrayList<>();

    TimelineGrid() {
        getStyleClass().add("timeline");
        setId("timeline");
    }

    /** Shows {@code steps} of a run with {@code c}; returns false when nothing had to change. */
    boolean show(RaceConfig c, List<Step> steps) {
        int n = shown.size();
        if (c.equals(config)) {
            if (steps.size() == n && steps.equals(shown)) {
                return false;
            }
            if (steps.size() == n + 1 && steps.subList(0, n).equals(shown)) {
                Step step = steps.get(n);
                shown.add(step);
                getChildren().addAll(column(step));
                return true;
            }
            if (steps.size() == n - 1 && shown.subList(0, n - 1).equals(steps)) {
                shown.remove(n - 1);
                int cells = c.threads() + 2;
                getChildren().remove(getChildren().size() - cells, getChildren().size());
                return true;
            }
        }
        rebuild(c, steps);
        return true;
    }

    private void rebuild(RaceConfig c, List<Step> steps) {
        config = c;
        shown.clear();
        shown.addAll(steps);
        List<Node> cells = new ArrayList<>();
        cells.add(at(cell("step", "timeline-header"), 0, 0));
        for (int t = 0; t < c.threads(); t++) {
            Label badge = ThreadBadges.badge(t);
            badge.getStyleClass().add("timeline-badge");
            cells.add(at(badge, 0, t + 1));
        }
        cells.add(at(cell("count", "timeline-header"), 0, c.threads() + 1));
        cells.add(at(cell("0", "timeline-header"), 1, 0));
        cells.add(at(cell(String.valueOf(c.start()), "timeline-count"), 1, c.threads() + 1));
        for (Step s : steps) {
            cells.addAll(column(s));
        }
        getChildren().setAll(cells);
    }

    /** The cells of one step's column, header first and the count last (undo removes them from the end). */
    private List<Node> column(Step s) {
        int col = s.index() + 1;
        List<Node> cells = new ArrayList<>(config.threads() + 2);
        cells.add(at(cell(String.valueOf(s.index()), "timeline-header"), col, 0));
        for (int t = 0; t < config.threads(); t++) {
            if (t == s.threadIndex()) {
                Label l = cell(s.cell(), "timeline-cell");
                l.getStyleClass().addAll("thread-" + Character.toLowerCase(s.thread()), "op-" + s.op().label());
                if (s.stale()) {
                    l.setText(s.cell() + "\nLOST");
                    l.getStyleClass().add("lost");
                    l.setId("timeline-lost-" + s.index());
                }
                cells.add(at(l, col, t + 1));
            } else {
                cells.add(at(cell("", "timeline-empty"), col, t + 1));
            }
        }
        Label count = cell(String.valueOf(s.counter()), "timeline-count");
        if (s.stale()) {
            count.getStyleClass().add("lost");
        }
        cells.add(at(count, col, config.threads() + 1));
        return cells;
    }

    private static Node at(Node n, int col, int row) {
        GridPane.setConstraints(n, col, row);
        return n;
    }

    private static Label cell(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        return l;
    }
}
