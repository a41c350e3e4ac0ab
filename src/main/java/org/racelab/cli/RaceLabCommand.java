package org.racelab.cli;

import java.util.concurrent.Callable;
import org.racelab.model.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code racelab} command; with no subcommand from the jar, the window opens instead. */
@Command(name = "racelab",
        mixinStandardHelpOptions = true,
        versionProvider = RaceLabCommand.VersionProvider.class,
        description = "Race conditions made visible: step, explore and measure lost updates.",
        subcommands = {
            RunCommand.class,
            LabCommand.class,
            ExploreCommand.class,
            QueueCommand.class,
            RealityCommand.class,
            PoolCommand.class,
            ThreadCostCommand.class,
            PythonCommand.class,
        })
public final class RaceLabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Reached only with options but no subcommand (java -jar racelab.jar alone opens the window).
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Supplies {@code racelab <version>} to {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"racelab " + Version.get()};
        }
    }
}
