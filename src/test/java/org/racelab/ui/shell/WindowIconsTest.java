package org.racelab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Window icons: every size that is there and readable is used; missing or broken ones are no error. */
@ExtendWith(ApplicationExtension.class)
class WindowIconsTest {

    private static byte[] png(int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void presentIconsAreLoadedAndMissingOrBrokenOnesAreLeftOut() throws Exception {
        Map<String, byte[]> files = Map.of("icon-16.png", png(16), "icon-64.png", png(64),
                "icon-32.png", new byte[] {1, 2, 3});
        List<Image> icons = WindowIcons.load(name -> {
            byte[] bytes = files.get(name);
            return bytes == null ? null : (InputStream) new ByteArrayInputStream(bytes);
        });
        assertThat(icons).extracting(Image::getWidth).containsExactly(16.0, 64.0);
    }

    @Test
    void noIconsAtAllIsNoError() {
        assertThat(WindowIcons.load(name -> null)).isEmpty();
    }
}
