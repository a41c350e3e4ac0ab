package org.racelab.ui.shell;

import org.racelab.model.scenario.Scenario;
import org.racelab.model.scenario.ScenarioCodec;
import org.racelab.ui.part.Part;
import org.racelab.ui.part.PartStyle;
import org.racelab.ui.part.ScenarioHooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window-level features for the lecture hall: presentation, zoom, themes, keys, export and scenarios. */
@ExtendWith(ApplicationExtension.class)
class LectureHallTest {

    private Stage stage;
    private MainView view;
    private RaceLabRoot root;
    private FileCommands files;
    private MainViewModel vm;
    private Label secondary;
    private final List<Path> picked = new ArrayList<>();
    private Path nextPick;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        RaceLabApp app = new RaceLabApp();
        // As large as the headless screen: presentation mode then does not grow the window, which makes Monocle's
        // software painter reuse a pixel buffer that is too small (a JavaFX bug that only prints stack traces).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        app.show(stage, new SettingsStore.Loaded(Settings.DEFAULTS.withWindow(Optional.of(new Settings.WindowPlace(
                screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight(), false))), List.of()));
        view = app.mainView();
        root = app.root();
        files = root.files();
        vm = view.viewModel();
        secondary = new Label("settings only the teacher needs");
        secondary.getStyleClass().add(PartStyle.SECONDARY);
        view.install(new StandIn(2, "Lab", new StackPane(secondary)));
        files.setFilePicker((title, name, filter, save) -> {
            picked.add(Path.of(name));
            return Optional.ofNullable(nextPick);
        });
    }

    private double rootFont(FxRobot robot) {
        // The zoom label has no size of its own: it shows the root font size.
        return robot.lookup("#zoom-level").queryAs(Label.class).getFont().getSize();
    }

    private void press(FxRobot robot, KeyCode... keys) {
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void presentationModeHidesChromeAndSecondaryControlsAndEnlargesType(FxRobot robot) {
        MenuBar menu = robot.lookup(".window-menu").queryAs(MenuBar.class);
        Node bar = robot.lookup("#presentation-bar").query();
        press(robot, KeyCode.DIGIT2);
        double normal = rootFont(robot);
        assertThat(menu.isVisible()).isTrue();
        assertThat(bar.isVisible()).isFalse();

        press(robot, KeyCode.F11);
        assertThat(vm.isPresentation()).isTrue();
        assertThat(view.getPseudoClassStates()).contains(MainView.PRESENTATION);
        assertThat(menu.isVisible()).isFalse();
        assertThat(menu.isManaged()).isFalse();
        assertThat(bar.isVisible()).isTrue();
        assertThat(secondary.isVisible()).isFalse();
        assertThat(secondary.isManaged()).isFalse();
        // The stepper's settings rows are secondary too; its step, undo and play controls stay.
        assertThat(robot.lookup("#setup-row").query().isVisible()).isFalse();
        assertThat(robot.lookup("#counter").query().isVisible()).isTrue();
        assertThat(rootFont(robot)).isCloseTo(normal * Zoom.PRESENTATION_FACTOR, org.assertj.core.data.Offset.offset(0.01));
        assertThat(stage.isFullScreen()).isTrue();

        press(robot, KeyCode.ESCAPE);
        assertThat(vm.isPresentation()).isFalse();
        assertThat(view.getPseudoClassStates()).doesNotContain(MainView.PRESENTATION);
        assertThat(menu.isVisible()).isTrue();
        assertThat(bar.isVisible()).isFalse();
        assertThat(secondary.isVisible()).isTrue();
        assertThat(secondary.isManaged()).isTrue();
        assertThat(robot.lookup("#setup-row").query().isVisible()).isTrue();
        assertThat(rootFont(robot)).isEqualTo(normal);

        robot.clickOn("#presentation-button");
        assertThat(vm.isPresentation()).isTrue();
        robot.clickOn("#leave-presentation");
        assertThat(vm.isPresentation()).isFalse();
    }

    @Test
    void zoomKeysChangeTheRootFontSizeWithinLimits(FxRobot robot) {
        assertThat(rootFont(robot)).isEqualTo(Zoom.BASE_FONT_PX);
        press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertThat(vm.getZoom()).isEqualTo(110);
        assertThat(rootFont(robot)).isCloseTo(16.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(robot.lookup("#zoom-level").queryAs(Label.class).getText()).isEqualTo("110%");
        for (int i = 0; i < 12; i++) {
            press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }
        assertThat(vm.getZoom()).isEqualTo(Zoom.MAX);
        assertThat(rootFont(robot)).isCloseTo(37.5, org.assertj.core.data.Offset.offset(0.01));
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(vm.getZoom()).isEqualTo(100);
        assertThat(rootFont(robot)).isEqualTo(Zoom.BASE_FONT_PX);
        for (int i = 0; i < 6; i++) {
            press(robot, KeyCode.CONTROL, KeyCode.MINUS);
        }
        assertThat(vm.getZoom()).isEqualTo(Zoom.MIN);
        assertThat(rootFont(robot)).isCloseTo(11.25, org.assertj.core.data.Offset.offset(0.01));
        robot.clickOn("#zoom-in");
        assertThat(vm.getZoom()).isEqualTo(90);
    }

    @Test
    void themeSwitchReplacesTheStylesheetAndRecoloursTheWindow(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Theme> choice = robot.lookup("#theme-choice").queryAs(ComboBox.class);
        assertThat(background()).isEqualTo(Color.web("#ffffff"));

        robot.interact(() -> choice.setValue(Theme.DARK));
        assertThat(vm.getTheme()).isEqualTo(Theme.DARK);
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("theme-dark.css"));
        assertThat(background()).isEqualTo(Color.web("#1d2026"));

        robot.interact(() -> choice.setValue(Theme.HIGH_CONTRAST));
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("theme-high-contrast.css"))
                .noneMatch(s -> s.endsWith("theme-dark.css"));
        assertThat(background()).isEqualTo(Color.BLACK);

        robot.interact(() -> choice.setValue(Theme.LIGHT));
        assertThat(stage.getScene().getStylesheets()).noneMatch(s -> s.contains("theme-"));
        assertThat(background()).isEqualTo(Color.WHITE);
        // A stylesheet a part added survives theme and zoom changes.
        robot.interact(() -> stage.getScene().getStylesheets().add(Themes.url("theme-dark.css") + "?part"));
        robot.interact(() -> vm.setTheme(Theme.HIGH_CONTRAST));
        press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("?part"));
    }

    private Color background() {
        WaitForAsyncUtils.waitForFxEvents();
        return (Color) view.getBackground().getFills().get(0).getFill();
    }

    @Test
    void everyWindowKeyInTheHelpDoesWhatItSays(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".part-tabs").queryAs(TabPane.class);
        // If a window key is added, this list (and the checks below) must grow with it.
        assertThat(view.keyMap().byGroup().get(MainView.WINDOW_KEYS).stream()
                .map(b -> KeyMap.keysText(b) + ": " + b.description()))
                .containsExactly("1: Show the stepper", "2: Show the lab", "3: Show the explorer", "4: Show the queue",
                        "5: Show the pool",
                        "F11: Presentation mode on / off (full screen, larger type)", "Esc: Close this help",
                        "Esc: Leave presentation mode", "Ctrl+= / Ctrl++: Zoom in", "Ctrl+-: Zoom out",
                        "Ctrl+0: Zoom 100%", "F1 / ?: Keyboard help on / off", "Ctrl+S: Export the current part as PNG",
                        "Ctrl+O: Open a scenario file");
        assertThat(view.keyMap().byGroup().get(MainView.WINDOW_KEYS)).hasSize(14);

        press(robot, KeyCode.DIGIT2);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("lab-tab");
        press(robot, KeyCode.DIGIT3);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("explorer-tab");
        press(robot, KeyCode.DIGIT1);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("stepper-tab");

        assertThat(robot.lookup("#help-overlay").tryQuery()).isEmpty();
        press(robot, KeyCode.F1);
        Node help = robot.lookup("#help-overlay").query();
        assertThat(help.isVisible()).isTrue();
        assertThat(robot.lookup(".help-description").queryAll()).hasSizeGreaterThanOrEqualTo(12);
        press(robot, KeyCode.ESCAPE);
        assertThat(help.isVisible()).isFalse();
        press(robot, KeyCode.SHIFT, KeyCode.SLASH);
        assertThat(help.isVisible()).isTrue();
        robot.clickOn(help);
        assertThat(help.isVisible()).isFalse();

        press(robot, KeyCode.F11);
        assertThat(vm.isPresentation()).isTrue();
        press(robot, KeyCode.F11);
        assertThat(vm.isPresentation()).isFalse();
        press(robot, KeyCode.F11);
        press(robot, KeyCode.ESCAPE);
        assertThat(vm.isPresentation()).isFalse();

        press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertThat(vm.getZoom()).isEqualTo(110);
        press(robot, KeyCode.CONTROL, KeyCode.MINUS);
        press(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertThat(vm.getZoom()).isEqualTo(90);
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(vm.getZoom()).isEqualTo(100);

        nextPick = dir.resolve("shot.png");
        press(robot, KeyCode.CONTROL, KeyCode.S);
        awaitFile(nextPick);
        BufferedImage png = ImageIO.read(nextPick.toFile());
        // The stepper exports a page of its own (the whole timeline, not the visible part), so the picture is at
        // least as wide as the window's part, not the size of any node on screen.
        assertThat(png.getWidth()).isGreaterThanOrEqualTo((int) stage.getScene().getWidth() - 40);

        Path scenario = dir.resolve("in.json");
        Files.writeString(scenario, ScenarioCodec.toJson(Scenario.SLIDE_8));
        FakeStepper stepper = new FakeStepper(null);
        robot.interact(() -> view.install(stepper));
        nextPick = scenario;
        press(robot, KeyCode.DIGIT3);
        press(robot, KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stepper.opened == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stepper.scenario).isEqualTo(Scenario.SLIDE_8);
        assertThat(vm.getSelectedPart()).isSameAs(stepper);
    }

    private static void awaitFile(Path file) throws Exception {
        // A wait, not a speed claim: on a machine shared with other builds the PNG writer can take seconds.
        for (int i = 0; i < 400 && !Files.exists(file); i++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        assertThat(file).exists();
    }

    @Test
    void pngExportHasTheNodesSizeAtScreenScaleAndTwiceAtDoubleScale(FxRobot robot) throws Exception {
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        robot.interact(() -> files.exportPng(one, PngExport.SCREEN));
        robot.interact(() -> files.exportPng(two, PngExport.DOUBLE));
        awaitFile(one);
        awaitFile(two);
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        // The export is a page of its own (see StepperView.exportNode): its size, once at screen scale, once at 2x.
        int w = a.getWidth();
        int h = a.getHeight();
        assertThat(w).isGreaterThan(500);
        assertThat(b.getWidth()).isEqualTo(2 * w);
        assertThat(b.getHeight()).isEqualTo(2 * h);
        // Not an empty image: the placeholder's text is darker than the white background somewhere.
        boolean dark = false;
        for (int x = 0; x < a.getWidth() && !dark; x += 2) {
            for (int y = 0; y < a.getHeight() && !dark; y += 2) {
                dark = (a.getRGB(x, y) & 0xff) < 128;
            }
        }
        assertThat(dark).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.getNotice().text()).contains("two.png").contains((2 * w) + " × " + (2 * h));
    }

    @Test
    void scenarioSaveAndOpenRoundTripThroughTheStepper(FxRobot robot) throws Exception {
        Scenario locked = new Scenario(new RaceConfig(3, 2, -4, true), new Schedule("AAAAAB"));
        FakeStepper source = new FakeStepper(locked);
        robot.interact(() -> view.install(source));
        Path file = dir.resolve("locked.json");
        boolean[] ok = new boolean[2];
        robot.interact(() -> ok[0] = files.saveScenario(file));
        assertThat(ok[0]).isTrue();
        assertThat(Files.readString(file)).contains("\"schedule\" : \"AAAAAB\"");

        FakeStepper target = new FakeStepper(Scenario.SLIDE_8);
        robot.interact(() -> view.install(target));
        ok[1] = open(robot, file);
        assertThat(ok[1]).isTrue();
        assertThat(target.scenario).isEqualTo(locked);
        assertThat(vm.getNotice().level()).isEqualTo(Notice.Level.INFO);
    }

    @Test
    void corruptOrTruncatedScenarioChangesNothingAndSaysWhyInline(FxRobot robot) throws Exception {
        FakeStepper stepper = new FakeStepper(Scenario.SLIDE_8);
        robot.interact(() -> view.install(stepper));
        String good = ScenarioCodec.toJson(new Scenario(new RaceConfig(2, 2, 0, false), new Schedule("AB")));
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, good.substring(0, good.length() / 2), StandardCharsets.UTF_8);
        Path garbage = dir.resolve("garbage.json");
        Files.write(garbage, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path badThread = dir.resolve("bad.json");
        Files.writeString(badThread, good.replace("\"AB\"", "\"ABC\""));

        for (Path bad : List.of(truncated, garbage, badThread, dir.resolve("missing.json"))) {
            assertThat(open(robot, bad)).as(bad.toString()).isFalse();
            assertThat(stepper.scenario).isEqualTo(Scenario.SLIDE_8);
            assertThat(stepper.opened).isZero();
            assertThat(vm.getNotice().level()).isEqualTo(Notice.Level.ERROR);
            assertThat(vm.getNotice().text()).startsWith("Could not open " + bad.getFileName())
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(vm.getNotice().text()).contains("cannot read");

        // A file that parses but that the stepper refuses to replay is also reported, not thrown.
        stepper.refuse = "step 2: thread A is blocked: the lock is held by B";
        Path fine = dir.resolve("fine.json");
        Files.writeString(fine, good);
        open(robot, fine);
        assertThat(vm.getNotice().text()).contains("thread A is blocked");
        assertThat(stepper.scenario).isEqualTo(Scenario.SLIDE_8);
        assertThat(robot.lookup("#notice-bar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#notice-text").queryAs(Label.class).getText()).contains("thread A is blocked");
        robot.clickOn("#notice-close");
        assertThat(robot.lookup("#notice-bar").query().isVisible()).isFalse();
        assertThat(vm.getNotice()).isNull();
    }

    @Test
    void copyRunAsTextPutsTheSteppersRunOnTheClipboard(FxRobot robot) {
        robot.interact(files::copyRunAsText);
        assertThat(vm.getNotice().level()).isEqualTo(Notice.Level.WARNING);
        assertThat(vm.getNotice().text()).contains("no run to copy");
        // Slide 8 by keys in the stepper, then copy from another part: the stepper's run is what gets copied.
        press(robot, KeyCode.DIGIT1);
        for (KeyCode k : new KeyCode[] {KeyCode.A, KeyCode.B, KeyCode.B, KeyCode.B, KeyCode.A, KeyCode.A}) {
            press(robot, k);
        }
        assertThat(root.stepper().viewModel().currentSchedule().letters()).isEqualTo("ABBBAA");
        press(robot, KeyCode.DIGIT3);
        robot.interact(files::copyRunAsText);
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(root.stepper().viewModel().runAsText()).contains("ABBBAA").contains("|");
        assertThat(vm.getNotice().level()).isEqualTo(Notice.Level.INFO);
        assertThat(vm.getNotice().text()).contains(clip[0].lines().count() + " lines");
    }

    @Test
    void scenarioFilesRoundTripThroughTheRealStepper(FxRobot robot) throws Exception {
        Path file = dir.resolve("slide8.json");
        Files.writeString(file, ScenarioCodec.toJson(Scenario.SLIDE_8));
        press(robot, KeyCode.DIGIT2);
        boolean[] ok = new boolean[2];
        ok[0] = open(robot, file);
        assertThat(ok[0]).isTrue();
        assertThat(vm.getSelectedPart()).isSameAs(root.stepper());
        assertThat(root.stepper().viewModel().currentConfig()).isEqualTo(RaceConfig.SLIDE_8);
        assertThat(root.stepper().currentScenario()).isEqualTo(Scenario.SLIDE_8);
        // Step it through by redo, then save: the same scenario comes out.
        for (int i = 0; i < 6; i++) {
            press(robot, KeyCode.CONTROL, KeyCode.Y);
        }
        assertThat(root.stepper().viewModel().getState().counter()).isEqualTo(6);
        Path saved = dir.resolve("saved.json");
        robot.interact(() -> ok[1] = files.saveScenario(saved));
        assertThat(ok[1]).isTrue();
        assertThat(ScenarioCodec.read(saved)).isEqualTo(Scenario.SLIDE_8);

        // A schedule the model refuses (B steps while A holds the lock) changes nothing and is reported inline.
        Path blocked = dir.resolve("blocked.json");
        Files.writeString(blocked, ScenarioCodec.toJson(
                new Scenario(new RaceConfig(2, 1, 5, true), new Schedule("AB"))).replace("\"AB\"", "\"AAB\""));
        ok[0] = open(robot, blocked);
        assertThat(ok[0]).isFalse();
        assertThat(vm.getNotice().level()).isEqualTo(Notice.Level.ERROR);
        assertThat(vm.getNotice().text()).startsWith("Could not open blocked.json: ").contains("step 3");
        assertThat(root.stepper().viewModel().currentConfig()).isEqualTo(RaceConfig.SLIDE_8);
        assertThat(root.stepper().viewModel().currentSchedule().letters()).isEqualTo("ABBBAA");
    }

    /** Opens a file the way the File menu does, and waits for the background read and the hand-over. */
    private boolean open(FxRobot robot, Path file) throws Exception {
        @SuppressWarnings("unchecked")
        java.util.concurrent.CompletableFuture<Boolean>[] done = new java.util.concurrent.CompletableFuture[1];
        robot.interact(() -> done[0] = files.openScenario(file));
        boolean ok = done[0].get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return ok;
    }

    /** A part that is only a node: exported as a whole, no text, no scenario. */
    private record StandIn(int number, String title, Node view) implements Part {
        @Override
        public void dispose() {
        }
    }

    /** Stands in for the stepper: remembers the scenario it was given, or refuses it like a bad replay. */
    private static final class FakeStepper implements Part {
        private final StackPane node = new StackPane(new Label("fake stepper"));
        Scenario scenario;
        String refuse;
        int opened;

        FakeStepper(Scenario scenario) {
            this.scenario = scenario;
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
            return node;
        }

        @Override
        public Optional<String> copyText() {
            return Optional.ofNullable(scenario).map(s -> "Schedule: " + s.schedule() + "\n| step | A | B |\n");
        }

        @Override
        public Optional<ScenarioHooks> scenario() {
            return Optional.of(new ScenarioHooks() {
                @Override
                public String kind() {
                    return "scenario";
                }

                @Override
                public String save() {
                    return scenario == null ? "{}" : ScenarioCodec.toJson(scenario);
                }

                @Override
                public void open(String json) {
                    if (refuse != null) {
                        throw new IllegalArgumentException(refuse);
                    }
                    try {
                        scenario = ScenarioCodec.fromJson(json);
                    } catch (org.racelab.model.scenario.ScenarioException e) {
                        throw new IllegalArgumentException(e.getMessage());
                    }
                    opened++;
                }
            });
        }

        @Override
        public void dispose() {
        }
    }
}
