package org.racelab.ui.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The window's inline notification bar: one line of text for an info, warning or error, with a close button.
 * It never blocks, never shows a stack trace, and a newer notice simply replaces the older one.
 */
public final class NoticeBar extends HBox {

    private final Label text = new Label();
    /** Information fades by itself; warnings and errors stay until dismissed. */
    private final PauseTransition autoHide = new PauseTransition(Duration.seconds(6));

    public NoticeBar(MainViewModel viewModel) {
        getStyleClass().add("notice-bar");
        setId("notice-bar");
        setAlignment(Pos.CENTER_LEFT);
        text.getStyleClass().add("notice-text");
        text.setId("notice-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.getStyleClass().add("notice-close");
        close.setId("notice-close");
        close.setTooltip(new Tooltip("Dismiss this message"));
        close.setFocusTraversable(false);
        close.setOnAction(e -> viewModel.clearNotice());
        getChildren().addAll(text, close);
        autoHide.setOnFinished(e -> {
            if (viewModel.getNotice() != null && viewModel.getNotice().level() == Notice.Level.INFO) {
                viewModel.clearNotice();
            }
        });
        show(viewModel.getNotice());
        viewModel.noticeProperty().addListener((obs, old, notice) -> show(notice));
    }

    private void show(Notice notice) {
        getStyleClass().removeAll("notice-info", "notice-warning", "notice-error");
        boolean on = notice != null;
        setVisible(on);
        setManaged(on);
        if (on) {
            getStyleClass().add("notice-" + notice.level().name().toLowerCase(java.util.Locale.ROOT));
            text.setText(notice.text());
            if (notice.level() == Notice.Level.INFO) {
                autoHide.playFromStart();
            } else {
                autoHide.stop();
            }
        }
    }
}
