import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes the class list for the app image's class-data-sharing archive (the dist profile runs it):
 * the JDK's own start-up list plus every class of the JavaFX module jars linked into the runtime.
 * Usage: {@code java scripts/CdsClassList.java <out> <javafx-jar-dir> <jdk-classlist>}.
 *
 * <p>Only classes of the runtime image go in, never the app's jars: an archive of classes from the runtime's
 * modules stays valid wherever the image is installed (an archive of class-path jars is tied to their paths).
 */
public class CdsClassList {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<String> lines = new ArrayList<>();
        Path jdkList = Path.of(args[2]);
        if (Files.isRegularFile(jdkList)) {
            lines.addAll(Files.readAllLines(jdkList));
        }
        int javafx = 0;
        try (Stream<Path> jars = Files.list(Path.of(args[1]))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry entry : zip.stream().toList()) {
                        String name = entry.getName();
                        if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
                            lines.add(name.substring(0, name.length() - ".class".length()));
                            javafx++;
                        }
                    }
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        System.out.println("class list: " + lines.size() + " lines, " + javafx + " JavaFX classes -> " + out);
    }
}
