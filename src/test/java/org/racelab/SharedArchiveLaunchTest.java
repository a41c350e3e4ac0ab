package org.racelab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SharedArchiveLaunchTest {

    @TempDir
    Path tmp;

    private Path jar() throws IOException {
        Path jar = tmp.resolve("app.jar");
        if (!Files.exists(jar)) {
            Files.write(jar, new byte[] {1, 2, 3});
        }
        return jar;
    }

    private SharedArchiveLaunch.Context context(List<String> args, String vm, Optional<String> enabled)
            throws IOException {
        return new SharedArchiveLaunch.Context(Optional.of("/usr/bin/java"), Optional.of(args), jar().toString(), vm,
                "17.0.15+6", "/usr/lib/jvm/17", enabled, Optional.of(tmp.resolve("cache")), 4242);
    }

    private SharedArchiveLaunch.Context plain() throws IOException {
        return context(List.of("-Xmx1g", "-jar", jar().toString()), "OpenJDK 64-Bit Server VM", Optional.empty());
    }

    @Test
    void firstStartWritesTheArchiveAndKeepsTheUsersOptionsLast() throws IOException {
        SharedArchiveLaunch.Plan plan = SharedArchiveLaunch.plan(plain()).orElseThrow();

        Path pending = plan.pending().orElseThrow();
        assertThat(pending.getParent()).isEqualTo(tmp.resolve("cache"));
        assertThat(pending.getFileName().toString()).isEqualTo(plan.archive().getFileName() + ".part-4242");
        assertThat(plan.command().get(0)).isEqualTo("/usr/bin/java");
        assertThat(plan.command()).contains("-XX:ArchiveClassesAtExit=" + pending, "-Dracelab.cds.mode=write",
                "-Dracelab.launch.pid=4242", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(plan.command()).doesNotContainSubsequence("-XX:SharedArchiveFile");
        assertThat(plan.command().subList(plan.command().size() - 3, plan.command().size()))
                .containsExactly("-Xmx1g", "-jar", jar().toString());
    }

    @Test
    void laterStartsMapTheArchive() throws IOException {
        SharedArchiveLaunch.Plan first = SharedArchiveLaunch.plan(plain()).orElseThrow();
        Files.write(first.archive(), new byte[] {42});

        SharedArchiveLaunch.Plan later = SharedArchiveLaunch.plan(plain()).orElseThrow();

        assertThat(later.archive()).isEqualTo(first.archive());
        assertThat(later.pending()).isEmpty();
        assertThat(later.command()).contains("-XX:SharedArchiveFile=" + first.archive(), "-Dracelab.cds.mode=map");
        assertThat(later.command()).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void declinesWhenTheWindowShouldOpenInThisJvm() throws IOException {
        String vm = "OpenJDK 64-Bit Server VM";
        String j = jar().toString();
        assertThat(SharedArchiveLaunch.plan(context(List.of("-jar", j), vm, Optional.of("false")))).isEmpty();
        assertThat(SharedArchiveLaunch.plan(context(List.of("-jar", j), "Eclipse OpenJ9 VM", Optional.empty())))
                .isEmpty();
        for (String foreign : List.of("-agentlib:jdwp=transport=dt_socket", "-javaagent:x.jar",
                "-XX:SharedArchiveFile=mine.jsa", "-Xshare:off", "-Dracelab.launch.pid=1")) {
            assertThat(SharedArchiveLaunch.plan(context(List.of(foreign, "-jar", j), vm, Optional.empty())))
                    .as(foreign).isEmpty();
        }
        SharedArchiveLaunch.Context c = plain();
        assertThat(SharedArchiveLaunch.plan(new SharedArchiveLaunch.Context(c.javaCommand(), c.arguments(),
                tmp.toString(), vm, c.vmVersion(), c.javaHome(), c.enabled(), c.cacheDir(), c.pid())))
                .as("a class directory").isEmpty();
        assertThat(SharedArchiveLaunch.plan(new SharedArchiveLaunch.Context(c.javaCommand(), c.arguments(),
                j + java.io.File.pathSeparator + j, vm, c.vmVersion(), c.javaHome(), c.enabled(), c.cacheDir(),
                c.pid()))).as("two jars").isEmpty();
        assertThat(SharedArchiveLaunch.plan(new SharedArchiveLaunch.Context(c.javaCommand(), Optional.empty(),
                j, vm, c.vmVersion(), c.javaHome(), c.enabled(), c.cacheDir(), c.pid()))).as("no arguments").isEmpty();
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        assertThat(SharedArchiveLaunch.plan(new SharedArchiveLaunch.Context(c.javaCommand(), c.arguments(),
                j, vm, c.vmVersion(), c.javaHome(), c.enabled(), Optional.of(file.resolve("cache")), c.pid())))
                .as("a cache that cannot be created").isEmpty();
    }

    @Test
    void aRebuiltJarOrAnotherJdkGetsItsOwnArchive() throws IOException {
        Path first = SharedArchiveLaunch.plan(plain()).orElseThrow().archive();
        SharedArchiveLaunch.Context c = plain();
        Path otherJdk = SharedArchiveLaunch.plan(new SharedArchiveLaunch.Context(c.javaCommand(), c.arguments(),
                c.classPath(), c.vmName(), "17.0.16+8", c.javaHome(), c.enabled(), c.cacheDir(), c.pid()))
                .orElseThrow().archive();
        Files.write(jar(), new byte[] {1, 2, 3, 4});
        Path rebuilt = SharedArchiveLaunch.plan(plain()).orElseThrow().archive();
        Files.setLastModifiedTime(jar(), FileTime.fromMillis(0));
        Path touched = SharedArchiveLaunch.plan(plain()).orElseThrow().archive();

        assertThat(List.of(first, otherJdk, rebuilt, touched)).doesNotHaveDuplicates();
    }

    @Test
    void aWrittenArchiveReplacesOlderOnesAndABrokenOneIsDropped() throws IOException {
        SharedArchiveLaunch.Plan plan = SharedArchiveLaunch.plan(plain()).orElseThrow();
        Path dir = plan.archive().getParent();
        Path older = Files.write(dir.resolve("racelab-0000000000000000.jsa"), new byte[] {1});
        Path killed = Files.write(dir.resolve("racelab-1111111111111111.jsa.part-7"), new byte[] {1});
        Path unrelated = Files.write(dir.resolve("notes.txt"), new byte[] {1});

        Files.write(plan.pending().orElseThrow(), new byte[] {9, 9});
        SharedArchiveLaunch.finish(plan, 1);
        assertThat(plan.pending().get()).doesNotExist();
        assertThat(plan.archive()).doesNotExist();
        assertThat(older).exists();

        Files.write(plan.pending().get(), new byte[] {9, 9});
        SharedArchiveLaunch.finish(plan, 0);
        assertThat(plan.archive()).hasBinaryContent(new byte[] {9, 9});
        assertThat(plan.pending().get()).doesNotExist();
        assertThat(older).doesNotExist();
        assertThat(killed).doesNotExist();
        assertThat(unrelated).exists();
    }

    /** The real thing: two starts of a jar; the first writes the archive, the second JVM maps classes from it. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theSecondStartReallyLoadsClassesFromTheArchive() throws Exception {
        Path jar = probeJar();
        Path cache = tmp.resolve("xdg");

        ProbeRun first = probe(jar, cache, 0);
        assertThat(first.exit).isZero();
        assertThat(first.report).contains("mode=write").contains("parent=" + first.pid);
        assertThat(first.stderr).isEmpty();
        try (Stream<Path> files = Files.list(cache.resolve("racelab"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement().satisfies(n -> assertThat(n).startsWith("racelab-").endsWith(".jsa"));
        }

        ProbeRun second = probe(jar, cache, 3);
        assertThat(second.exit).as("the window's exit code is the command's").isEqualTo(3);
        assertThat(second.report).contains("mode=map").contains("parent=" + second.pid);
        assertThat(second.stderr).isEmpty();
        // The second JVM's class-loading log names the archive as the source of the probe's own class.
        String childPid = second.report.replaceAll("(?s).*\\npid=(\\d+).*", "$1");
        String log = Files.readString(tmp.resolve("load-" + childPid + ".log"));
        assertThat(log).containsPattern("org\\.racelab\\.SharedArchiveProbe source: shared objects file \\(top\\)");

        // A damaged archive is skipped without a word, and the window still opens.
        try (Stream<Path> files = Files.list(cache.resolve("racelab"))) {
            Path archive = files.findFirst().orElseThrow();
            archive.toFile().setWritable(true);
            Files.write(archive, new byte[] {0, 1, 2, 3});
        }
        ProbeRun damaged = probe(jar, cache, 0);
        assertThat(damaged.exit).isZero();
        assertThat(damaged.report).contains("mode=map");
        assertThat(damaged.stderr).isEmpty();
        assertThat(damaged.stdout).isEmpty();
    }

    private record ProbeRun(int exit, String report, long pid, String stdout, String stderr) {
    }

    private ProbeRun probe(Path jar, Path cache, int exit) throws Exception {
        Path report = tmp.resolve("report-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + tmp.resolve("load-%p.log"),
                "-Dprobe.report=" + report, "-Dprobe.exit=" + exit, "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        return new ProbeRun(p.exitValue(), Files.readString(report), p.pid(),
                Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    /** A jar holding only the launcher's relaunch code and the probe, like the real jar holds the window. */
    private Path probeJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SharedArchiveProbe.class.getName());
        Path jar = tmp.resolve("probe.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            for (Class<?> c : List.of(SharedArchiveProbe.class, SharedArchiveLaunch.class,
                    SharedArchiveLaunch.Context.class, SharedArchiveLaunch.Plan.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(name));
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
        return jar;
    }
}
