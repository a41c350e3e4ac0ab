package org.racelab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs after {@code package} (failsafe): each runnable jar holds the whole JavaFX of its platforms, natives built
 * for the right OS and CPU, and no native library of any other platform.
 */
class PlatformJarsIT {

    private static final Path TARGET = Path.of(System.getProperty("racelab.target", "target"));
    private static final Path OPENJFX = Path.of(System.getProperty("javafx.repo",
            System.getProperty("user.home") + "/.m2/repository/org/openjfx"));
    private static final String FX_VERSION = System.getProperty("javafx.version", "21.0.11");

    /** One JavaFX platform: its Maven classifier, the file ending of its natives and the CPU they must be built for. */
    enum Platform {
        WINDOWS_X64("win", ".dll", "PE x86-64"),
        MACOS_AARCH64("mac-aarch64", ".dylib", "Mach-O arm64"),
        MACOS_X64("mac", ".dylib", "Mach-O x86-64"),
        LINUX_X64("linux", ".so", "ELF x86-64"),
        LINUX_AARCH64("linux-aarch64", ".so", "ELF aarch64");

        final String classifier;
        final String nativeSuffix;
        final String binaryKind;

        Platform(String classifier, String nativeSuffix, String binaryKind) {
            this.classifier = classifier;
            this.nativeSuffix = nativeSuffix;
            this.binaryKind = binaryKind;
        }
    }

    static List<Arguments> jars() {
        return List.of(
                Arguments.of("racelab.jar", List.of(Platform.WINDOWS_X64, Platform.MACOS_AARCH64, Platform.LINUX_X64)),
                Arguments.of("racelab-macos-x64.jar", List.of(Platform.MACOS_X64)),
                Arguments.of("racelab-linux-aarch64.jar", List.of(Platform.LINUX_AARCH64)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jars")
    void holdsTheWholeJavaFxOfEachOfItsPlatforms(String jarName, List<Platform> platforms) throws IOException {
        try (JarFile jar = new JarFile(TARGET.resolve(jarName).toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("org.racelab.Launcher");
            assertThat(jar.getEntry("org/racelab/Launcher.class")).isNotNull();
            for (Platform platform : platforms) {
                for (String module : List.of("base", "graphics", "controls", "swing")) {
                    Path fxJar = OPENJFX.resolve("javafx-" + module).resolve(FX_VERSION)
                            .resolve("javafx-" + module + "-" + FX_VERSION + "-" + platform.classifier + ".jar");
                    assertSameEntries(jar, fxJar, module.equals("graphics"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jars")
    void nativesAreBuiltForItsPlatformsOnly(String jarName, List<Platform> platforms) throws IOException {
        Map<String, List<String>> kindsBySuffix = new HashMap<>();
        try (ZipFile jar = new ZipFile(TARGET.resolve(jarName).toFile())) {
            for (ZipEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                for (String suffix : List.of(".dll", ".dylib", ".so")) {
                    if (name.endsWith(suffix) && !name.contains("/")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            kindsBySuffix.computeIfAbsent(suffix, s -> new ArrayList<>())
                                    .add(binaryKind(in.readNBytes(4096)));
                        }
                    }
                }
            }
        }
        assertThat(kindsBySuffix.keySet())
                .containsExactlyInAnyOrderElementsOf(platforms.stream().map(p -> p.nativeSuffix).toList());
        for (Platform platform : platforms) {
            // glass is the windowing library every platform needs; each OS has at least 7 natives.
            assertThat(kindsBySuffix.get(platform.nativeSuffix)).as(platform.name())
                    .hasSizeGreaterThanOrEqualTo(7)
                    .containsOnly(platform.binaryKind);
        }
    }

    /** Every class, resource and native of the JavaFX jar is in the runnable jar, byte for byte where asked. */
    private static void assertSameEntries(JarFile jar, Path fxJar, boolean exact) throws IOException {
        assertThat(fxJar).as("JavaFX artifact in the local repository").exists();
        int checked = 0;
        try (ZipFile fx = new ZipFile(fxJar.toFile())) {
            for (ZipEntry entry : fx.stream().toList()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("META-INF/") || name.equals("module-info.class")
                        || name.equals("javafx-swt.jar") || name.endsWith("VersionInfo.class") || name.endsWith(".bss")) {
                    continue;
                }
                ZipEntry inJar = jar.getEntry(name);
                assertThat(inJar).as(name + " of " + fxJar.getFileName()).isNotNull();
                if (exact) {
                    assertThat(inJar.getCrc()).as(name + " of " + fxJar.getFileName()).isEqualTo(entry.getCrc());
                }
                checked++;
            }
        }
        assertThat(checked).as(fxJar.getFileName().toString()).isGreaterThan(50);
    }

    /** Reads the OS and CPU a native library was built for from its header. */
    static String binaryKind(byte[] head) {
        ByteBuffer le = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            int machine = le.getShort(18) & 0xffff;
            return "ELF " + switch (machine) {
                case 62 -> "x86-64";
                case 183 -> "aarch64";
                default -> "machine " + machine;
            };
        }
        if (le.getInt(0) == 0xfeedfacf) {
            int cpu = le.getInt(4);
            return "Mach-O " + switch (cpu) {
                case 0x01000007 -> "x86-64";
                case 0x0100000c -> "arm64";
                default -> "cpu " + Integer.toHexString(cpu);
            };
        }
        if (head[0] == 'M' && head[1] == 'Z') {
            int pe = le.getInt(0x3c);
            int machine = pe + 6 <= head.length && le.getInt(pe) == 0x00004550 ? le.getShort(pe + 4) & 0xffff : -1;
            return "PE " + switch (machine) {
                case 0x8664 -> "x86-64";
                case 0xaa64 -> "arm64";
                default -> "machine " + Integer.toHexString(machine);
            };
        }
        return "unknown";
    }
}
