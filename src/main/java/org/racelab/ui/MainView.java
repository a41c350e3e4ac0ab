package org.racelab.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.model.RaceConfig;

/** The main window's content: a navigation between the stepper, the lab and the explorer. */
public final class MainView extends BorderPane {

    private final MainViewModel viewModel;
    private final TabPane tabs = new TabPane();
    private final Map<MainViewModel.Part, Tab> tabByPart = new EnumMap<>(MainViewModel.Part.class);
    private final KeyMap keyMap = new KeyMap();
    private final StepperView stepperView;
    private final LabViewModel labViewModel = new LabViewModel(FxBackground.create("racelab-lab"));
    private final BackgroundExecutor explorerBackground = FxBackground.create("racelab-explorer");
    private final ExplorerViewModel explorerViewModel = new ExplorerViewModel(explorerBackground);

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("main-view");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("part-tabs");
        stepperView = new StepperView(new StepperViewModel(), keyMap,
                () -> viewModel.getSelectedPart() == MainViewModel.Part.STEPPER);
        for (MainViewModel.Part part : MainViewModel.Part.values()) {
            Tab tab = new Tab(part.title(), switch (part) {
                case STEPPER -> stepperView;
                case LAB -> new LabView(labViewModel);
                case EXPLORER -> new ExplorerView(explorerViewModel);
                default -> placeholder(part);
            });
            tab.setId(part.name().toLowerCase() + "-tab");
            tabByPart.put(part, tab);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(tabByPart.get(viewModel.getSelectedPart()));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) ->
                tabByPart.forEach((part, t) -> {
                    if (t == tab) {
                        viewModel.select(part);
                    }
                }));
        viewModel.selectedPartProperty().addListener((obs, old, part) ->
                tabs.getSelectionModel().select(tabByPart.get(part)));
        setCenter(tabs);
        bindLabKeys();
        explorerViewModel.setOnReplay((config, schedule) -> {
            stepper().replay(config, schedule);
            viewModel.select(MainViewModel.Part.STEPPER);
        });
        // The explorer follows the stepper: on opening it, a race changed in the stepper since is taken over;
        // settings changed in the explorer itself stay until the stepper changes again.
        viewModel.selectedPartProperty().addListener((obs, old, part) -> {
            if (part == MainViewModel.Part.EXPLORER) {
                syncExplorerFromStepper();
            }
        });
        syncExplorerFromStepper();
        explorerViewModel.explore();
    }

    private void bindLabKeys() {
        java.util.function.BooleanSupplier labShowing = () -> viewModel.getSelectedPart() == MainViewModel.Part.LAB;
        keyMap.bind("Lab", "Flip the live lock switch", labShowing,
                () -> labViewModel.lockOnProperty().set(!labViewModel.lockOnProperty().get()),
                new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.L));
        keyMap.bind("Lab", "Start a run, or stop the one going", labShowing,
                () -> {
                    if (labViewModel.isRunning()) {
                        labViewModel.stop();
                    } else {
                        labViewModel.start();
                    }
                },
                new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ENTER,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
    }

    /** The lab's state, for tests and the frame-gap benchmark. */
    public LabViewModel labViewModel() {
        return labViewModel;
    }

    private RaceConfig lastStepperConfig;

    private void syncExplorerFromStepper() {
        RaceConfig current = stepper().currentConfig();
        if (!current.equals(lastStepperConfig)) {
            lastStepperConfig = current;
            explorerViewModel.useSettings(current);
        }
    }

    /** The explorer's view-model, so the stepper's settings can be handed over. */
    public ExplorerViewModel explorerViewModel() {
        return explorerViewModel;
    }

    private static StackPane placeholder(MainViewModel.Part part) {
        String text = switch (part) {
            case STEPPER -> "The stepper will come here: you play the scheduler, one micro-step of one thread per click.";
            case LAB -> "The lab will come here: real counters on real pool threads, with lost updates charted live.";
            case EXPLORER -> "The explorer will come here: every interleaving, counted exactly and grouped by outcome.";
        };
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("placeholder");
        label.setId(part.name().toLowerCase() + "-placeholder");
        StackPane pane = new StackPane(label);
        pane.getStyleClass().add("placeholder-pane");
        return pane;
    }

    /** The window's keyboard shortcuts; the scene installs them, the help overlay lists them. */
    public KeyMap keyMap() {
        return keyMap;
    }

    /** The stepper's view-model, e.g. for the explorer to replay a schedule in it. */
    public StepperViewModel stepper() {
        return stepperView.viewModel();
    }

    /** Stops whatever the parts run in the background; called when the window closes. */
    public void dispose() {
        stepperView.dispose();
        // Parts with background work register their shutdown here as they land.
        labViewModel.dispose();
        explorerViewModel.dispose();
        explorerBackground.close();
    }
}
