package org.racelab.ui.lab;

import org.racelab.lab.CounterRunResult;

/** One line of the lab's results table: a finished run and its one-line explanation. */
public record LabRow(CounterRunResult result, String explanation) {
}
