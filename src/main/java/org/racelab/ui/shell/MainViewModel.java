package org.racelab.ui.shell;

import org.racelab.ui.part.Part;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the main window: which part shows, presentation mode, zoom, theme, the help overlay and the current
 * inline notice.
 *
 * <p>Parts that want to hide secondary controls in presentation mode can bind to {@link #presentationProperty()}
 * (or simply give those nodes the style class {@link org.racelab.ui.part.PartStyle#SECONDARY}).
 */
public final class MainViewModel {

    private final ObjectProperty<Part> selectedPart = new SimpleObjectProperty<>(this, "selectedPart");
    private final ReadOnlyBooleanWrapper presentation = new ReadOnlyBooleanWrapper(this, "presentation");
    private final ReadOnlyIntegerWrapper zoom = new ReadOnlyIntegerWrapper(this, "zoom", Zoom.DEFAULT);
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyBooleanWrapper helpShowing = new ReadOnlyBooleanWrapper(this, "helpShowing");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");

    /** The part on show; null only before the window has put its first part up. */
    public ObjectProperty<Part> selectedPartProperty() {
        return selectedPart;
    }

    public Part getSelectedPart() {
        return selectedPart.get();
    }

    public void select(Part part) {
        selectedPart.set(part);
    }

    /** True while presentation mode is on: full screen, larger type, secondary controls hidden. */
    public ReadOnlyBooleanProperty presentationProperty() {
        return presentation.getReadOnlyProperty();
    }

    public boolean isPresentation() {
        return presentation.get();
    }

    public void setPresentation(boolean on) {
        presentation.set(on);
    }

    public void togglePresentation() {
        presentation.set(!presentation.get());
    }

    /** Zoom in percent of the base font size, {@link Zoom#MIN} to {@link Zoom#MAX}. */
    public ReadOnlyIntegerProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public int getZoom() {
        return zoom.get();
    }

    public void setZoom(int percent) {
        zoom.set(Zoom.clamp(percent));
    }

    public void zoomIn() {
        setZoom(Zoom.in(getZoom()));
    }

    public void zoomOut() {
        setZoom(Zoom.out(getZoom()));
    }

    public void resetZoom() {
        setZoom(Zoom.DEFAULT);
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme getTheme() {
        return theme.get();
    }

    public void setTheme(Theme value) {
        theme.set(value == null ? Theme.LIGHT : value);
    }

    /** True while the keyboard help overlay is showing. */
    public ReadOnlyBooleanProperty helpShowingProperty() {
        return helpShowing.getReadOnlyProperty();
    }

    public boolean isHelpShowing() {
        return helpShowing.get();
    }

    public void setHelpShowing(boolean on) {
        helpShowing.set(on);
    }

    /** The inline notice on show, or null when the bar is hidden. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public Notice getNotice() {
        return notice.get();
    }

    /** Shows a message in the notification bar; any part may call this instead of opening a dialog. */
    public void notify(Notice value) {
        // Set to null first so the same message twice still shows again.
        notice.set(null);
        notice.set(value);
    }

    public void clearNotice() {
        notice.set(null);
    }
}
