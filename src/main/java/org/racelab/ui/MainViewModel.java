package org.racelab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** State of the main window: which of the three parts is showing. */
public final class MainViewModel {

    /** The three parts of RaceLab, in navigation order. */
    public enum Part {
        STEPPER("Stepper"),
        LAB("Lab"),
        EXPLORER("Explorer");

        private final String title;

        Part(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final ObjectProperty<Part> selectedPart = new SimpleObjectProperty<>(Part.STEPPER);

    public ObjectProperty<Part> selectedPartProperty() {
        return selectedPart;
    }

    public Part getSelectedPart() {
        return selectedPart.get();
    }

    public void select(Part part) {
        selectedPart.set(part);
    }
}
