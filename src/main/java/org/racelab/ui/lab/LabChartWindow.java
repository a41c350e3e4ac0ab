package org.racelab.ui.lab;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.racelab.lab.CounterKind;
import org.racelab.lab.LabSample;

/**
 * The lab's two charts as data, no scene objects: lines of points (lost so far and throughput at a time) within a
 * window of the last {@link #WINDOW_SECONDS}. A run gets a line; a switchable run gets a new line whenever its
 * workers change between the locked and the unlocked path. Older points and lines that scrolled out are dropped,
 * so memory stays bounded however long a lecture runs. Used on the JavaFX thread only.
 */
public final class LabChartWindow {

    /** Charts show the last this-many seconds. */
    public static final double WINDOW_SECONDS = 60;

    /** One point of both charts: lost updates so far and millions of increments a second, at a time in seconds. */
    public record Point(double seconds, long lost, double millionsPerSecond) {
    }

    /** One line of both charts, with the CSS style class it is drawn in, e.g. {@code lab-line-unsafe}. */
    public static final class Line {
        private final String name;
        private final String styleClass;
        private final ObservableList<Point> points = FXCollections.observableArrayList();
        private final ObservableList<Point> pointsView = FXCollections.unmodifiableObservableList(points);

        Line(String name, String styleClass) {
            this.name = name;
            this.styleClass = styleClass;
        }

        public String name() {
            return name;
        }

        public String styleClass() {
            return styleClass;
        }

        /** The points, oldest first; a view keeps a chart series in step with this list. */
        public ObservableList<Point> points() {
            return pointsView;
        }
    }

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    // One read-only view, held here: such views forward changes only while something keeps them alive.
    private final ObservableList<Line> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyDoubleWrapper lower = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper upper = new ReadOnlyDoubleWrapper(WINDOW_SECONDS);
    private Line current;
    private boolean currentLocked;

    /** Every line in the window, oldest first. */
    public ObservableList<Line> lines() {
        return linesView;
    }

    public ReadOnlyDoubleProperty lowerProperty() {
        return lower.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty upperProperty() {
        return upper.getReadOnlyProperty();
    }

    /** The next sample belongs to a new run: it starts a new line. */
    void newRun() {
        current = null;
    }

    /** Adds a sample of a {@code kind} run taken at chart time {@code seconds}, and scrolls the window to it. */
    void add(CounterKind kind, LabSample s, double seconds) {
        if (current == null || kind == CounterKind.SWITCHABLE && s.locked() != currentLocked) {
            startLine(kind, s.locked());
        }
        current.points.add(new Point(seconds, s.lostSoFar(), s.incrementsPerSecond() / 1e6));
        scrollTo(seconds);
    }

    /** Empties both charts. */
    void clear() {
        lines.clear();
        current = null;
        lower.set(0);
        upper.set(WINDOW_SECONDS);
    }

    static String styleClass(CounterKind kind, boolean locked) {
        return kind == CounterKind.SWITCHABLE
                ? (locked ? "lab-line-locked" : "lab-line-unlocked")
                : "lab-line-" + kind.id();
    }

    private void startLine(CounterKind kind, boolean locked) {
        Line previous = current;
        currentLocked = locked;
        String name = kind == CounterKind.SWITCHABLE ? kind.id() + (locked ? " locked" : " unlocked") : kind.id();
        current = new Line(name, styleClass(kind, locked));
        // Start the new stretch where the previous one ended so the line stays continuous.
        if (previous != null && !previous.points.isEmpty()) {
            current.points.add(previous.points.get(previous.points.size() - 1));
        }
        lines.add(current);
    }

    private void scrollTo(double now) {
        double low = Math.max(0, now - WINDOW_SECONDS);
        upper.set(Math.max(low + WINDOW_SECONDS, now));
        lower.set(low);
        lines.removeIf(line -> trim(line, low));
    }

    /** Drops the points left of {@code low} but one; true if the whole line scrolled out. */
    private boolean trim(Line line, double low) {
        ObservableList<Point> data = line.points;
        int drop = 0;
        // Keep one point left of the window so the line still enters from the edge.
        while (drop + 1 < data.size() && data.get(drop + 1).seconds() < low) {
            drop++;
        }
        if (drop > 0) {
            data.remove(0, drop);
        }
        return line != current && (data.isEmpty() || data.get(data.size() - 1).seconds() < low);
    }
}
