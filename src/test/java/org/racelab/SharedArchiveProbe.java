package org.racelab;

import java.nio.file.Files;
import java.nio.file.Path;

/** Stands in for the window in {@link SharedArchiveLaunchTest}: relaunches like the real launcher, then reports. */
public final class SharedArchiveProbe {

    private SharedArchiveProbe() {
    }

    public static void main(String[] args) throws Exception {
        java.util.OptionalInt relaunched = SharedArchiveLaunch.run();
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        // In the second JVM (or in this one if the relaunch was declined): say which, for the test to read.
        String report = System.getProperty("probe.report");
        Files.writeString(Path.of(report), "mode=" + System.getProperty(SharedArchiveLaunch.MODE, "none")
                + "\nparent=" + System.getProperty(SharedArchiveLaunch.LAUNCH_PID, "none")
                + "\npid=" + ProcessHandle.current().pid() + "\n");
        System.exit(Integer.getInteger("probe.exit", 0));
    }
}
