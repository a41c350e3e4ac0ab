import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws RaceLab's icon: two thread lanes (A blue, B orange, the app's Okabe-Ito colours) whose steps interleave,
 * running into a counter. Run from the project root: {@code java scripts/MakeIcon.java}; writes the PNGs the
 * window uses (icon-N.png); jpackage takes icon-256.png on Linux. Small sizes drop detail so they stay readable.
 */
public class MakeIcon {

    private static final Color BACKGROUND = new Color(0x1F, 0x2A, 0x36);
    private static final Color THREAD_A = new Color(0x00, 0x72, 0xB2);
    private static final Color THREAD_B = new Color(0xE6, 0x9F, 0x00);
    private static final Color COUNTER = new Color(0xF4, 0xF4, 0xF0);

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : "src/main/resources/org/racelab/ui/shell");
        dir.mkdirs();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            ImageIO.write(draw(size), "png", new File(dir, "icon-" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 64.0, size / 64.0); // drawn on a 64-unit grid
        boolean tiny = size < 32;

        g.setColor(BACKGROUND);
        g.fill(new RoundRectangle2D.Double(1, 1, 62, 62, 14, 14));

        // Two lanes; their steps alternate A, B, A, B like an interleaved schedule, left of the counter.
        double laneA = tiny ? 19 : 20;
        double laneB = tiny ? 45 : 44;
        int steps = tiny ? 2 : 3;
        double stepWidth = tiny ? 12 : 8;
        double advance = tiny ? 7 : 5;
        double height = tiny ? 16 : 12;
        double x = tiny ? 4 : 5;
        for (int i = 0; i < steps * 2; i++) {
            boolean a = i % 2 == 0;
            g.setColor(a ? THREAD_A : THREAD_B);
            double y = a ? laneA : laneB;
            g.fill(new RoundRectangle2D.Double(x, y - height / 2, stepWidth, height, 3, 3));
            x += advance;
        }
        // The counter both threads write: the shared variable they race on.
        double counterX = tiny ? 40 : 42;
        double counterW = tiny ? 21 : 18;
        g.setColor(COUNTER);
        g.fill(new RoundRectangle2D.Double(counterX, 14, counterW, 36, 6, 6));
        g.setColor(BACKGROUND);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, tiny ? 30 : 26));
        String digit = "6"; // 5 + 1 + 1 = 6: one update lost
        int w = g.getFontMetrics().stringWidth(digit);
        g.drawString(digit, (float) (counterX + counterW / 2 - w / 2.0), tiny ? 43f : 41f);
        g.dispose();
        return image;
    }
}
