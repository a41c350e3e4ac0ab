package org.racelab.ui.queue;

import javafx.animation.Animation;
import javafx.animation.TranslateTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The one item token that travels after a step, from a producer's hand into its slot or from a slot into a
 * consumer's hand, drawn over the step pane. A flight is short and never holds a step back: the next step (or
 * undo) ends it at once, and the token stands where it landed.
 */
final class TokenFlight {

    /** How long a token travels: short enough that a teacher stepping fast never waits for it. */
    static final Duration DURATION = Duration.millis(260);

    private final Region pane;
    private final ObservableBooleanValue enabled;
    private final Label token = new Label();
    private final TranslateTransition move = new TranslateTransition(DURATION, token);
    private Node landing;

    TokenFlight(Region pane, ObservableBooleanValue enabled) {
        this.pane = pane;
        this.enabled = enabled;
        token.getStyleClass().addAll("queue-token", "queue-flying");
        token.setId("queue-flying-token");
        token.setManaged(false);
        token.setVisible(false);
        token.setMouseTransparent(true);
        token.setViewOrder(-1);
        move.setOnFinished(e -> finish());
    }

    /** The flying token; the pane adds it as an unmanaged child. */
    Node token() {
        return token;
    }

    /** True while a token is in the air. */
    boolean flying() {
        return move.getStatus() == Animation.Status.RUNNING;
    }

    /**
     * Sends a token showing {@code text} from {@code from} to {@code to}, both already in the pane's new layout;
     * {@code to} is hidden until the token lands on it. Does nothing while animation is off.
     */
    void fly(String text, Node from, Node to) {
        finish();
        if (!enabled.get() || pane.getScene() == null) {
            return;
        }
        pane.applyCss();
        pane.layout();
        Point2D a = centre(from);
        Point2D b = centre(to);
        if (a == null || b == null) {
            return;
        }
        token.setText(text);
        token.applyCss();
        double w = token.prefWidth(-1);
        double h = token.prefHeight(w);
        token.resizeRelocate(a.getX() - w / 2, a.getY() - h / 2, w, h);
        token.setTranslateX(0);
        token.setTranslateY(0);
        token.setVisible(true);
        landing = to;
        to.setOpacity(0);
        move.setToX(b.getX() - a.getX());
        move.setToY(b.getY() - a.getY());
        move.playFromStart();
    }

    /** Ends a running flight at once: the token vanishes and what it flew to shows. */
    void finish() {
        move.stop();
        token.setVisible(false);
        if (landing != null) {
            landing.setOpacity(1);
            landing = null;
        }
    }

    private Point2D centre(Node n) {
        if (n.getScene() == null) {
            return null;
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        return pane.sceneToLocal(b.getCenterX(), b.getCenterY());
    }
}
