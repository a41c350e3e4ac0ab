package org.racelab.ui.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.ui.part.Part;
import org.racelab.ui.part.PartKey;
import org.racelab.ui.part.ScenarioHooks;
import org.racelab.model.queue.QueueScenario;

/**
 * The fourth part, "Queue" (key 4): producers, a bounded queue and consumers, stepped by hand or run for real.
 * A composition root adds it with {@code new QueuePart(FxBackground.create("racelab-queue-run"))}.
 */
public final class QueuePart implements Part {

    private final QueueViewModel step;
    private final QueueRunViewModel run;
    private QueueView view;

    /** The part on this executor, which runs real runs off the JavaFX thread and hands results back to it. */
    public QueuePart(BackgroundExecutor executor) {
        this.step = new QueueViewModel(System::nanoTime);
        this.run = new QueueRunViewModel(executor, System::nanoTime);
    }

    @Override
    public String title() {
        return "Queue";
    }

    @Override
    public int number() {
        return 4;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new QueueView(step, run);
        }
        return view;
    }

    public QueueViewModel stepModel() {
        return step;
    }

    public QueueRunViewModel runModel() {
        return run;
    }

    @Override
    public List<PartKey> keys() {
        List<PartKey> keys = new ArrayList<>();
        for (int i = 0; i < QueueKeys.PRODUCER_KEYS.length; i++) {
            KeyCode code = QueueKeys.PRODUCER_KEYS[i];
            keys.add(PartKey.of("Step producer P" + (i + 1), () -> stepKey(code), new KeyCodeCombination(code)));
        }
        for (int i = 0; i < QueueKeys.CONSUMER_KEYS.length; i++) {
            KeyCode code = QueueKeys.CONSUMER_KEYS[i];
            keys.add(PartKey.of("Step consumer C" + (i + 1), () -> stepKey(code), new KeyCodeCombination(code)));
        }
        keys.add(PartKey.of("Step the main thread M", () -> stepKey(QueueKeys.MAIN_KEY),
                new KeyCodeCombination(QueueKeys.MAIN_KEY)));
        keys.add(PartKey.of("Next step (queued, else random)", step::next, new KeyCodeCombination(KeyCode.RIGHT)));
        keys.add(PartKey.of("Play / pause (seeded random scheduler)", step::togglePlay,
                new KeyCodeCombination(KeyCode.SPACE)));
        keys.add(PartKey.of("Undo", step::undo, new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN)));
        keys.add(PartKey.of("Redo", step::redo, new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN)));
        keys.add(PartKey.of("Back to step 0", step::reset, new KeyCodeCombination(KeyCode.HOME)));
        keys.add(PartKey.of("Step by hand / run for real", this::toggleMode, new KeyCodeCombination(KeyCode.TAB,
                KeyCombination.SHORTCUT_DOWN)));
        keys.add(PartKey.of("Start / stop a real run", run::startOrStop,
                new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN)));
        return keys;
    }

    /** Steps the thread that {@code code} stands for in the current run; false if none. */
    public boolean stepKey(KeyCode code) {
        int t = QueueKeys.thread(step.config(), code);
        return t >= 0 && step.step(t);
    }

    private void toggleMode() {
        if (view != null) {
            view.showStepMode(!view.isStepMode());
        }
    }

    @Override
    public Optional<String> copyText() {
        return Optional.of(step.copyText());
    }

    @Override
    public Optional<ScenarioHooks> scenario() {
        return Optional.of(new ScenarioHooks() {
            @Override
            public String kind() {
                return QueueScenario.KIND;
            }

            @Override
            public String save() {
                return step.scenarioJson();
            }

            @Override
            public void open(String json) {
                step.openScenario(json);
                if (view != null) {
                    view.showStepMode(true);
                }
            }
        });
    }

    /**
     * The queue's slots, every thread's card (its state is on it), the counters, the narration (where a deadlock
     * is told) and the step/run mode switch.
     */
    @Override
    public List<String> essentials() {
        return List.of("#queue-slots", ".queue-card", ".queue-status", "#queue-counters", "#queue-narration",
                "#queue-mode-step", "#queue-mode-run");
    }

    @Override
    public void dispose() {
        if (view != null) {
            view.dispose();
        }
        run.dispose();
    }
}
