package org.racelab.ui.lab;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * Where the lab's settings go: beside the charts when the lab is wide enough, otherwise (a narrow window, a large
 * zoom, presenting) into a drawer that the live bar's Settings button opens over the charts, so the charts, the
 * live bar and the table keep the screen.
 */
final class LabFolding {

    static final String DRAWER = "lab-drawer";

    private final BorderPane view;
    private final Node settings;
    private final StackPane center;
    private final ToggleButton toggle;
    private Boolean folded;

    /** Puts {@code results} in the centre of {@code view}; {@code toggle} opens the drawer while folded. */
    LabFolding(BorderPane view, Node settings, Node results, ToggleButton toggle) {
        this.view = view;
        this.settings = settings;
        this.toggle = toggle;
        this.center = new StackPane(results);
        center.getStyleClass().add("lab-center");
        StackPane.setAlignment(settings, Pos.TOP_LEFT);
        view.setCenter(center);
        fold(false);
    }

    boolean folded() {
        return Boolean.TRUE.equals(folded);
    }

    /** Folds the settings into the drawer, or puts them back beside the charts; the drawer starts closed. */
    void fold(boolean fold) {
        if (folded != null && folded == fold) {
            return;
        }
        folded = fold;
        toggle.setSelected(false);
        toggle.setVisible(fold);
        toggle.setManaged(fold);
        if (fold) {
            view.setLeft(null);
            settings.getStyleClass().add(DRAWER);
            settings.visibleProperty().bind(toggle.selectedProperty());
            center.getChildren().add(settings);
        } else {
            center.getChildren().remove(settings);
            settings.visibleProperty().unbind();
            settings.setVisible(true);
            settings.getStyleClass().remove(DRAWER);
            view.setLeft(settings);
        }
    }
}
