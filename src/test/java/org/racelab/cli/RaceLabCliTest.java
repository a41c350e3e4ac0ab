package org.racelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.racelab.model.Version;

class RaceLabCliTest {

    /** Output of one CLI run. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RaceLabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A command whose runtime lacks a class it uses, as the app image once lacked the pool's HTTP server. */
    @picocli.CommandLine.Command(name = "missing")
    static final class MissingClass implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new NoClassDefFoundError("com/sun/net/httpserver/HttpServer");
        }
    }

    @Test
    void aRuntimeMissingAClassGivesOneLineNotAStackTrace() {
        picocli.CommandLine cli = new picocli.CommandLine(new MissingClass());
        StringWriter err = new StringWriter();
        int code = RaceLabCli.execute(cli, new PrintWriter(err, true));
        assertThat(code).isEqualTo(RaceLabCli.FAILURE);
        assertThat(err.toString()).isEqualTo("racelab: internal error: this Java runtime cannot run the command: "
                + "java.lang.NoClassDefFoundError: com/sun/net/httpserver/HttpServer" + System.lineSeparator());
    }

    @Test
    void helpListsTheCommandAndExitsZero() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: racelab").contains("--version");
    }

    @Test
    void topLevelHelpGivesEveryCommandAWholeSentence() {
        // The command list shows only the first element of each description: it must not stop mid-sentence.
        String help = run("--help").out();
        String commands = help.substring(help.indexOf("Commands:"));
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (String line : commands.lines().skip(1).toList()) {
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                entries.add(line.strip());
            } else if (!entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        assertThat(entries).hasSizeGreaterThanOrEqualTo(8);
        assertThat(entries).allSatisfy(entry -> assertThat(entry).endsWith("."));
    }

    @Test
    void versionPrintsNameAndProjectVersion() {
        Result r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(r.out().strip()).isEqualTo("racelab " + Version.get());
    }

    @Test
    void unknownOptionExitsTwoWithOneLineMessageOnStderr() {
        Result r = run("--frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().findFirst().orElseThrow())
                .startsWith("racelab: Unknown option: '--frobnicate'");
        assertThat(r.err()).doesNotContain("Usage: racelab").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void unknownSubcommandExitsTwo() {
        Result r = run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("racelab: ").doesNotContain("\tat ");
    }
}
