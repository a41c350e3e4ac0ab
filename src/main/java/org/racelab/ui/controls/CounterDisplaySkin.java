package org.racelab.ui.controls;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Draws a {@link CounterDisplay}: a caption over a large number in a rounded box. */
final class CounterDisplaySkin extends SkinBase<CounterDisplay> {

    private final Label caption = new Label();
    private final Label value = new Label();
    private final PauseTransition unflash = new PauseTransition(Duration.millis(1600));

    CounterDisplaySkin(CounterDisplay control) {
        super(control);
        caption.getStyleClass().add("caption");
        caption.textProperty().bind(control.captionProperty());
        value.getStyleClass().add("value");
        value.setId("counter-value");
        value.textProperty().bind(control.valueProperty().asString());
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(caption, value);
        box.getStyleClass().add("box");
        getChildren().add(box);
        unflash.setOnFinished(e -> control.clearLost());
    }

    void flash(PseudoClass kind) {
        unflash.stop();
        getSkinnable().clearLost();
        getSkinnable().pseudoClassStateChanged(kind, true);
        unflash.setDuration(Duration.millis(kind == CounterDisplay.LOST ? 2200 : 500));
        unflash.playFromStart();
    }

    @Override
    public void dispose() {
        unflash.stop();
        super.dispose();
    }
}
