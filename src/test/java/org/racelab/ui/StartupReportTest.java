package org.racelab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupReportTest {

    @TempDir
    Path proc;

    @Test
    void processStartComesFromTheProcessAgeToTheHundredthOfASecond() throws IOException {
        Files.createDirectories(proc.resolve("77"));
        // The command name may hold spaces and parentheses; field 22 is 12345 ticks after boot.
        Files.writeString(proc.resolve("77/stat"), "77 (java (x) y) S 1 77 77 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 "
                + "30 0 12345 4000000 5000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n");
        Files.writeString(proc.resolve("uptime"), "125.50 240.10\n");
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        Instant start = StartupReport.processStart(77, proc, now).orElseThrow();

        // 125.50 s since boot now, 123.45 s since boot at the start: 2.05 s ago.
        assertThat(start).isEqualTo(now.minusMillis(2050));
    }

    @Test
    void noProcFileSystemMeansNoFigure() {
        assertThat(StartupReport.processStart(77, proc.resolve("missing"), Instant.now())).isEmpty();
    }
}
