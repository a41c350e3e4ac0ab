package org.racelab.cli;

/** The two ways every subcommand can print its result. */
public enum OutputFormat {
    table,
    json
}
