package org.racelab.ui.queue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A column of thread cards at least as wide as its threads' widest state ("blocked on get (queue empty)", in
 * bold as a blocked state is shown): a step that changes a state's words does not change the column's width, so the
 * queue between the producers and the consumers stays where it is from step to step.
 */
final class StatusColumn extends VBox {

    private final Text widest;

    /** @param widestStatus the longest state any thread of this column shows in the ordinary course of a run */
    StatusColumn(String id, String widestStatus) {
        getStyleClass().add("queue-column");
        setId(id);
        widest = new Text(widestStatus);
    }

    @Override
    protected double computePrefWidth(double height) {
        double own = super.computePrefWidth(height);
        Label status = null;
        Region card = null;
        for (Node n : getChildren()) {
            if (n.getStyleClass().contains("queue-card") && n instanceof Region r) {
                card = r;
                Node s = r.lookup(".queue-status");
                if (s instanceof Label l) {
                    status = l;
                }
                break;
            }
        }
        if (status == null) {
            return own;
        }
        Font f = status.getFont();
        widest.setFont(Font.font(f.getFamily(), FontWeight.BOLD, f.getSize()));
        double text = widest.getLayoutBounds().getWidth() + status.snappedLeftInset() + status.snappedRightInset();
        return Math.max(own, snappedLeftInset() + snappedRightInset() + card.snappedLeftInset()
                + card.snappedRightInset() + Math.ceil(text));
    }
}
