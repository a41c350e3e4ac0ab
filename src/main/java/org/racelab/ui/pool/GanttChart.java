package org.racelab.ui.pool;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.racelab.lab.pool.PoolSnapshot;
import org.racelab.lab.pool.TaskSpan;
import org.racelab.lab.pool.TaskState;

/**
 * The live Gantt chart: one lane per worker thread, one bar per task span coloured by what the thread is doing,
 * and the sequential baseline as the bottom lane, on one time axis.
 *
 * <p>Drawn on a canvas (a run can have thousands of spans); its colours and font come from the legend's swatches
 * and a label, so the themes and the zoom style it like any node.
 */
final class GanttChart extends Region {

    private final Canvas canvas = new Canvas();
    private final Region ioSwatch;
    private final Region computeSwatch;
    private final Region gilSwatch;
    private final Region textSample;
    private PoolSnapshot pool = PoolSnapshot.empty();
    private PoolSnapshot sequential = PoolSnapshot.empty();
    private String sequentialNote = "";

    GanttChart(Region ioSwatch, Region computeSwatch, Region gilSwatch, Region textSample) {
        this.ioSwatch = ioSwatch;
        this.computeSwatch = computeSwatch;
        this.gilSwatch = gilSwatch;
        this.textSample = textSample;
        getStyleClass().add("pool-gantt");
        getChildren().add(canvas);
        for (Region r : List.of(ioSwatch, computeSwatch, gilSwatch, textSample)) {
            r.backgroundProperty().addListener((obs, old, now) -> draw());
        }
        setMinSize(0, 0);
    }

    void show(PoolSnapshot pool, PoolSnapshot sequential, String sequentialNote) {
        this.pool = pool;
        this.sequential = sequential;
        this.sequentialNote = sequentialNote;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 30 * fontSize();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 14 * fontSize();
    }

    private double fontSize() {
        return textSample instanceof javafx.scene.control.Labeled l ? l.getFont().getSize() : Font.getDefault().getSize();
    }

    private Paint fill(Region swatch, Color fallback) {
        var bg = swatch.getBackground();
        return bg == null || bg.getFills().isEmpty() ? fallback : bg.getFills().get(0).getFill();
    }

    private Paint textFill() {
        return textSample instanceof javafx.scene.control.Labeled l ? l.getTextFill() : Color.BLACK;
    }

    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        double fs = fontSize();
        Font font = textSample instanceof javafx.scene.control.Labeled l ? l.getFont() : Font.getDefault();
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        double labelW = 4.2 * fs;
        double axisH = 1.6 * fs;
        double seqH = Math.max(1.4 * fs, 0);
        double gap = 0.4 * fs;
        double plotW = Math.max(1, w - labelW - 0.5 * fs);
        double lanesH = Math.max(1, h - axisH - seqH - gap);
        int lanes = Math.max(1, pool.lanes());
        double laneH = lanesH / lanes;
        long span = Math.max(Math.max(pool.elapsedNanos(), sequential.elapsedNanos()), 1_000_000);
        Paint text = textFill();
        Paint grid = Color.gray(0.5, 0.35);

        int every = Math.max(1, (int) Math.ceil(1.15 * fs / laneH));
        g.setTextAlign(TextAlignment.RIGHT);
        for (int lane = 0; lane < pool.lanes(); lane++) {
            double y = lane * laneH;
            if (lane % every == 0 || lane == pool.lanes() - 1 && every == 1) {
                g.setFill(text);
                g.fillText("w" + (lane + 1), labelW - 0.4 * fs, y + laneH / 2);
            }
        }
        drawSpans(g, pool, 0, laneH, labelW, plotW, span);
        double seqY = lanesH + gap;
        g.setFill(text);
        g.fillText("seq", labelW - 0.4 * fs, seqY + seqH / 2);
        if (sequential.spans().isEmpty()) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(fitting(sequentialNote, font, plotW - 0.3 * fs), labelW + 0.3 * fs, seqY + seqH / 2);
        } else {
            drawSpans(g, sequential, seqY, seqH, labelW, plotW, span);
        }
        g.setStroke(grid);
        g.setLineWidth(1);
        g.strokeLine(labelW, lanesH + gap / 2, labelW + plotW, lanesH + gap / 2);
        double axisY = h - axisH;
        g.setStroke(text);
        g.strokeLine(labelW, axisY, labelW + plotW, axisY);
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        double seconds = span / 1e9;
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0 s", labelW, axisY + 0.2 * fs);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(seconds(seconds / 2), labelW + plotW / 2, axisY + 0.2 * fs);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(seconds(seconds), labelW + plotW, axisY + 0.2 * fs);
    }

    /**
     * The note, or its shorter forms when the lane is too narrow for it, so the canvas never cuts a word: "not run:
     * one thread would take about 4.0 s (Sequential)" → "… about 4.0 s" → "≈ 4.0 s".
     */
    static String fitting(String note, Font font, double width) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        int about = note.indexOf("about ");
        String shortNote = about < 0 ? note : "not run: about " + note.substring(about + 6).replace(" (Sequential)", "");
        String shortest = about < 0 ? "" : "≈ " + note.substring(about + 6).replace(" (Sequential)", "");
        for (String candidate : new String[] {note, shortNote, shortest}) {
            probe.setText(candidate);
            if (probe.getLayoutBounds().getWidth() <= width) {
                return candidate;
            }
        }
        return "";
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }

    private void drawSpans(GraphicsContext g, PoolSnapshot snap, double top, double laneH, double x0, double plotW,
            long span) {
        Paint io = fill(ioSwatch, Color.STEELBLUE);
        Paint compute = fill(computeSwatch, Color.ORANGE);
        Paint gilWait = fill(gilSwatch, Color.GRAY);
        double inset = laneH > 6 ? Math.min(laneH * 0.12, 4) : 0;
        long now = snap.elapsedNanos();
        for (TaskSpan s : snap.spans()) {
            double x = x0 + plotW * s.startNanos() / span;
            double x2 = x0 + plotW * s.endOr(now) / span;
            double y = top + (snap == sequential ? 0 : s.lane() * laneH);
            g.setFill(s.state() == TaskState.IO ? io : s.state() == TaskState.COMPUTE ? compute : gilWait);
            // One pixel less than the span, so consecutive tasks on a lane stay apart.
            g.fillRect(x, y + inset, Math.max(1, x2 - x - 1), Math.max(1, laneH - 2 * inset));
        }
    }
}
