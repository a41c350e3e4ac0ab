package org.racelab.ui.explorer;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.Schedule;
import org.racelab.ui.part.Part;

/**
 * The explorer as a part of the window. It knows no other part: "Replay in stepper" goes to the injected
 * {@code replay} consumer, and opening the explorer runs the injected {@code opened} action, through which the
 * composition root hands it the stepper's settings.
 */
public final class ExplorerPart implements Part {

    private final ExplorerViewModel viewModel;
    private final Runnable opened;
    private ExplorerView view;

    /**
     * @param replay where a chosen schedule goes, with the race it belongs to
     * @param opened runs each time the explorer's tab is selected
     */
    public ExplorerPart(ExplorerViewModel viewModel, BiConsumer<RaceConfig, Schedule> replay, Runnable opened) {
        this.viewModel = viewModel;
        this.opened = Objects.requireNonNull(opened);
        viewModel.setOnReplay(Objects.requireNonNull(replay));
    }

    @Override
    public String title() {
        return "Explorer";
    }

    @Override
    public int number() {
        return 3;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ExplorerView(viewModel);
        }
        return view;
    }

    @Override
    public List<String> essentials() {
        return ((ExplorerView) view()).essentials();
    }

    @Override
    public void shown() {
        opened.run();
    }

    /** Shows both switch rules side by side for {@code program} (the screenshots use it). */
    public void showSwitchRules(RaceProgram program) {
        ((ExplorerView) view()).showSwitchRules(program);
    }

    /** The explorer's state, for tests. */
    public ExplorerViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void dispose() {
        viewModel.dispose();
        if (view != null) {
            view.close();
        }
    }
}
