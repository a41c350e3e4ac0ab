package org.racelab.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.model.scenario.Scenario;
import org.racelab.model.scenario.ScenarioCodec;
import org.racelab.model.scenario.ScenarioException;
import org.racelab.ui.part.Part;
import org.racelab.ui.part.ScenarioHooks;

/**
 * The File menu's commands: open and save scenario files, export the part on show as PNG, copy the run as text.
 * Files are read and images written on a background executor; every outcome is reported in the notice bar.
 */
public final class FileCommands {

    /** The {@code "racelab"} marker of the stepper's scenario files, the kind "Open / Save scenario" handles. */
    static final String SCENARIO_KIND = "scenario";
    private static final FileChooser.ExtensionFilter SCENARIO_FILES =
            new FileChooser.ExtensionFilter("RaceLab scenario", "*.json");

    /** Asks for a file to open or save; tests replace it, since native dialogs cannot run headless. */
    @FunctionalInterface
    public interface FilePicker {
        Optional<Path> pick(String title, String initialName, FileChooser.ExtensionFilter filter, boolean save);
    }

    private final MainViewModel viewModel;
    private final List<Part> parts;
    private final BackgroundExecutor background;
    private final Supplier<Window> window;
    private FilePicker filePicker = this::nativeDialog;

    /**
     * @param parts      the window's parts, read at each command (a test may swap one in)
     * @param background reads scenario files and writes images
     * @param window     the window dialogs belong to, or null while there is none
     */
    public FileCommands(MainViewModel viewModel, List<Part> parts, BackgroundExecutor background,
            Supplier<Window> window) {
        this.viewModel = viewModel;
        this.parts = parts;
        this.background = background;
        this.window = window;
    }

    /** Replaces the native file dialog, e.g. in tests. */
    public void setFilePicker(FilePicker picker) {
        this.filePicker = picker;
    }

    private Optional<Path> nativeDialog(String title, String fileName, FileChooser.ExtensionFilter filter,
            boolean save) {
        Window owner = window.get();
        if (owner == null) {
            return Optional.empty();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        chooser.setInitialFileName(fileName);
        var file = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(java.io.File::toPath);
    }

    /** The part on show (the first part before any is selected). */
    public Part currentPart() {
        Part selected = viewModel.getSelectedPart();
        return selected != null ? selected : parts.get(0);
    }

    // ---- PNG ------------------------------------------------------------------------------------------------

    /** Asks for a file name, then exports the part on show at {@code scale}. */
    public void chooseAndExportPng(double scale) {
        String name = "racelab-" + currentPart().title().toLowerCase(java.util.Locale.ROOT)
                + (scale == PngExport.DOUBLE ? "@2x" : "") + ".png";
        filePicker.pick("Export PNG", name, new FileChooser.ExtensionFilter("PNG image", "*.png"), true)
                .ifPresent(path -> exportPng(path, scale));
    }

    /** Snapshots the part on show now and writes the PNG in the background; the result is reported inline. */
    public CompletableFuture<Path> exportPng(Path file, double scale) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        WritableImage image;
        try {
            image = PngExport.snapshot(currentPart().exportNode(), scale);
        } catch (RuntimeException e) {
            viewModel.notify(Notice.error("Could not capture the image: " + e.getMessage()));
            done.completeExceptionally(e);
            return done;
        }
        String size = (int) image.getWidth() + " × " + (int) image.getHeight();
        background.submit(() -> {
            PngExport.write(image, file);
            return file;
        }, path -> {
            viewModel.notify(Notice.info("Saved " + path.getFileName() + " (" + size + " px)"));
            done.complete(path);
        }, failure -> {
            String why = failure instanceof IOException io ? ScenarioCodec.describe(io) : failure.toString();
            viewModel.notify(Notice.error("Could not save " + file.getFileName() + ": " + why));
            done.completeExceptionally(failure);
        });
        return done;
    }

    // ---- copy -----------------------------------------------------------------------------------------------

    /** Copies the run of the part on show (or else the stepper's) to the clipboard as text. */
    public Optional<String> copyRunAsText() {
        Optional<String> text = currentPart().copyText()
                .or(() -> scenarioPart().flatMap(Part::copyText));
        if (text.isEmpty()) {
            viewModel.notify(Notice.warning("There is no run to copy yet: step a few threads in the stepper first."));
            return text;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text.get());
        Clipboard.getSystemClipboard().setContent(content);
        long lines = text.get().lines().count();
        viewModel.notify(Notice.info("Copied the run to the clipboard (" + lines + " lines), ready to paste."));
        return text;
    }

    // ---- scenarios ------------------------------------------------------------------------------------------

    /** Asks for a scenario file and opens it. */
    public void chooseAndOpenScenario() {
        filePicker.pick("Open scenario", "", SCENARIO_FILES, false).ifPresent(this::openScenario);
    }

    /** Asks for a file name and saves the scenario there. */
    public void chooseAndSaveScenario() {
        filePicker.pick("Save scenario", "scenario.json", SCENARIO_FILES, true).ifPresent(this::saveScenario);
    }

    /**
     * Reads a scenario file on the background executor (never on the JavaFX thread) and then opens it in the
     * stepper; a bad file changes nothing and says why inline. Completes with whether it was opened.
     */
    public CompletableFuture<Boolean> openScenario(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        String name = String.valueOf(file.getFileName());
        background.submit(() -> ScenarioCodec.read(file),
                scenario -> done.complete(applyScenario(scenario, name)),
                failure -> {
                    String why = failure instanceof ScenarioException e ? e.getMessage() : failure.toString();
                    viewModel.notify(Notice.error("Could not open " + name + ": " + why));
                    done.complete(false);
                });
        return done;
    }

    /** Opens a scenario in the stepper and shows it; false (with an inline message) if it cannot be replayed. */
    public boolean applyScenario(Scenario scenario, String source) {
        Optional<Part> owner = scenarioPart();
        if (owner.isEmpty()) {
            viewModel.notify(Notice.warning("The stepper cannot open scenarios yet."));
            return false;
        }
        try {
            owner.get().scenario().orElseThrow().open(ScenarioCodec.toJson(scenario));
        } catch (IllegalArgumentException e) {
            viewModel.notify(Notice.error("Could not open " + source + ": " + e.getMessage()));
            return false;
        }
        viewModel.select(owner.get());
        viewModel.notify(Notice.info("Opened " + source + ": " + describe(scenario)));
        return true;
    }

    /** Opens the scenario remembered from the last session; a damaged one is reported and skipped. */
    public void restoreLastScenario(String json) {
        try {
            Scenario scenario = ScenarioCodec.fromJson(json);
            if (scenarioPart().isPresent()) {
                applyScenario(scenario, "the last scenario");
            }
        } catch (ScenarioException e) {
            viewModel.notify(Notice.warning("The last scenario could not be restored: " + e.getMessage()));
        }
    }

    /** Writes the stepper's scenario to a file; false (with an inline message) if there is none or it fails. */
    public boolean saveScenario(Path file) {
        Optional<String> json = currentScenarioJson();
        if (json.isEmpty()) {
            viewModel.notify(Notice.warning("There is no scenario to save: the stepper is not ready yet."));
            return false;
        }
        Scenario scenario;
        try {
            scenario = ScenarioCodec.fromJson(json.get());
            ScenarioCodec.write(file, scenario);
        } catch (ScenarioException e) {
            viewModel.notify(Notice.error(e.getMessage()));
            return false;
        }
        viewModel.notify(Notice.info("Saved " + file.getFileName() + ": " + describe(scenario)));
        return true;
    }

    /** The stepper's settings and schedule as a scenario document, if a part offers scenario files. */
    public Optional<String> currentScenarioJson() {
        return scenarioPart().flatMap(Part::scenario).map(ScenarioHooks::save);
    }

    /** The part whose scenario files are the stepper's kind. */
    private Optional<Part> scenarioPart() {
        return parts.stream()
                .filter(p -> p.scenario().filter(h -> SCENARIO_KIND.equals(h.kind())).isPresent())
                .findFirst();
    }

    static String describe(Scenario s) {
        var c = s.config();
        return c.threads() + " threads × " + c.increments() + (c.increments() == 1 ? " increment" : " increments")
                + ", start " + c.start() + (c.lock() ? ", with lock" : ", no lock")
                + (s.schedule().isEmpty() ? "" : ", schedule " + s.schedule().letters());
    }
}
