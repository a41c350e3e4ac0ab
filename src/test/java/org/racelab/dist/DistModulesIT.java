package org.racelab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@code package} (failsafe): every JDK module RaceLab's own classes use is in the runtime the dist
 * profile links ({@code dist.modules} in the pom, with what those modules require). The app runs on the class
 * path, so a module left out shows only when a class of it is first used: the Pool part and the {@code pool}
 * command once failed in the app image with {@code NoClassDefFoundError: com/sun/net/httpserver/HttpServer}.
 */
class DistModulesIT {

    private static final Path TARGET = Path.of(System.getProperty("racelab.target", "target"));

    @Test
    void theLinkedRuntimeHoldsEveryJdkModuleTheAppUses() throws Exception {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "jdeps.exe" : "jdeps");
        Assumptions.assumeTrue(Files.isExecutable(jdeps), "no jdeps in this JDK");
        String listed = System.getProperty("dist.modules");
        assertThat(listed).as("dist.modules, passed in by the pom").isNotBlank();

        Set<String> used = modulesUsedBy(jdeps, TARGET.resolve("classes"));
        Set<String> linked = withRequires(Set.copyOf(Arrays.asList(listed.split(","))));

        assertThat(used).as("jdeps found no module at all").contains("java.base");
        assertThat(linked).as("JDK modules RaceLab's classes use, linked into the app image (dist.modules: "
                + listed + ")").containsAll(used);
    }

    private static Set<String> modulesUsedBy(Path jdeps, Path classes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jdeps.toString(), "--ignore-missing-deps", "--print-module-deps",
                "--multi-release", Integer.toString(Runtime.version().feature()), classes.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jdeps finished").isTrue();
        assertThat(p.exitValue()).as("jdeps: " + out).isZero();
        String last = out.lines().reduce((a, b) -> b).orElse("");
        return new TreeSet<>(Arrays.asList(last.split(",")));
    }

    /** The modules and everything they require (not just statically), as jlink links them. */
    private static Set<String> withRequires(Set<String> roots) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Set<String> all = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!all.add(name)) {
                continue;
            }
            system.find(name).map(ModuleReference::descriptor).ifPresent(d -> d.requires().stream()
                    .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                    .forEach(r -> todo.push(r.name())));
        }
        return all;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
