package org.racelab.ui.lab;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.ToggleSwitch;
import org.racelab.ui.part.PartStyle;

/**
 * The row above the charts that a teacher uses while presenting: Start, Compare all, Stop, and the live lock switch
 * with its LOCKED/UNLOCKED badge. It sits with the charts, not with the settings, so it never scrolls out of view.
 */
final class LabLiveBar {

    private static final PseudoClass UNLOCKED = PseudoClass.getPseudoClass("unlocked");

    private LabLiveBar() {
    }

    /**
     * The bar for {@code viewModel}, with {@code settings} (the drawer's button) after Stop; it wraps onto a second
     * line rather than cut a control.
     */
    static FlowPane create(LabViewModel viewModel, ToggleButton settings) {
        Button start = new Button("Start");
        start.setId("lab-start");
        // Not a default button: Enter in a number field must commit the number, not start a run.
        start.setOnAction(e -> viewModel.start());
        start.disableProperty().bind(viewModel.runningProperty());
        Button compare = new Button("Compare all");
        compare.setId("lab-compare");
        compare.setTooltip(new Tooltip("Runs unsafe, synchronized, lock, atomic and adder in turn with these settings."));
        compare.setOnAction(e -> viewModel.compareAll());
        compare.disableProperty().bind(viewModel.runningProperty());
        Button stop = new Button("Stop");
        stop.setId("lab-stop");
        stop.setOnAction(e -> viewModel.stop());
        stop.disableProperty().bind(viewModel.runningProperty().not());
        stop.getStyleClass().add("lab-stop");
        HBox buttons = new HBox(start, compare, stop, settings);
        buttons.setId("lab-buttons");
        buttons.getStyleClass().add("lab-buttons");

        ToggleSwitch lock = new ToggleSwitch("Live lock (L)");
        lock.setId("lab-lock");
        lock.setTooltip(new Tooltip("During a switchable run the workers take the ReentrantLock path (on) or the bare "
                + "read-then-write (off) from their next increment. Key: L"));
        lock.selectedProperty().bindBidirectional(viewModel.lockOnProperty());
        lock.pseudoClassStateChanged(UNLOCKED, !lock.isSelected());
        lock.selectedProperty().addListener((obs, was, on) -> lock.pseudoClassStateChanged(UNLOCKED, !on));
        Label lockState = new Label();
        lockState.setId("lab-lock-state");
        lockState.getStyleClass().add("lab-lock-state");
        lockState.setMinWidth(Label.USE_PREF_SIZE);
        lockState.textProperty().bind(Bindings.when(viewModel.lockOnProperty())
                .then("LOCKED").otherwise("UNLOCKED"));
        lockState.pseudoClassStateChanged(UNLOCKED, !viewModel.lockOnProperty().get());
        viewModel.lockOnProperty().addListener((obs, was, on) -> lockState.pseudoClassStateChanged(UNLOCKED, !on));
        HBox lockRow = new HBox(lock, lockState);
        lockRow.setId("lab-lock-row");
        lockRow.getStyleClass().add("lab-lock-row");

        FlowPane bar = new FlowPane(buttons, lockRow);
        bar.setId("lab-live-bar");
        bar.getStyleClass().add("lab-live-bar");
        return bar;
    }

    /** The settings' own note on the switch; hidden when presenting, where the switch's tooltip says the same. */
    static Label lockHelp() {
        Label help = new Label("Live lock switch (above the charts): during a switchable run the workers take the "
                + "ReentrantLock path (on) or the bare read-then-write (off) from their next increment. Key: L");
        help.getStyleClass().addAll("lab-hint", PartStyle.SECONDARY);
        help.setWrapText(true);
        return help;
    }
}
