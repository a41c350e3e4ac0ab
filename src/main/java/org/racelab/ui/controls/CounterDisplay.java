package org.racelab.ui.controls;


import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/** The shared counter, large enough to read from the back of a lecture hall, that can flash a lost update. */
public final class CounterDisplay extends Control {

    static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final IntegerProperty value = new SimpleIntegerProperty(this, "value");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "count");

    public CounterDisplay() {
        getStyleClass().add("counter-display");
        setFocusTraversable(false);
    }

    public IntegerProperty valueProperty() {
        return value;
    }

    public int getValue() {
        return value.get();
    }

    public void setValue(int v) {
        value.set(v);
    }

    /** The small word above the number, e.g. "count". */
    public StringProperty captionProperty() {
        return caption;
    }

    /** Marks the counter as just overwritten by a stale store until {@link #clearLost()} or the next flash. */
    public void flashLost() {
        if (getSkin() instanceof CounterDisplaySkin skin) {
            skin.flash(LOST);
        }
    }

    /** Briefly marks the counter as just written. */
    public void flashChanged() {
        if (getSkin() instanceof CounterDisplaySkin skin) {
            skin.flash(CHANGED);
        }
    }

    public void clearLost() {
        pseudoClassStateChanged(LOST, false);
        pseudoClassStateChanged(CHANGED, false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CounterDisplaySkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return Stylesheets.url(CounterDisplay.class, "counter-display.css");
    }
}
