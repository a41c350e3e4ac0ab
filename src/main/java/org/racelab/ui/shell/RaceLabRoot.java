package org.racelab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.stage.Window;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.ui.explorer.ExplorerPart;
import org.racelab.ui.explorer.ExplorerViewModel;
import org.racelab.ui.lab.LabPart;
import org.racelab.ui.lab.LabViewModel;
import org.racelab.ui.part.Part;
import org.racelab.ui.pool.PoolPart;
import org.racelab.ui.queue.QueuePart;
import org.racelab.ui.stepper.StepperPart;
import org.racelab.ui.stepper.StepperViewModel;

/**
 * The composition root: the one place that creates the background executors, the view-models, the parts, the
 * coordinator of the cross-part flows and the window, and that disposes of them all when the window closes.
 *
 * <p>Adding a part is one line in {@link #parts}: its tab place and digit key come from {@link Part#number()}.
 */
public final class RaceLabRoot {

    private final MainViewModel viewModel;
    private final Function<String, BackgroundExecutor> executorFactory;
    private final List<BackgroundExecutor> executors = new ArrayList<>();
    private final KeyMap keyMap = new KeyMap();
    private final StepperPart stepper;
    private final LabPart lab;
    private final ExplorerPart explorer;
    private final List<Part> parts;
    private final FileCommands files;
    private final MainView window;

    /** Everything for a real window: background work hands its results to the JavaFX thread. */
    public RaceLabRoot(MainViewModel viewModel) {
        this(viewModel, FxBackground::create);
    }

    /** @param executors makes a background executor whose threads carry the given name; tests count or replace */
    RaceLabRoot(MainViewModel viewModel, Function<String, BackgroundExecutor> executors) {
        this.viewModel = viewModel;
        this.executorFactory = executors;
        stepper = new StepperPart(new StepperViewModel());
        lab = new LabPart(new LabViewModel(executor("racelab-lab")));
        ExplorerViewModel explorerModel = new ExplorerViewModel(executor("racelab-explorer"));
        PartCoordinator coordinator = new PartCoordinator(stepper, explorerModel, viewModel::select);
        explorer = new ExplorerPart(explorerModel, coordinator::replayInStepper, coordinator::explorerOpened);

        parts = new ArrayList<>(List.of(
                stepper,
                lab,
                explorer,
                new QueuePart(executor("racelab-queue-run")),
                new PoolPart(executor("racelab-pool"))));
        parts.sort(java.util.Comparator.comparingInt(Part::number));

        window = new MainView(viewModel, keyMap, parts);
        files = new FileCommands(viewModel, parts, executor("racelab-export"), this::stageWindow);
        window.setWindowBar(new WindowBar(viewModel, WindowMenus.create(viewModel, files, this::quit), files));
        WindowKeys.register(keyMap, viewModel, parts, files);
        window.showFirst();
    }

    private BackgroundExecutor executor(String threadName) {
        BackgroundExecutor executor = executorFactory.apply(threadName);
        executors.add(executor);
        return executor;
    }

    private Window stageWindow() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    private void quit() {
        Window w = stageWindow();
        if (w != null) {
            w.hide();
        }
    }

    /** The window's content. */
    public MainView window() {
        return window;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public KeyMap keyMap() {
        return keyMap;
    }

    /** The File menu's commands. */
    public FileCommands files() {
        return files;
    }

    public StepperPart stepper() {
        return stepper;
    }

    public LabPart lab() {
        return lab;
    }

    public ExplorerPart explorer() {
        return explorer;
    }

    /** Stops every part's background work and every executor, each within 200 ms; called when the window closes. */
    public void dispose() {
        for (Part part : window.parts()) {
            part.dispose();
        }
        for (BackgroundExecutor executor : executors) {
            executor.close();
        }
    }
}
