package org.racelab.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** Chooses JavaFX's software renderer before the toolkit starts where its GPU renderer cannot start at all. */
final class RenderPipeline {

    static final String PROPERTY = "prism.order";

    /**
     * Device files a GPU driver creates on Linux: DRM for Mesa, AMD, Intel and NVIDIA with modesetting, and the
     * NVIDIA driver's own control device for setups without it.
     */
    static final List<Path> GPU_DEVICES = List.of(Path.of("/dev/dri"), Path.of("/dev/nvidiactl"));

    private RenderPipeline() {
    }

    /**
     * The renderer order to ask for, or empty to leave JavaFX its own choice. JavaFX tries OpenGL (es2) first; on
     * Linux with no GPU device (a VM, a remote desktop, Xvfb) only a software OpenGL can answer, which JavaFX loads
     * and then rejects before falling back to its software renderer: 0.15–0.35 s of every start on a 2-core
     * machine for nothing. A renderer chosen by the user ({@code -Dprism.order=…}) always wins.
     */
    static Optional<String> choose(String osName, String chosen, Predicate<Path> exists) {
        if (chosen != null || !osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        return GPU_DEVICES.stream().anyMatch(exists) ? Optional.empty() : Optional.of("sw");
    }

    /** Sets the choice for this JVM; must run before the JavaFX toolkit starts. */
    static void chooseForThisMachine() {
        choose(System.getProperty("os.name", ""), System.getProperty(PROPERTY), Files::exists)
                .ifPresent(order -> System.setProperty(PROPERTY, order));
    }
}
