package org.racelab.ui.lab;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.racelab.ui.part.Part;
import org.racelab.ui.part.PartKey;

/** The lab as a part of the window: real counters racing on real threads; its charts are built on first show. */
public final class LabPart implements Part {

    private final LabViewModel viewModel;
    private LabView view;

    public LabPart(LabViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public String title() {
        return "Lab";
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new LabView(viewModel);
        }
        return view;
    }

    @Override
    public List<PartKey> keys() {
        return List.of(
                PartKey.of("Flip the live lock switch",
                        () -> viewModel.lockOnProperty().set(!viewModel.lockOnProperty().get()),
                        new KeyCodeCombination(KeyCode.L)),
                PartKey.of("Start a run, or stop the one going", this::startOrStop,
                        new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN)));
    }

    /** The charts, the live bar's start and stop, the lock switch and its badge, and the results table. */
    @Override
    public List<String> essentials() {
        return ESSENTIALS;
    }

    /** See {@link #essentials()}; also what the lab's own fit test checks. */
    static final List<String> ESSENTIALS = List.of("#lab-lost-chart", "#lab-rate-chart", "#lab-start", "#lab-stop",
            "#lab-lock", "#lab-lock-state", "#lab-table");

    private void startOrStop() {
        if (viewModel.isRunning()) {
            viewModel.stop();
        } else {
            viewModel.start();
        }
    }

    /** The lab's state, for tests and the frame-gap benchmark. */
    public LabViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void dispose() {
        viewModel.dispose();
    }
}
