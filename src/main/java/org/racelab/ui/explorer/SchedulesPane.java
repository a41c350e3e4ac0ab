package org.racelab.ui.explorer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One outcome's schedules: the page title, the list (one coloured letter per micro-step, stale stores red) and the
 * pager (first / previous / next / last, go to #, random one, Replay in stepper). The pager wraps onto a second
 * line rather than shortening a button's label.
 */
final class SchedulesPane extends VBox {

    private final ExplorerViewModel viewModel;
    private final ListView<ScheduleRow> list = new ListView<>();
    private boolean syncingSelection;

    SchedulesPane(ExplorerViewModel viewModel, Node outcomeRow) {
        this.viewModel = viewModel;
        Label title = new Label();
        title.setId("explorer-page-text");
        title.getStyleClass().add("page-text");
        title.textProperty().bind(viewModel.pageTextProperty());
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        // The outcome buttons pick what the list shows, so they sit beside its title and cost no row of their own.
        HBox top = new HBox(outcomeRow, title);
        top.getStyleClass().add("schedules-top");
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMinWidth(0);

        list.setId("explorer-schedules");
        list.getStyleClass().add("schedule-list");
        list.setItems(viewModel.rows());
        list.setCellFactory(v -> new ScheduleCell(() -> viewModel.exploredConfigProperty().get().expectedFinal()));
        Label placeholder = new Label();
        placeholder.getStyleClass().add("list-placeholder");
        placeholder.textProperty().bind(Bindings.when(viewModel.busyProperty())
                .then("Counting every schedule exactly...").otherwise("Click a bar to list its schedules."));
        list.setPlaceholder(placeholder);
        syncSelection();
        VBox.setVgrow(list, Priority.ALWAYS);

        Label error = new Label();
        error.setId("explorer-input-error");
        error.getStyleClass().add("input-error");
        error.textProperty().bind(viewModel.inputErrorProperty());
        error.setWrapText(true);
        error.visibleProperty().bind(Bindings.isNotEmpty(viewModel.inputErrorProperty()));
        error.managedProperty().bind(error.visibleProperty());

        String legendText = "Each row is one schedule: which thread took each micro-step. "
                + "Red letters are stale stores: that store overwrote a newer value, so an update is lost.";
        Label legend = new Label(legendText);
        legend.getStyleClass().add("legend");
        // One line at most: the list gets the height; the whole sentence is in the tooltip.
        legend.setTooltip(new Tooltip(legendText));
        legend.setMinWidth(0);
        // The legend yields first when the window is short: the list and the pager are what the teacher needs.
        legend.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> getHeight() > legend.getFont().getSize() * 14, heightProperty(), legend.fontProperty()));
        legend.managedProperty().bind(legend.visibleProperty());
        list.setTooltip(new Tooltip(legendText));
        title.setTooltip(new Tooltip(legendText));
        getChildren().addAll(top, legend, list, pager(), error);
        getStyleClass().add("schedules-pane");
    }

    private void syncSelection() {
        list.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (!syncingSelection) {
                viewModel.selectRow(row);
            }
        });
        viewModel.selectedRowProperty().addListener((o, old, row) -> {
            syncingSelection = true;
            try {
                if (row == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(row);
                    list.scrollTo(row);
                }
            } finally {
                syncingSelection = false;
            }
        });
    }

    private FlowPane pager() {
        Button first = pagerButton("« First", "First page", "explorer-first", viewModel::firstPage);
        Button previous = pagerButton("‹ Prev", "Previous page", "explorer-previous", viewModel::previousPage);
        Button next = pagerButton("Next ›", "Next page", "explorer-next", viewModel::nextPage);
        Button last = pagerButton("Last »", "Last page", "explorer-last", viewModel::lastPage);
        Runnable updatePager = () -> {
            boolean none = viewModel.selectedOutcomeProperty().get() == null;
            first.setDisable(none || viewModel.isFirstPage());
            previous.setDisable(none || viewModel.isFirstPage());
            next.setDisable(none || viewModel.isLastPage());
            last.setDisable(none || viewModel.isLastPage());
        };
        viewModel.pageStartProperty().addListener((o, a, b) -> updatePager.run());
        viewModel.selectedOutcomeProperty().addListener((o, a, b) -> updatePager.run());
        viewModel.rows().addListener((ListChangeListener<ScheduleRow>) ch -> updatePager.run());
        updatePager.run();

        TextField goTo = new TextField();
        goTo.setId("explorer-goto");
        goTo.setPromptText("#");
        goTo.getStyleClass().add("goto-field");
        goTo.setTooltip(tip("A schedule's number, then Enter"));
        goTo.setOnAction(e -> viewModel.goTo(goTo.getText()));
        Button go = pagerButton("Go", "Go to the schedule with this number", "explorer-goto-button",
                () -> viewModel.goTo(goTo.getText()));
        Button random = pagerButton("Random", "Show a schedule of this outcome picked at random",
                "explorer-random", viewModel::randomOne);
        Button replay = pagerButton("Replay ▶", "Replay in stepper: open the selected schedule there, ready to step",
                "explorer-replay", viewModel::replaySelected);
        replay.getStyleClass().add("replay-button");
        replay.disableProperty().bind(viewModel.canReplayProperty().not());
        go.disableProperty().bind(viewModel.selectedOutcomeProperty().isNull());
        random.disableProperty().bind(viewModel.selectedOutcomeProperty().isNull());
        goTo.disableProperty().bind(viewModel.selectedOutcomeProperty().isNull());

        FlowPane pager = new FlowPane(first, previous, next, last, goTo, go, random, replay);
        pager.getStyleClass().add("pager");
        // A FlowPane's minimum is one row; wrapped, it needs every row, or the tab's clip cuts the last one.
        pager.setMinHeight(Region.USE_PREF_SIZE);
        pager.setAlignment(Pos.CENTER_LEFT);
        return pager;
    }

    private static Button pagerButton(String text, String tooltip, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("pager-button");
        // Never an ellipsis: a button keeps its whole label, and the row wraps instead.
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(tip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        return t;
    }
}
