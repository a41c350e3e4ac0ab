package org.racelab.ui.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Saves a node as a PNG at screen scale or larger (2x for a crisp slide).
 *
 * <p>{@link #snapshot} must run on the JavaFX thread; {@link #write} may run on any thread, so the window only
 * pays for the snapshot and encodes the file in the background.
 */
public final class PngExport {

    public static final double SCREEN = 1;
    public static final double DOUBLE = 2;

    private PngExport() {
    }

    /** Renders the node at {@code scale} on the node's own themed background. */
    public static WritableImage snapshot(Node node, double scale) {
        if (!(scale > 0 && scale <= 4)) {
            throw new IllegalArgumentException("scale must be above 0 and at most 4, not " + scale);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(backgroundOf(node));
        return node.snapshot(params, null);
    }

    /** Encodes an image as PNG, through a temporary file so a failure never leaves half a PNG behind. */
    public static void write(Image image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".racelab-", ".png.tmp");
        try {
            if (!ImageIO.write(buffered, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Snapshot and write in one go, on the JavaFX thread: for tests and the screenshot command. */
    public static void export(Node node, double scale, Path file) throws IOException {
        write(snapshot(node, scale), file);
    }

    /** The first solid background colour on the way up, so a dark theme exports dark, not on white. */
    static Paint backgroundOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r) {
                Background bg = r.getBackground();
                if (bg != null) {
                    for (BackgroundFill fill : bg.getFills()) {
                        if (fill.getFill() instanceof Color c && c.getOpacity() == 1) {
                            return c;
                        }
                    }
                }
            }
            if (n instanceof Parent && n.getParent() == null && n.getScene() != null
                    && n.getScene().getFill() instanceof Color c) {
                return c;
            }
        }
        return Color.WHITE;
    }
}
