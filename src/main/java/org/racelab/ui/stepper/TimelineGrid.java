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
    private final List<Node> frozen = new ArrayList<>();
    private double offset;

    TimelineGrid() {
        getStyleClass().add("timeline");
        setId("timeline");
    }

    /** Shows {@code steps} of a run with {@code c}; returns false when nothing had to change. */
    boolean show(RaceConfig c, List<Step> steps) {
        boolean changed = change(c, steps);
        if (changed) {
            markNewest();
        }
        return changed;
    }

    /** The newest column's step number and count carry fixed ids, so tests and the fit check find them. */
    private void markNewest() {
        for (Node n : getChildren()) {
            if ("timeline-now-step".equals(n.getId()) || "timeline-now-count".equals(n.getId())) {
                n.setId(null);
            }
        }
        int last = getChildren().size();
        int rows = config.threads() + 2;
        if (shown.isEmpty()) {
            getChildren().get(last - 2).setId("timeline-now-step");
            getChildren().get(last - 1).setId("timeline-now-count");
        } else {
            getChildren().get(last - rows).setId("timeline-now-step");
            getChildren().get(last - 1).setId("timeline-now-count");
        }
    }

    private boolean change(RaceConfig c, List<Step> steps) {
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
        frozen.clear();
        for (Node n : cells) {
            if (GridPane.getColumnIndex(n) == 0) {
                n.getStyleClass().add("timeline-frozen");
                n.setViewOrder(-1);
                frozen.add(n);
            }
        }
        // One opaque backdrop behind the whole label column hides the cells that scroll under it.
        javafx.scene.layout.Region backdrop = new javafx.scene.layout.Region();
        backdrop.getStyleClass().add("timeline-backdrop");
        backdrop.setViewOrder(-0.5);
        backdrop.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        GridPane.setConstraints(backdrop, 0, 0, 1, c.threads() + 2);
        cells.add(0, backdrop);
        frozen.get(0).setId("timeline-step-label");
        frozen.get(frozen.size() - 1).setId("timeline-count-label");
        for (int t = 1; t < frozen.size() - 1; t++) {
            frozen.get(t).setId("timeline-label-" + Character.toLowerCase(RaceConfig.threadName(t - 1)));
        }
        frozen.add(backdrop);
        getChildren().setAll(cells);
        freeze(offset);
    }

    /** Keeps the row labels in view while the grid is shifted {@code by} pixels to the left. */
    void freeze(double by) {
        offset = by;
        for (Node n : frozen) {
            n.setTranslateX(by);
        }
    }

    /** The width of the row labels' column. */
    double frozenWidth() {
        double w = 0;
        for (Node n : frozen) {
            w = Math.max(w, n.prefWidth(-1));
        }
        return w;
    }

    /** The steps on show, for a full copy of the timeline (export). */
    List<Step> steps() {
        return List.copyOf(shown);
    }

    RaceConfig config() {
        return config;
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
