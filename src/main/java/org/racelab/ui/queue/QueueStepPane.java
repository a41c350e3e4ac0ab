package org.racelab.ui.queue;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.racelab.model.queue.QueueCode;
import org.racelab.model.queue.QueueConfig;
import org.racelab.model.queue.QueueMistake;
import org.racelab.model.queue.QueuePreset;
import org.racelab.model.queue.QueueState;
import org.racelab.model.queue.QueueStep;
import org.racelab.model.queue.QueueTrace;
import org.racelab.ui.part.PartStyle;

/**
 * Step mode on screen: producers left, the queue's slots in the middle, consumers right, M below; the three code
 * listings with each thread's marker on its current line; counters and narration. Rebuilt from the view-model's
 * trace on each step (a handful of small nodes).
 */
final class QueueStepPane extends VBox {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass CRASHED = PseudoClass.getPseudoClass("crashed");
    private static final PseudoClass JUST = PseudoClass.getPseudoClass("just-stepped");

    private final QueueViewModel vm;
    private final VBox producers = new StatusColumn("queue-producers", "blocked on put (queue full)");
    private final VBox consumers = new StatusColumn("queue-consumers", "blocked on get (queue empty)");
    private final FlowPane slots = new FlowPane();
    private final Label queueTitle = new Label();
    private final HBox mainRow = new HBox();
    private final FlowPane code = new FlowPane();
    private final Label counters = new Label();
    private final Label narration = new Label();
    private final TokenFlight flight;

    /** @param animate whether a step's token travels on screen (off while a real run goes at full speed) */
    QueueStepPane(QueueViewModel vm, javafx.beans.value.ObservableBooleanValue animate) {
        this.vm = vm;
        this.flight = new TokenFlight(this, animate);
        getStyleClass().add("queue-step");
        setId("queue-step");
        slots.getStyleClass().add("queue-slots");
        slots.setId("queue-slots");
        queueTitle.getStyleClass().add("queue-title");
        whole(queueTitle);
        VBox middle = new VBox(queueTitle, slots, mainRow);
        middle.getStyleClass().add("queue-middle");
        middle.setAlignment(Pos.TOP_CENTER);
        HBox.setHgrow(middle, Priority.ALWAYS);
        HBox scene = new HBox(producers, middle, consumers);
        scene.getStyleClass().add("queue-scene");
        code.getStyleClass().add("queue-code-row");
        counters.getStyleClass().add("queue-counters");
        counters.setId("queue-counters");
        // Narrow and large, the counters wrap onto a second line rather than push the pane wider than the window.
        counters.setWrapText(true);
        counters.setMinWidth(0);
        narration.getStyleClass().add("queue-narration");
        narration.setId("queue-narration");
        narration.setWrapText(true);
        narration.textProperty().bind(vm.narrationProperty());
        getChildren().addAll(controls(), settings(), scene, counters, narration, code, flight.token());
        vm.traceProperty().addListener((o, a, b) -> refresh());
        vm.languageProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private Node controls() {
        ComboBox<QueuePreset> presets = new ComboBox<>(FXCollections.observableArrayList(QueuePreset.values()));
        presets.setId("queue-preset");
        presets.setPromptText("Preset");
        presets.setValue(vm.presetProperty().get());
        vm.presetProperty().addListener((o, a, b) -> presets.setValue(b));
        presets.setOnAction(e -> {
            QueuePreset picked = presets.getValue();
            if (picked != null && picked != vm.presetProperty().get()) {
                vm.loadPreset(picked);
            }
        });
        Button undo = button("Undo", "queue-undo", vm::undo);
        Button redo = button("Redo", "queue-redo", vm::redo);
        Button next = button("Next ▶", "queue-next", vm::next);
        Button reset = button("Reset", "queue-reset", vm::reset);
        ToggleButton play = new ToggleButton();
        play.setId("queue-play");
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Play"));
        play.selectedProperty().bind(vm.playingProperty());
        play.setOnAction(e -> vm.togglePlay());
        ToggleButton java = new ToggleButton("Java");
        java.setId("queue-java");
        java.setOnAction(e -> vm.languageProperty().set(java.isSelected() ? QueueCode.Language.JAVA
                : QueueCode.Language.PYTHON));
        FlowPane row = new FlowPane(presets, undo, redo, next, reset, play, java);
        row.getStyleClass().add("queue-controls");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node settings() {
        Spinner<Integer> p = spinner(1, QueueConfig.MAX_PRODUCERS, "queue-producers-spinner");
        Spinner<Integer> c = spinner(1, QueueConfig.MAX_CONSUMERS, "queue-consumers-spinner");
        Spinner<Integer> items = spinner(1, QueueConfig.MAX_ITEMS, "queue-items-spinner");
        Spinner<Integer> max = spinner(0, QueueConfig.MAX_MAXSIZE, "queue-maxsize-spinner");
        ComboBox<QueueMistake> mistake = new ComboBox<>(FXCollections.observableArrayList(QueueMistake.values()));
        mistake.setId("queue-mistake");
        mistake.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(QueueMistake m) {
                return m == null ? "" : m.title();
            }

            @Override
            public QueueMistake fromString(String s) {
                return null;
            }
        });
        Button apply = button("New run", "queue-apply", () -> {
            try {
                vm.configure(new QueueConfig(p.getValue(), c.getValue(), items.getValue(), max.getValue(),
                        mistake.getValue() == null ? QueueMistake.NONE : mistake.getValue()));
            } catch (IllegalArgumentException e) {
                // Spinners keep every value in range; nothing to report.
            }
        });
        java.util.function.Consumer<QueueConfig> show = cfg -> {
            p.getValueFactory().setValue(cfg.producers());
            c.getValueFactory().setValue(cfg.consumers());
            items.getValueFactory().setValue(cfg.items());
            max.getValueFactory().setValue(cfg.maxsize());
            mistake.setValue(cfg.mistake());
        };
        vm.traceProperty().addListener((o, a, t) -> show.accept(t.config()));
        // From the start, not only from the first step: "New run" at step 0 must rerun what is on screen.
        show.accept(vm.config());
        FlowPane row = new FlowPane(whole(new Label("Producers")), p, whole(new Label("Consumers")), c,
                whole(new Label("Items")), items, whole(new Label("maxsize")), max, mistake, apply);
        row.getStyleClass().addAll("queue-settings", PartStyle.SECONDARY);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A label that never shrinks to an ellipsis: the scroll pane scrolls instead. */
    static Label whole(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Spinner<Integer> spinner(int min, int max, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, min);
        s.setId(id);
        s.setEditable(true);
        s.getStyleClass().add("queue-spinner");
        return s;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void refresh() {
        flight.finish();
        QueueTrace trace = vm.trace();
        QueueState s = trace.last();
        QueueConfig c = s.config();
        int just = trace.steps().isEmpty() ? -1 : trace.steps().get(trace.steps().size() - 1).thread();
        producers.getChildren().setAll(whole(new Label("Producers")));
        consumers.getChildren().setAll(whole(new Label("Consumers")));
        producers.getChildren().get(0).getStyleClass().add("queue-column-title");
        consumers.getChildren().get(0).getStyleClass().add("queue-column-title");
        for (int t = 0; t < c.threads(); t++) {
            Node card = card(t, s, t == just);
            if (c.isProducer(t)) {
                producers.getChildren().add(card);
            } else if (c.isConsumer(t)) {
                consumers.getChildren().add(card);
            } else {
                mainRow.getChildren().setAll(card);
            }
        }
        boolean list = c.mistake() == QueueMistake.SHARED_LIST;
        queueTitle.setText(list ? "items = []  (a plain list, no lock)"
                : c.bounded() ? "q = Queue(maxsize=" + c.maxsize() + ")" : "q = Queue()  (unbounded)");
        slots.getChildren().clear();
        List<Integer> q = s.queue();
        int shown = c.bounded() ? c.maxsize() : Math.max(q.size(), 1);
        for (int i = 0; i < shown; i++) {
            Label slot = whole(new Label(i < q.size() ? token(q.get(i)) : " "));
            slot.getStyleClass().add(i < q.size() ? "queue-token" : "queue-slot");
            slots.getChildren().add(slot);
        }
        counters.setText("put " + s.itemsPut() + "   got " + s.itemsGot() + "   unfinished tasks "
                + s.unfinishedTasks() + "   length " + s.length() + " (highest " + s.maxLength() + ")");
        code.getChildren().setAll(listing("Producer", c, s, 0, c.producers()),
                listing("Consumer", c, s, c.producers(), c.producers() + c.consumers()),
                listing("Main", c, s, c.mainThread(), c.threads()));
        TokenMove move = vm.lastMoveProperty().get();
        if (move != null && move.step() == trace.steps().size()) {
            Node slot = move.slot() >= 0 && move.slot() < slots.getChildren().size()
                    ? slots.getChildren().get(move.slot()) : null;
            Node hand = lookup("#queue-hand-" + c.name(move.thread()));
            if (slot != null && hand != null) {
                flight.fly(token(move.item()), move.intoQueue() ? hand : slot, move.intoQueue() ? slot : hand);
            }
        }
    }

    private static String token(int item) {
        return item == QueueState.SENTINEL ? "None" : String.valueOf(item);
    }

    private Node card(int t, QueueState s, boolean justStepped) {
        QueueConfig c = s.config();
        Label badge = whole(new Label(QueueKeys.keyName(c, t) + "  " + c.name(t)));
        badge.getStyleClass().addAll("queue-badge", QueueKeys.styleClass(c, t));
        String status = vm.status(t);
        // A long state ("blocked on get (queue empty)") wraps inside its card when the row is short of room.
        Label state = new Label(status);
        state.setWrapText(true);
        state.setMinWidth(Region.USE_COMPUTED_SIZE);
        state.getStyleClass().add("queue-status");
        state.setId("queue-status-" + c.name(t));
        int held = s.held(t);
        Label holding = whole(new Label(held == QueueState.NOTHING ? "" : token(held)));
        holding.getStyleClass().add(held == QueueState.NOTHING ? "queue-empty-hand" : "queue-token");
        holding.setId("queue-hand-" + c.name(t));
        HBox head = new HBox(badge, holding);
        head.getStyleClass().add("queue-card-head");
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(head, state);
        card.setId("queue-card-" + c.name(t));
        card.getStyleClass().add("queue-card");
        card.pseudoClassStateChanged(BLOCKED, status.startsWith("blocked") || status.startsWith("waiting")
                || status.startsWith("spinning"));
        card.pseudoClassStateChanged(DONE, status.equals("done"));
        card.pseudoClassStateChanged(CRASHED, status.startsWith("crashed"));
        card.pseudoClassStateChanged(JUST, justStepped);
        card.setOnMouseClicked(e -> vm.step(t));
        return card;
    }

    private Node listing(String title, QueueConfig c, QueueState s, int from, int to) {
        VBox box = new VBox();
        box.getStyleClass().add("queue-listing");
        box.setId("queue-code-" + title.toLowerCase(java.util.Locale.ROOT));
        Label head = new Label(title + (c.mistake() == QueueMistake.NONE ? "" : ""));
        head.getStyleClass().add("queue-listing-title");
        box.getChildren().add(head);
        List<String> lines = QueueCode.listing(s, from, vm.languageProperty().get()).lines();
        for (int i = 0; i < lines.size(); i++) {
            StringBuilder markers = new StringBuilder();
            for (int t = from; t < to; t++) {
                if (QueueCode.listing(s, t, vm.languageProperty().get()).current() == i) {
                    markers.append(markers.length() == 0 ? "◀ " : " ").append(c.name(t));
                }
            }
            Label line = whole(new Label(lines.get(i)));
            line.getStyleClass().add("queue-code-line");
            Label mark = whole(new Label(markers.toString()));
            mark.getStyleClass().add("queue-code-marker");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(line, gap, mark);
            row.getStyleClass().add("queue-code-row-line");
            row.pseudoClassStateChanged(CURRENT, markers.length() > 0);
            box.getChildren().add(row);
        }
        return box;
    }

    /**
     * The height the pane needs at this width to show everything, the threads' code listings included: what the
     * view fits its type to (each thread's code with its current line is part of the story on Slides 9–10).
     */
    double storyHeight(double width) {
        double inner = width - snappedLeftInset() - snappedRightInset();
        double h = snappedTopInset() + snappedBottomInset();
        int shown = 0;
        for (Node n : getChildren()) {
            if (!n.isManaged()) {
                continue;
            }
            h += n.prefHeight(inner);
            shown++;
        }
        return h + Math.max(0, shown - 1) * getSpacing();
    }

    /** The last step, for tests and the narration. */
    QueueStep lastStep() {
        List<QueueStep> steps = vm.trace().steps();
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }
}
