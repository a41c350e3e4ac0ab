package org.racelab.ui.shell;

import java.util.function.Consumer;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.racelab.ui.explorer.ExplorerViewModel;
import org.racelab.ui.part.Part;
import org.racelab.ui.stepper.StepperPart;

/**
 * The two flows that cross parts, as plain method calls, each run once per user action: "Replay in stepper" from
 * the explorer, and the explorer taking over the stepper's settings when it opens. Parts never call each other;
 * the composition root hands them these methods.
 */
public final class PartCoordinator {

    private final StepperPart stepper;
    private final ExplorerViewModel explorer;
    private final Consumer<Part> show;
    private RaceConfig lastTakenOver;
    private boolean explored;

    /** @param show puts a part on show (selects its tab) */
    public PartCoordinator(StepperPart stepper, ExplorerViewModel explorer, Consumer<Part> show) {
        this.stepper = stepper;
        this.explorer = explorer;
        this.show = show;
    }

    /** Opens an explorer schedule in the stepper, ready to step, and shows the stepper. */
    public void replayInStepper(RaceConfig config, Schedule schedule) {
        stepper.replay(config, schedule);
        show.accept(stepper);
    }

    /**
     * The explorer was opened: it takes over a race changed in the stepper since (settings changed in the explorer
     * itself stay until the stepper changes again) and explores exactly once if that changed its race, or if it
     * has explored nothing yet.
     */
    public void explorerOpened() {
        RaceConfig before = explorer.config();
        RaceConfig current = stepper.settings();
        if (!current.equals(lastTakenOver)) {
            lastTakenOver = current;
            explorer.useSettings(current);
        }
        if (!explored || !explorer.config().equals(before)) {
            explored = true;
            explorer.explore();
        }
    }
}
