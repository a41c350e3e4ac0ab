package org.racelab.ui.pool;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.lab.pool.PoolLab;
import org.racelab.ui.part.Part;
import org.racelab.ui.part.PartKey;

/**
 * The Pool part (key 5): I/O-bound work on a real thread pool, the worker sweep, the GIL switch, map vs
 * as_completed and what a thread costs (Slides 2–5 and 11).
 */
public final class PoolPart implements Part {

    private final BackgroundExecutor background;
    private final PoolViewModel viewModel;
    private PoolView view;

    /** A part whose work runs on {@code background}, e.g. {@code FxBackground.create("racelab-pool")}. */
    public PoolPart(BackgroundExecutor background) {
        this.background = background;
        this.viewModel = new PoolViewModel(background, System::nanoTime);
    }

    public PoolViewModel viewModel() {
        return viewModel;
    }

    @Override
    public String title() {
        return "Pool";
    }

    @Override
    public int number() {
        return 5;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new PoolView(viewModel);
            rehearse();
        }
        return view;
    }

    /**
     * When the tab first shows, one request through a server and client of its own, off screen and off the window's
     * thread: the first run or sweep of a JVM otherwise loads the HTTP server's and client's classes while it runs
     * (measured: the window's longest frame of a sweep, a collection of the grown class metadata among it).
     * Nothing stays open: the server closes and its threads end at once; a failure here shows again at the real run.
     */
    private void rehearse() {
        background.submit(() -> {
            PoolLab.open(0).close();
            return null;
        }, done -> { }, failed -> { });
    }

    @Override
    public List<PartKey> keys() {
        return List.of(
                PartKey.of("Run the pool, or stop what runs", () -> {
                    if (viewModel.isRunning()) {
                        viewModel.stop();
                    } else {
                        viewModel.run();
                    }
                }, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN)),
                PartKey.of("Sweep 1, 2, 4 … 64 workers", viewModel::sweep, new KeyCodeCombination(KeyCode.W)),
                PartKey.of("Sequential baseline (one thread, no pool)", viewModel::runSequential,
                        new KeyCodeCombination(KeyCode.Q)),
                PartKey.of("GIL on/off", () -> {
                    if (!viewModel.isRunning()) {
                        viewModel.gilProperty().set(!viewModel.gilProperty().get());
                    }
                }, new KeyCodeCombination(KeyCode.G)));
    }

    /** The two charts, the run buttons, the GIL switch (its text is its state) and the backlog line. */
    @Override
    public List<String> essentials() {
        return List.of("#pool-gantt", "#pool-sweep-chart", "#pool-run", "#pool-stop", "#pool-sweep", "#pool-gil",
                "#pool-backlog");
    }

    @Override
    public void dispose() {
        if (view != null) {
            view.dispose();
        }
        viewModel.dispose();
    }
}
