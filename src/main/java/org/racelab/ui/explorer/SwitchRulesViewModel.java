package org.racelab.ui.explorer;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.racelab.lab.BackgroundExecutor;
import org.racelab.model.MachineState;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;
import org.racelab.model.explore.ExplorerNarration;
import org.racelab.model.explore.RuledInterleavings;

/**
 * State of "Python's switches": the explorer's race running the chosen program, counted exactly under both switch
 * rules side by side (any point, and CPython with the GIL), and the rule the teacher picked to read out.
 *
 * <p>Confined to the JavaFX thread (or a test's thread with a same-thread executor): the two counts run on the
 * executor's thread and reach this object only through its hand-off, tagged with a generation so that a count of
 * an older program or race is dropped.
 */
public final class SwitchRulesViewModel {

    /**
     * The most schedules (under the any-point rule) counted here. The rule-aware count cannot be interrupted, so
     * it is kept to races it finishes in well under 200 ms here (2 threads × 3, 3 × 1, 4 × 1 increments); bigger
     * races are counted by {@code racelab explore --switches cpython}.
     */
    public static final BigInteger MAX_SCHEDULES = BigInteger.valueOf(2_000_000);

    private final BackgroundExecutor executor;
    private final ObjectProperty<RaceProgram> program = new SimpleObjectProperty<>(RaceProgram.COUNT);
    private final ObjectProperty<SwitchRule> rule = new SimpleObjectProperty<>(SwitchRule.CPYTHON_GIL);
    private final ReadOnlyObjectWrapper<RuleSide> anyPoint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RuleSide> gil = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");

    private RaceConfig config;
    private long generation;
    private boolean disposed;
    private BackgroundExecutor.Cancellable running;

    public SwitchRulesViewModel(BackgroundExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
        program.addListener((o, old, p) -> count());
        rule.addListener((o, old, r) -> updateHeadline());
    }

    /** The loop body both rules count: count += 1, count += one() or the sleep. */
    public ObjectProperty<RaceProgram> programProperty() {
        return program;
    }

    /** The rule the teacher reads out; the other side stays for comparison. */
    public ObjectProperty<SwitchRule> ruleProperty() {
        return rule;
    }

    /** The any-point side, or null while counting or when the race is too large. */
    public ReadOnlyObjectProperty<RuleSide> anyPointProperty() {
        return anyPoint.getReadOnlyProperty();
    }

    /** The CPython-with-the-GIL side, or null while counting or when the race is too large. */
    public ReadOnlyObjectProperty<RuleSide> gilProperty() {
        return gil.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why no comparison shows (counting, too large, failed), or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The chosen rule's side in one sentence, e.g. "CPython with the GIL: every one of the 6 schedules ...". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The race both rules count: the explorer's settings. Null clears the comparison. */
    public void useConfig(RaceConfig newConfig) {
        if (!Objects.equals(config, newConfig)) {
            config = newConfig;
            count();
        }
    }

    /** The race being compared, or null. */
    public RaceConfig config() {
        return config;
    }

    /** Stops the count in progress; the view-model is not used afterwards. */
    public void dispose() {
        disposed = true;
        generation++;
        cancelRunning();
        busy.set(false);
    }

    /**
     * Schedules of {@code program} on {@code config} when a thread may be switched anywhere and nothing blocks:
     * exact without the lock, an upper bound with it (the lock rules some interleavings out).
     */
    public static BigInteger schedulesAtAnyPoint(RaceConfig config, RaceProgram program) {
        int steps = MachineState.initial(config, program, SwitchRule.ANY).scheduleLength() / config.threads();
        BigInteger all = factorial(steps * config.threads());
        BigInteger each = factorial(steps);
        for (int i = 0; i < config.threads(); i++) {
            all = all.divide(each);
        }
        return all;
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    private void count() {
        if (disposed) {
            return;
        }
        long gen = ++generation;
        cancelRunning();
        anyPoint.set(null);
        gil.set(null);
        headline.set("");
        RaceConfig c = config;
        RaceProgram p = program.get();
        if (c == null || p == null) {
            busy.set(false);
            status.set("");
            return;
        }
        BigInteger size = schedulesAtAnyPoint(c, p);
        if (size.compareTo(MAX_SCHEDULES) > 0) {
            busy.set(false);
            status.set(c.sizeText() + " running " + p.source() + " has " + ExplorerNarration.approximately(size)
                    + " schedules, more than the " + ExplorerNarration.grouped(MAX_SCHEDULES) + " compared here: "
                    + "choose fewer threads or increments (the command line's explore --switches cpython counts "
                    + "more).");
            return;
        }
        busy.set(true);
        status.set("Counting " + p.source() + " under both rules...");
        running = executor.submit(() -> List.of(
                RuleSide.of(RuledInterleavings.explore(c, p, SwitchRule.ANY)),
                RuleSide.of(RuledInterleavings.explore(c, p, SwitchRule.CPYTHON_GIL))), sides -> {
                    if (gen == generation) {
                        running = null;
                        busy.set(false);
                        status.set("");
                        anyPoint.set(sides.get(0));
                        gil.set(sides.get(1));
                        updateHeadline();
                    }
                }, e -> {
                    if (gen == generation) {
                        running = null;
                        busy.set(false);
                        status.set("Could not count " + p.source() + " under both rules: " + e.getMessage());
                    }
                });
    }

    private void updateHeadline() {
        RuleSide chosen = rule.get() == SwitchRule.ANY ? anyPoint.get() : gil.get();
        headline.set(chosen == null ? "" : chosen.title() + ": " + chosen.summary());
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }
}
