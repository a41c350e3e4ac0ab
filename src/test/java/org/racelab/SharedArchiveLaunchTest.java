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
        return new SharedArchiveLaunch.Context(Optional.of("/usr/bin/java"), Optional.of(args), List.of(),
                jar().toString(), "/home/teacher", vm, "17.0.15+6", "/usr/lib/jvm/17", enabled, Optional.of(tmp.resolve("cache")), 4242);
    }

    private SharedArchiveLaunch.Context plain() throws IOException {
        return context(List.of("-Xmx1g", "-jar", jar().toString()), "OpenJDK 64-Bit Server VM", Optional.empty());
    }

    @Test
    void firstStartWritesTheArchiveAndKeepsTheUsersOptionsLast() throws IOException {
        SharedArchiveLaunch.Plan plan = SharedArchiveLaunch.plan(plain(), List.of()).orElseThrow();

        Path pending = plan.pending().orElseThrow();
        assertThat(pending.getParent()).isEqualTo(tmp.resolve("cache"));
        assertThat(pending.getFileName().toString()).isEqualTo(plan.archive().getFileName() + ".part-4242");
        assertThat(plan.command().get(0)).isEqualTo("/usr/bin/java");
        assertThat(plan.command()).contains("-XX:ArchiveClassesAtExit=" + pending, "-Dracelab.cds.mode=write",
                "-Dracelab.launch.pid=4242", "-Xlog:cds=off,cds+dynamic=off");
        assertThat(plan.command()).doesNotContainSubsequence("-XX:SharedArchiveFile");
        assertThat(plan.command().subList(plan.command().size() - 3, plan.command().size()))
                .containsExactly("-Xmx1g", "-jar", jar().toString());
    }

    @Test
    void laterStartsMapTheArchive() throws IOException {
        SharedArchiveLaunch.Plan first = SharedArchiveLaunch.plan(plain(), List.of()).orElseThrow();
        Files.write(first.archive(), new byte[(int) SharedArchiveLaunch.MIN_ARCHIVE_BYTES]);

        SharedArchiveLaunch.Plan later = SharedArchiveLaunch.plan(plain(), List.of()).orElseThrow();

        assertThat(later.archive()).isEqualTo(first.archive());
        assertThat(later.pending()).isEmpty();
        assertThat(later.command()).contains("-XX:SharedArchiveFile=" + first.archive(), "-Dracelab.cds.mode=map");
        assertThat(later.command()).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    }

    private static Optional<SharedArchiveLaunch.Plan> plan(SharedArchiveLaunch.Context c) {
        return SharedArchiveLaunch.plan(c, List.of());
    }

    /** A copy of {@code c} with some parts replaced (null keeps the part). */
    private static SharedArchiveLaunch.Context with(SharedArchiveLaunch.Context c, Optional<List<String>> arguments,
            String classPath, String workingDir, String vmVersion, Optional<Path> cacheDir) {
        return new SharedArchiveLaunch.Context(c.javaCommand(), arguments != null ? arguments : c.arguments(),
                c.environmentOptions(), classPath != null ? classPath : c.classPath(), workingDir != null ? workingDir : c.workingDir(),
                c.vmName(), vmVersion != null ? vmVersion : c.vmVersion(), c.javaHome(), c.enabled(),
                cacheDir != null ? cacheDir : c.cacheDir(), c.pid());
    }

    @Test
    void declinesWhenTheWindowShouldOpenInThisJvm() throws IOException {
        String vm = "OpenJDK 64-Bit Server VM";
        String j = jar().toString();
        assertThat(plan(context(List.of("-jar", j), vm, Optional.of("false")))).isEmpty();
        assertThat(plan(context(List.of("-jar", j), "Eclipse OpenJ9 VM", Optional.empty()))).isEmpty();
        for (String foreign : List.of("-agentlib:jdwp=transport=dt_socket", "-javaagent:x.jar",
                "-XX:SharedArchiveFile=mine.jsa", "-Xshare:off", "-Dracelab.launch.pid=1")) {
            assertThat(plan(context(List.of(foreign, "-jar", j), vm, Optional.empty()))).as(foreign).isEmpty();
        }
        SharedArchiveLaunch.Context c = plain();
        SharedArchiveLaunch.Context debugged = new SharedArchiveLaunch.Context(c.javaCommand(), c.arguments(),
                List.of("-Xmx2g  -agentlib:jdwp=transport=dt_socket,server=y,address=5005"), c.classPath(),
                c.workingDir(), c.vmName(), c.vmVersion(), c.javaHome(), c.enabled(), c.cacheDir(), c.pid());
        assertThat(plan(debugged)).as("a debugger in JAVA_TOOL_OPTIONS").isEmpty();
        assertThat(plan(with(c, null, tmp.toString(), null, null, null))).as("a class directory").isEmpty();
        assertThat(plan(with(c, null, j + java.io.File.pathSeparator + j, null, null, null))).as("two jars").isEmpty();
        assertThat(plan(with(c, Optional.empty(), null, null, null, null))).as("no arguments").isEmpty();
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        assertThat(plan(with(c, null, null, null, null, Optional.of(file.resolve("cache")))))
                .as("a cache that cannot be created").isEmpty();
    }

    @Test
    void aRebuiltJarAnotherJdkOrAnotherWayOfNamingTheJarGetsItsOwnArchive() throws IOException {
        SharedArchiveLaunch.Context c = plain();
        Path first = plan(c).orElseThrow().archive();
        Path otherJdk = plan(with(c, null, null, null, "17.0.16+8", null)).orElseThrow().archive();
        Path otherDirectory = plan(with(c, null, null, "/home/other", null, null)).orElseThrow().archive();
        Path otherName = plan(with(c, null, tmp.resolve(".").resolve("app.jar").toString(), null, null, null))
                .orElseThrow().archive();
        Files.write(jar(), new byte[] {1, 2, 3, 4});
        Path rebuilt = plan(plain()).orElseThrow().archive();
        Files.setLastModifiedTime(jar(), FileTime.fromMillis(0));
        Path touched = plan(plain()).orElseThrow().archive();

        assertThat(List.of(first, otherJdk, otherDirectory, otherName, rebuilt, touched)).doesNotHaveDuplicates();
    }

    @Test
    void aWrittenArchiveJoinsTheNewestAndABrokenOneIsDropped() throws IOException {
        SharedArchiveLaunch.Plan plan = SharedArchiveLaunch.plan(plain(), List.of()).orElseThrow();
        Path dir = plan.archive().getParent();
        Path oldest = Files.write(dir.resolve("racelab-0000000000000000.jsa"), new byte[] {1});
        Files.setLastModifiedTime(oldest, FileTime.fromMillis(1_000));
        Path older = Files.write(dir.resolve("racelab-1111111111111111.jsa"), new byte[] {1});
        Files.setLastModifiedTime(older, FileTime.fromMillis(2_000));
        Path newer = Files.write(dir.resolve("racelab-2222222222222222.jsa"), new byte[] {1});
        Files.setLastModifiedTime(newer, FileTime.fromMillis(3_000));
        Path killed = Files.write(dir.resolve("racelab-3333333333333333.jsa.part-" + Long.MAX_VALUE), new byte[] {1});
        Path writing = Files.write(dir.resolve("racelab-4444444444444444.jsa.part-" + ProcessHandle.current().pid()),
                new byte[] {1});
        Path unrelated = Files.write(dir.resolve("notes.txt"), new byte[] {1});

        Files.write(plan.pending().orElseThrow(), new byte[] {9, 9});
        SharedArchiveLaunch.finish(plan, 1);
        assertThat(plan.pending().get()).doesNotExist();
        assertThat(plan.archive()).doesNotExist();
        assertThat(oldest).exists();

        Files.write(plan.pending().get(), new byte[] {9, 9});
        SharedArchiveLaunch.finish(plan, 0);
        assertThat(plan.archive()).hasBinaryContent(new byte[] {9, 9});
        assertThat(plan.pending().get()).doesNotExist();
        assertThat(SharedArchiveLaunch.KEPT_ARCHIVES).isEqualTo(3);
        assertThat(newer).as("the newest others stay").exists();
        assertThat(older).exists();
        assertThat(oldest).as("beyond the newest three").doesNotExist();
        assertThat(killed).as("left by a start that died").doesNotExist();
        assertThat(writing).as("a start still writing").exists();
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
        onlyArchive(cache);

        ProbeRun second = probe(jar, cache, 3);
        assertThat(second.exit).as("the window's exit code is the command's").isEqualTo(3);
        assertThat(second.report).contains("mode=map").contains("parent=" + second.pid);
        assertThat(second.stderr).isEmpty();
        // The second JVM's class-loading log names the archive as the source of the probe's own class.
        String childPid = second.report.replaceAll("(?s).*\\npid=(\\d+).*", "$1");
        String log = Files.readString(tmp.resolve("load-" + childPid + ".log"));
        assertThat(log).containsPattern("org\\.racelab\\.SharedArchiveProbe source: shared objects file \\(top\\)");

        // Damaged from outside: cut to its first half (HotSpot 17 dies of SIGBUS mapping that). The window still
        // opens, with an archive written anew, and the crash report lands in the cache, not the user's directory.
        Path archive = onlyArchive(cache);
        byte[] whole = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));
        ProbeRun cut = probe(jar, cache, 0);
        assertThat(cut.exit).isZero();
        assertThat(cut.report).contains("mode=write");
        assertThat(onlyArchive(cache)).isNotEqualTo(null);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
        assertThat(probe(jar, cache, 0).report).contains("mode=map");

        // A few bytes where the archive should be are replaced, not ignored for ever.
        archive = onlyArchive(cache);
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[] {0, 1, 2, 3});
        ProbeRun tiny = probe(jar, cache, 0);
        assertThat(tiny.exit).isZero();
        assertThat(tiny.report).contains("mode=write");
        assertThat(tiny.stderr).isEmpty();
        assertThat(tiny.stdout).isEmpty();
        assertThat(Files.size(onlyArchive(cache))).isGreaterThan(SharedArchiveLaunch.MIN_ARCHIVE_BYTES);
    }

    /** The one archive in the cache; also checks that no part, log or crash report was left beside it. */
    private static Path onlyArchive(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("racelab"))) {
            List<Path> all = files.filter(p -> !p.getFileName().toString().startsWith("hs_err")).toList();
            assertThat(all).as("only the archive").singleElement()
                    .satisfies(p -> assertThat(p.getFileName().toString()).startsWith("racelab-").endsWith(".jsa"));
            return all.get(0);
        }
    }

    /** What `./mvnw package` does: the archive exists before the first start, which then maps it. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void trainingAtBuildTimeLetsTheVeryFirstStartMapTheArchive() throws Exception {
        Path jar = probeJar();
        Path cache = tmp.resolve("xdg");
        ProcessBuilder training = new ProcessBuilder(javaCommand(), "-cp", jar.toString(),
                SharedArchiveTraining.class.getName()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("training.txt").toFile());
        training.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = training.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(tmp.resolve("training.txt"))).isEmpty();

        ProbeRun first = probe(jar, cache, 0);

        assertThat(first.report).contains("mode=map");
        String childPid = first.report.replaceAll("(?s).*\\npid=(\\d+).*", "$1");
        assertThat(Files.readString(tmp.resolve("load-" + childPid + ".log")))
                .containsPattern("org\\.racelab\\.SharedArchiveProbe source: shared objects file \\(top\\)");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record ProbeRun(int exit, String report, long pid, String stdout, String stderr) {
    }

    private ProbeRun probe(Path jar, Path cache, int exit) throws Exception {
        Path report = tmp.resolve("report-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(
                javaCommand(),
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
                    SharedArchiveLaunch.Context.class, SharedArchiveLaunch.Plan.class, SharedArchiveTraining.class)) {
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
