package org.racelab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.racelab.lab.ThreadedBackgroundExecutor;

/**
 * The explorer's lower half as three tabs: "Schedules", "How often really?" (theory beside real Java threads and
 * the teacher's Python) and "Python's switches" (both switch rules side by side). It owns the background threads
 * of the last two and ends them, and any Python process, when the window closes.
 */
final class LowerTabs {

    private final TabPane tabs;
    private final RealityView reality;
    private final SwitchRulesView rules;
    private final List<Runnable> closers = new ArrayList<>();
    private boolean closed;

    LowerTabs(Node schedules, ExplorerViewModel explorer, PythonAccess access) {
        ThreadedBackgroundExecutor realityThreads = executor("racelab-reality-run");
        ThreadedBackgroundExecutor rulesThreads = executor("racelab-switch-rules");
        ThreadedBackgroundExecutor pythonThreads = executor("racelab-python-run");

        RealityViewModel realityModel = new RealityViewModel(realityThreads, System::nanoTime);
        realityModel.setOnReplay(explorer::replay);
        SwitchRulesViewModel rulesModel = new SwitchRulesViewModel(rulesThreads);
        PythonTrialsViewModel pythonModel = new PythonTrialsViewModel(pythonThreads, access.finder(), access.runner());
        explorer.resultProperty().addListener((o, old, r) -> {
            realityModel.useExploration(r);
            pythonModel.clear();
            if (r != null) {
                rulesModel.useConfig(r.config());
            }
        });
        realityModel.useExploration(explorer.resultProperty().get());
        if (explorer.resultProperty().get() != null) {
            rulesModel.useConfig(explorer.resultProperty().get().config());
        }
        // Changing the program makes the Python bars stale: they were another loop body's trials.
        rulesModel.programProperty().addListener((o, old, p) -> pythonModel.clear());

        reality = new RealityView(realityModel, pythonModel,
                () -> pythonModel.run(explorer.exploredConfigProperty().get(), rulesModel.programProperty().get()));
        rules = new SwitchRulesView(rulesModel);
        closers.add(realityModel::dispose);
        closers.add(rulesModel::dispose);
        closers.add(pythonModel::dispose);
        closers.add(realityThreads::close);
        closers.add(rulesThreads::close);
        closers.add(pythonThreads::close);

        Tab list = new Tab("Schedules", schedules);
        list.setId("explorer-schedules-tab");
        Tab real = new Tab("How often really?", reality);
        real.setId("explorer-reality-tab");
        Tab python = new Tab("Python's switches", rules);
        python.setId("explorer-switches-tab");
        tabs = new TabPane(list, real, python);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("explorer-lower-tabs");
        tabs.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, oldWindow, window) -> hookWindow(window));
                hookWindow(scene.getWindow());
            }
        });
    }

    private static ThreadedBackgroundExecutor executor(String name) {
        return new ThreadedBackgroundExecutor(name, Platform::runLater);
    }

    TabPane tabs() {
        return tabs;
    }

    /** The id of the tab shown: explorer-schedules-tab, explorer-reality-tab or explorer-switches-tab. */
    String shownTab() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        return shown == null ? "" : shown.getId();
    }

    /** Shows the tab with this id, if there is one. */
    void show(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** The switch rules pane's state. */
    SwitchRulesViewModel rules() {
        return rules.viewModel();
    }

    /** Stops every trial and count and ends their threads (within 200 ms each) and any Python process. */
    void close() {
        if (!closed) {
            closed = true;
            closers.forEach(Runnable::run);
        }
    }

    private void hookWindow(Window window) {
        if (window != null) {
            window.showingProperty().addListener((o, was, showing) -> {
                if (!showing) {
                    close();
                }
            });
        }
    }
}
