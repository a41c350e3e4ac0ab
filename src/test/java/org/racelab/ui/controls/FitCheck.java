package org.racelab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * What the projector needs of one essential node: inside the window, shown whole, its text large enough. Shared
 * by the parts' fit tests, which may not import each other's packages.
 */
public final class FitCheck {

    private FitCheck() {
    }

    /** Every way {@code n} fails to fit a window of this size; {@code minTextPx} 0 skips the size rule. */
    public static List<String> problems(String selector, Node n, double width, double height, double minTextPx) {
        List<String> problems = new ArrayList<>();
        for (Node up = n; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                problems.add(selector + " hidden");
                return problems;
            }
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > width + 0.5 || b.getMaxY() > height + 0.5) {
            problems.add(selector + " outside the window: " + b);
        }
        if (b.getWidth() < 1 || b.getHeight() < 1) {
            problems.add(selector + " has no size: " + b);
        }
        if (n instanceof Labeled l && !l.getText().isEmpty()) {
            String shown = shownText(l);
            if (!l.getText().equals(shown)) {
                problems.add(selector + " cut: '" + shown + "' of '" + l.getText() + "'");
            }
        }
        if (minTextPx > 0) {
            smallText(selector, n, minTextPx, problems);
        }
        return problems;
    }

    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                return t.getText();
            }
        }
        return l.getText();
    }

    private static void smallText(String selector, Node n, double min, List<String> problems) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Text t && !t.getText().isBlank() && t.getFont().getSize() < min - 0.01) {
            problems.add(selector + " text '" + t.getText() + "' " + t.getFont().getSize() + " px < " + min);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                smallText(selector, c, min, problems);
            }
        }
    }
}
