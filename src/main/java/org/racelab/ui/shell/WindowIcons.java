package org.racelab.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.image.Image;

/** The window's icons, 16 to 256 px, from the resources beside this class; a missing size is simply left out. */
final class WindowIcons {

    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private WindowIcons() {
    }

    /** The icons that are present and readable, smallest first; empty if none are. */
    static List<Image> load() {
        return load(WindowIcons.class::getResourceAsStream);
    }

    /** @param open opens a resource by its name ({@code icon-16.png}...), or gives null if it is missing */
    static List<Image> load(Function<String, InputStream> open) {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = open.apply("icon-" + size + ".png")) {
                if (in != null) {
                    Image image = new Image(in);
                    if (!image.isError()) {
                        icons.add(image);
                    }
                }
            } catch (IOException e) {
                // An unreadable icon is no reason to keep the window from opening: it is left out.
            }
        }
        return icons;
    }
}
