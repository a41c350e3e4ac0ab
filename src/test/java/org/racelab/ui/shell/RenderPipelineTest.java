package org.racelab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderPipelineTest {

    @Test
    void linuxWithoutAnyGpuDeviceSkipsTheOpenGlProbe() {
        assertThat(RenderPipeline.choose("Linux", null, p -> false)).contains("sw");
    }

    @Test
    void aDrmDeviceOrTheNvidiaDriverLeavesJavaFxItsOwnChoice() {
        assertThat(RenderPipeline.choose("Linux", null, Set.of(Path.of("/dev/dri"))::contains)).isEmpty();
        assertThat(RenderPipeline.choose("Linux", null, Set.of(Path.of("/dev/nvidiactl"))::contains)).isEmpty();
    }

    @Test
    void otherSystemsAreLeftAlone() {
        assertThat(RenderPipeline.choose("Windows 11", null, p -> false)).isEmpty();
        assertThat(RenderPipeline.choose("Mac OS X", null, p -> false)).isEmpty();
    }

    @Test
    void theUsersOwnChoiceWins() {
        assertThat(RenderPipeline.choose("Linux", "es2", p -> false)).isEqualTo(Optional.empty());
    }
}
