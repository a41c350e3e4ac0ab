package org.racelab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;
import org.racelab.model.Schedule;
import org.racelab.model.scenario.Scenario;
import org.racelab.model.scenario.ScenarioCodec;
import org.racelab.model.scenario.ScenarioException;
import org.racelab.ui.part.Part;
import org.racelab.ui.part.PartKey;
import org.racelab.ui.part.ScenarioHooks;

/** The stepper as a part of the window: its keys, its run as text, its scenario files, and replaying a schedule. */
public final class StepperPart implements Part {

    /** The {@code "racelab"} marker of the stepper's scenario files. */
    public static final String SCENARIO_KIND = "scenario";

    private final StepperViewModel viewModel;
    private StepperView view;

    public StepperPart(StepperViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public String title() {
        return "Stepper";
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new StepperView(viewModel);
        }
        return view;
    }

    @Override
    public List<PartKey> keys() {
        StepperViewModel vm = viewModel;
        List<PartKey> keys = new ArrayList<>();
        for (int i = 0; i < StepperViewModel.RANGE.maxThreads(); i++) {
            int index = i;
            char letter = RaceConfig.threadName(i);
            keys.add(PartKey.of("Step thread " + letter, () -> vm.step(index),
                    new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(letter)))));
        }
        keys.add(PartKey.of("Play / pause", vm::togglePlay, new KeyCodeCombination(KeyCode.SPACE)));
        keys.add(PartKey.of("One step: the next queued one, or a random thread", vm::stepRandom,
                new KeyCodeCombination(KeyCode.RIGHT)));
        keys.add(PartKey.of("Undo a step", vm::undo, new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN)));
        keys.add(PartKey.of("Redo a step", vm::redo,
                new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)));
        keys.add(PartKey.of("Reset to step 0", vm::reset, new KeyCodeCombination(KeyCode.R)));
        keys.add(PartKey.of("Lock on / off", () -> vm.lockProperty().set(!vm.lockProperty().get()),
                new KeyCodeCombination(KeyCode.L)));
        keys.add(PartKey.of("Next program: count += 1, count += one(), time.sleep(0)", () -> {
            RaceProgram[] all = RaceProgram.values();
            vm.programProperty().set(all[(vm.programProperty().get().ordinal() + 1) % all.length]);
        }, new KeyCodeCombination(KeyCode.P)));
        keys.add(PartKey.of("Switch rule: any point / CPython with the GIL", () -> vm.switchRuleProperty().set(
                vm.switchRuleProperty().get() == SwitchRule.ANY ? SwitchRule.CPYTHON_GIL : SwitchRule.ANY),
                new KeyCodeCombination(KeyCode.G)));
        return keys;
    }

    /**
     * The narration, each lane's step button, the counter, the summary and the timeline's row labels with its
     * newest column: what a teacher needs whole on screen.
     */
    @Override
    public List<String> essentials() {
        List<String> ids = new ArrayList<>(List.of("#narration", "#counter", "#summary-expected", "#summary-actual",
                "#summary-lost", "#timeline-step-label", "#timeline-count-label", "#timeline-now-step",
                "#timeline-now-count"));
        for (int i = 0; i < viewModel.currentConfig().threads(); i++) {
            char t = Character.toLowerCase(RaceConfig.threadName(i));
            ids.add("#step-" + t);
            ids.add("#timeline-label-" + t);
        }
        return ids;
    }

    @Override
    public Node exportNode() {
        view();
        return view.exportNode();
    }

    @Override
    public Optional<String> copyText() {
        return viewModel.currentSchedule().isEmpty() ? Optional.empty() : Optional.of(viewModel.runAsText());
    }

    @Override
    public Optional<ScenarioHooks> scenario() {
        return Optional.of(new ScenarioHooks() {
            @Override
            public String kind() {
                return SCENARIO_KIND;
            }

            @Override
            public String save() {
                return ScenarioCodec.toJson(currentScenario());
            }

            @Override
            public void open(String json) {
                Scenario scenario;
                try {
                    scenario = ScenarioCodec.fromJson(json);
                } catch (ScenarioException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                viewModel.replay(scenario.config(), scenario.program(), scenario.rule(), scenario.schedule());
            }
        });
    }

    /** The settings and schedule on show: steps taken plus those queued for redo, so an opened file saves as is. */
    public Scenario currentScenario() {
        return new Scenario(viewModel.currentConfig(), viewModel.currentProgram(), viewModel.currentRule(),
                new Schedule(viewModel.currentSchedule().letters() + viewModel.aheadProperty().get()));
    }

    /** The race being stepped, e.g. for the explorer to take over. */
    public RaceConfig settings() {
        return viewModel.currentConfig();
    }

    /**
     * Opens {@code schedule} on {@code config}, ready to step.
     *
     * @throws IllegalArgumentException if the schedule cannot run (a blocked or finished thread); nothing changes
     */
    public void replay(RaceConfig config, Schedule schedule) {
        viewModel.replay(config, schedule);
    }

    /** The stepper's state, for tests and the screenshots. */
    public StepperViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void dispose() {
        if (view != null) {
            view.dispose();
        } else {
            viewModel.dispose();
        }
    }
}
