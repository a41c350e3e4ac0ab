import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes the class list for the app image's class-data-sharing archive (the dist profile runs it): the JDK's own
 * start-up list, every class of the JavaFX module jars linked into the runtime, and, from the training run's list
 * ({@code -XX:DumpLoadedClassList} of {@code StartupTraining}), every JDK and JavaFX class, lambda proxy and
 * method-handle form that opening the window used.
 * Usage: {@code java scripts/CdsClassList.java <out> <javafx-jar-dir> <jdk-classlist> [<training-classlist>]}.
 *
 * <p>Only classes of the runtime image go in, never the app's jars: an archive of classes from the runtime's
 * modules stays valid wherever the image is installed (on Java 17 an archive of class-path jars is tied to their
 * absolute paths, and a mismatch turns the whole archive off). So the training list's lines for RaceLab's own
 * classes, its libraries and the test-only classes of the headless run (Monocle) are left out.
 */
public class CdsClassList {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Set<String> lines = new LinkedHashSet<>();
        Path jdkList = Path.of(args[2]);
        if (Files.isRegularFile(jdkList)) {
            lines.addAll(Files.readAllLines(jdkList));
        }
        Set<String> javafx = new HashSet<>();
        try (Stream<Path> jars = Files.list(Path.of(args[1]))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry entry : zip.stream().toList()) {
                        String name = entry.getName();
                        if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
                            javafx.add(name.substring(0, name.length() - ".class".length()));
                        }
                    }
                }
            }
        }
        javafx.stream().sorted().forEach(lines::add);
        int trained = 0;
        int skipped = 0;
        if (args.length > 3) {
            for (String line : Files.readAllLines(Path.of(args[3]))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (inRuntime(line, javafx)) {
                    trained += lines.add(line) ? 1 : 0;
                } else {
                    skipped++;
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        System.out.println("class list: " + lines.size() + " lines, " + javafx.size() + " JavaFX classes, "
                + trained + " more from the training run (" + skipped + " of the app, its libraries or the test"
                + " run left out) -> " + out);
    }

    /**
     * Whether a class-list line names only a class of the runtime image: a JavaFX class or one the JDK's platform
     * loader finds. Method-handle forms ({@code @lambda-form-invoker}) belong to java.base; a lambda proxy
     * ({@code @lambda-proxy}) counts by the class that creates it.
     */
    static boolean inRuntime(String line, Set<String> javafx) {
        if (line.startsWith("@lambda-form-invoker")) {
            return true;
        }
        String name = line.startsWith("@lambda-proxy") ? line.split(" ")[1] : line.split(" ")[0];
        return javafx.contains(name) || ClassLoader.getPlatformClassLoader().getResource(name + ".class") != null;
    }
}
