package org.racelab.ui.shell;

import org.racelab.model.scenario.Scenario;
import org.racelab.model.scenario.ScenarioCodec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsStoreTest {

    private SettingsStore store;

    @BeforeEach
    void freshNode() throws Exception {
        // Surefire points the store at a test node, so a developer's own preferences are never touched.
        assertThat(System.getProperty(SettingsStore.NODE_PROPERTY)).isEqualTo("racelab-test");
        store = new SettingsStore(System.getProperty(SettingsStore.NODE_PROPERTY) + "/settings-store-test");
        store.node().removeNode();
        store.node().flush();
    }

    @AfterEach
    void cleanUp() throws Exception {
        store.node().removeNode();
    }

    @Test
    void emptyStoreGivesDefaultsWithoutWarnings() {
        SettingsStore.Loaded loaded = store.load();
        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void savedSettingsComeBack() {
        Settings s = new Settings(Theme.HIGH_CONTRAST, 175, Optional.of(ScenarioCodec.toJson(Scenario.SLIDE_8)),
                Optional.of(new Settings.WindowPlace(10, 20, 1024, 768, true)));
        assertThat(store.save(s)).isEmpty();
        SettingsStore.Loaded loaded = new SettingsStore(store.nodePath()).load();
        assertThat(loaded.settings()).isEqualTo(s);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void corruptValuesFallBackToDefaultsOneByOneWithWarnings() {
        Preferences p = store.node();
        p.put(SettingsStore.THEME, "neon");
        p.put(SettingsStore.ZOOM, "huge");
        p.put(SettingsStore.WINDOW_WIDTH, "NaN");
        p.put(SettingsStore.WINDOW_HEIGHT, "800");
        p.put(SettingsStore.LAST_SCENARIO, "{\"threads\":2");
        SettingsStore.Loaded loaded = store.load();
        assertThat(loaded.settings().theme()).isEqualTo(Theme.LIGHT);
        assertThat(loaded.settings().zoom()).isEqualTo(Zoom.DEFAULT);
        assertThat(loaded.settings().window()).isEmpty();
        assertThat(loaded.warnings()).hasSize(3).anyMatch(w -> w.contains("neon"))
                .anyMatch(w -> w.contains("huge")).anyMatch(w -> w.contains("window"));
        // The damaged scenario is kept as text; restoring it fails later with an inline message.
        assertThat(loaded.settings().lastScenario()).contains("{\"threads\":2");

        p.put(SettingsStore.ZOOM, "900");
        p.put(SettingsStore.THEME, "dark");
        loaded = store.load();
        assertThat(loaded.settings().zoom()).isEqualTo(Zoom.DEFAULT);
        assertThat(loaded.settings().theme()).isEqualTo(Theme.DARK);
        assertThat(loaded.warnings()).anyMatch(w -> w.contains("900%"));
    }

    @Test
    void anUnreadableStoreGivesDefaultsAndAWarningInsteadOfACrash() {
        SettingsStore broken = new SettingsStore("racelab-test/bad//path");
        SettingsStore.Loaded loaded = broken.load();
        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.warnings()).singleElement().asString().contains("could not be read");
        assertThat(broken.save(Settings.DEFAULTS)).isPresent();
    }

    /** Issue #12 item 5: the JDK renames a damaged prefs.xml and starts empty without a word. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"garbage", "truncated", "empty", "random"})
    void aDamagedFileIsReportedOnceAndKept(String damage) throws Exception {
        SettingsStore fresh = new SettingsStore(store.nodePath() + "-" + damage);
        org.junit.jupiter.api.Assumptions.assumeTrue(fresh.nodeDirectory().isPresent(), "the JDK's file store");
        java.nio.file.Path dir = fresh.nodeDirectory().get();
        byte[] bytes = switch (damage) {
            case "garbage" -> "this is not XML at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case "truncated" -> ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                    + "<!DOCTYPE map SYSTEM \"http://java.sun.com/dtd/preferences.dtd\">\n<map MAP_XML_VERSION=\"1.0\">\n"
                    + "  <entry key=\"theme\" value=\"da").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case "empty" -> new byte[0];
            default -> {
                byte[] r = new byte[512];
                new java.util.Random(12).nextBytes(r);
                yield r;
            }
        };
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve("prefs.xml"), bytes);
            SettingsStore.Loaded loaded = fresh.load();
            assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
            assertThat(loaded.warnings()).singleElement().asString().contains("could not be parsed")
                    .contains("kept as");
            try (var kept = java.nio.file.Files.list(dir)) {
                java.nio.file.Path copy = kept.filter(f -> f.getFileName().toString().startsWith("prefs-damaged-"))
                        .findFirst().orElseThrow();
                assertThat(copy).hasBinaryContent(bytes);
            }
            assertThat(fresh.load().warnings()).as("reported once").isEmpty();
            assertThat(fresh.save(Settings.DEFAULTS)).isEmpty();
        } finally {
            fresh.node().removeNode();
            fresh.node().flush();
            deleteTree(dir);
        }
    }

    @org.junit.jupiter.api.Test
    void anUnreadableFileIsReportedAndNeverSavedOver() throws Exception {
        SettingsStore fresh = new SettingsStore(store.nodePath() + "-unreadable");
        org.junit.jupiter.api.Assumptions.assumeTrue(fresh.nodeDirectory().isPresent(), "the JDK's file store");
        java.nio.file.Path dir = fresh.nodeDirectory().get();
        try {
            // A folder where the file should be: unreadable as a file even for root, and the JDK says nothing.
            java.nio.file.Files.createDirectories(dir.resolve("prefs.xml"));
            java.nio.file.Files.writeString(dir.resolve("prefs.xml").resolve("keep-me"), "x");
            SettingsStore.Loaded loaded = fresh.load();
            assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
            assertThat(loaded.warnings()).singleElement().asString().contains("cannot be read");
            assertThat(fresh.save(Settings.DEFAULTS)).isPresent();
            assertThat(dir.resolve("prefs.xml").resolve("keep-me")).hasContent("x");
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(java.nio.file.Path dir) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir)) {
            try (var files = java.nio.file.Files.walk(dir)) {
                for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
        }
    }
}
