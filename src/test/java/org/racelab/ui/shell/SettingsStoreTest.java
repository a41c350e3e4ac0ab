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
}
