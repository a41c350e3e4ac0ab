package org.racelab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.racelab.ui.controls.ScaleToFit;
import org.racelab.ui.part.Part;

/**
 * The window's content: one tab per part in the order of {@link Part#number()}, the window bar in the tab strip's
 * right end, the notice bar floating over the bottom and the keyboard help laid over everything.
 *
 * <p>A part's view is built when its tab is first selected; each selection calls {@link Part#shown()}.
 */
public final class MainView extends BorderPane {

    public static final PseudoClass PRESENTATION = PresentationMode.PRESENTATION;
    /** The help's group for the window's own keys. */
    public static final String WINDOW_KEYS = WindowKeys.GROUP;

    private final MainViewModel viewModel;
    private final KeyMap keyMap;
    private final List<Part> parts;
    private final List<Tab> tabList = new ArrayList<>();
    private final TabPane tabs = new TabPane();
    private final StackPane center;
    private final PresentationMode presentation;
    private final StripFit stripFit;
    private WindowBar windowBar;
    private HelpOverlay help;

    /**
     * @param parts the parts in tab order; the window replaces an entry in this list when a test installs a
     *              stand-in ({@link #install(Part)})
     */
    MainView(MainViewModel viewModel, KeyMap keyMap, List<Part> parts) {
        this.viewModel = viewModel;
        this.keyMap = keyMap;
        this.parts = parts;
        getStyleClass().add("main-view");
        presentation = new PresentationMode(viewModel, this);
        new Appearance(viewModel, this);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("part-tabs");
        stripFit = new StripFit(viewModel, tabs);
        for (Part part : parts) {
            StackPane holder = new StackPane();
            holder.getStyleClass().add("part-holder");
            Tab tab = new Tab(part.title(), holder);
            tab.setId(part.title().toLowerCase(java.util.Locale.ROOT) + "-tab");
            tab.setTooltip(new Tooltip(part.title() + " (key " + part.number() + ")"));
            tabList.add(tab);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> {
            if (i.intValue() >= 0) {
                viewModel.select(this.parts.get(i.intValue()));
            }
        });
        viewModel.selectedPartProperty().addListener((obs, old, part) -> show(part));

        NoticeBar notices = new NoticeBar(viewModel);
        center = new StackPane(tabs);
        // Notices float over the bottom of the part: a message never pushes the stepper out of a 1024x768 window.
        StackPane.setAlignment(notices, Pos.BOTTOM_CENTER);
        notices.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        center.getChildren().add(notices);
        // The help overlay is built the first time it is asked for: nothing on the startup path that can wait.
        viewModel.helpShowingProperty().addListener((obs, old, on) -> {
            if (on) {
                helpOverlay().rebuild();
            }
        });
        setCenter(center);
    }

    /** Puts the window bar (menus and tools) into the tab strip's empty right end. */
    void setWindowBar(WindowBar bar) {
        windowBar = bar;
        StackPane.setAlignment(bar, Pos.TOP_RIGHT);
        center.getChildren().add(1, bar);
    }

    /** Shows the first part; called once everything is wired, so its {@link Part#shown()} sees a whole window. */
    void showFirst() {
        Part first = parts.get(0);
        if (viewModel.getSelectedPart() == first) {
            show(first);
        } else {
            viewModel.select(first);
        }
    }

    private void show(Part part) {
        int index = parts.indexOf(part);
        if (index < 0) {
            return;
        }
        Tab tab = tabList.get(index);
        StackPane holder = (StackPane) tab.getContent();
        if (holder.getChildren().isEmpty()) {
            holder.getChildren().setAll(fitted(part));
            presentation.apply();
        }
        tabs.getSelectionModel().select(tab);
        part.shown();
    }

    /** The part's view, inside a slide-like scaler if the part asks for one (see {@link Part#fit()}). */
    private javafx.scene.Node fitted(Part part) {
        if (part.fit() != Part.Fit.SCALE_TO_SCREEN) {
            return part.view();
        }
        ScaleToFit slide = new ScaleToFit(part.view(),
                () -> Part.MIN_TEXT_SHARE * (getScene() == null ? 0 : getScene().getHeight()));
        slide.activeProperty().bind(viewModel.presentationProperty());
        return slide;
    }

    private HelpOverlay helpOverlay() {
        if (help == null) {
            help = new HelpOverlay(keyMap, () -> viewModel.setHelpShowing(false));
            help.visibleProperty().bind(viewModel.helpShowingProperty());
            center.getChildren().add(help);
        }
        return help;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (windowBar != null) {
            windowBar.fitBeside(tabs);
        }
        stripFit.fit(windowBar);
    }

    /** The parts in tab order. */
    public List<Part> parts() {
        return List.copyOf(parts);
    }

    /** The part on show. */
    public Part currentPart() {
        Part selected = viewModel.getSelectedPart();
        return selected != null ? selected : parts.get(0);
    }

    /** Puts a part into the tab of the part with the same number; tests use it to stand in for a part. */
    void install(Part replacement) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).number() == replacement.number()) {
                boolean selected = viewModel.getSelectedPart() == parts.get(i);
                parts.set(i, replacement);
                ((StackPane) tabList.get(i).getContent()).getChildren().setAll(fitted(replacement));
                presentation.apply();
                if (selected) {
                    viewModel.select(replacement);
                }
                return;
            }
        }
        throw new IllegalArgumentException("no part with number " + replacement.number());
    }

    /** Follows the stage's presentation mode into full screen. */
    PresentationMode presentation() {
        return presentation;
    }

    /** The window's keyboard shortcuts; the scene installs them, the help overlay lists them. */
    public KeyMap keyMap() {
        return keyMap;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }
}
