package org.racelab.ui.stepper;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;
import org.racelab.model.SwitchRule;

/**
 * The stepper's settings as the teacher edits them (threads, increments, the typed start value, the lock, the
 * program and the switch rule), turned into a {@link RaceConfig} when they are applied. Used on the JavaFX thread only.
 */
final class StepperSettings {

    private final IntegerProperty threads = new SimpleIntegerProperty(RaceConfig.SLIDE_8.threads());
    private final IntegerProperty increments = new SimpleIntegerProperty(RaceConfig.SLIDE_8.increments());
    private final StringProperty startText = new SimpleStringProperty(String.valueOf(RaceConfig.SLIDE_8.start()));
    private final BooleanProperty lock = new SimpleBooleanProperty(RaceConfig.SLIDE_8.lock());
    private final ObjectProperty<RaceProgram> program = new SimpleObjectProperty<>(RaceProgram.COUNT);
    private final ObjectProperty<SwitchRule> rule = new SimpleObjectProperty<>(SwitchRule.ANY);
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper("");
    private boolean loading;

    /**
     * Calls {@code changed} when the user changes a setting: with null for threads and increments, with the words
     * for the lock switch. Typing a start value only checks it ({@link #startErrorProperty()}).
     */
    void onUserChange(Consumer<String> changed) {
        threads.addListener((o, a, b) -> notify(changed, null));
        increments.addListener((o, a, b) -> notify(changed, null));
        // Typing only checks the value; Enter or leaving the field applies it, so "500" on the way to "5000" does
        // not restart the run under the teacher's hands.
        startText.addListener((o, a, b) -> parseStart());
        lock.addListener((o, a, on) -> notify(changed, on ? "Lock switched on" : "Lock switched off"));
        // Like the lock, a new program or rule must take effect even while the start field holds bad text.
        program.addListener((o, a, p) -> notify(changed, "Program " + p.source()));
        rule.addListener((o, a, r) -> notify(changed, "Switches: " + r.title()));
    }

    private void notify(Consumer<String> changed, String why) {
        if (!loading) {
            changed.accept(why);
        }
    }

    IntegerProperty threads() {
        return threads;
    }

    IntegerProperty increments() {
        return increments;
    }

    StringProperty startText() {
        return startText;
    }

    BooleanProperty lock() {
        return lock;
    }

    ObjectProperty<RaceProgram> program() {
        return program;
    }

    ObjectProperty<SwitchRule> rule() {
        return rule;
    }

    ReadOnlyStringProperty startErrorProperty() {
        return startError.getReadOnlyProperty();
    }

    /** Shows {@code c} in the settings without any of them counting as a user change. */
    void load(RaceConfig c, RaceProgram p, SwitchRule r) {
        loading = true;
        try {
            program.set(p);
            rule.set(r);
            threads.set(c.threads());
            increments.set(c.increments());
            startText.set(String.valueOf(c.start()));
            lock.set(c.lock());
            startError.set("");
        } finally {
            loading = false;
        }
    }

    /**
     * The settings as a config (threads and increments clamped to the stepper's range), or null while the start
     * text is wrong, unless {@code fallbackStart} is given: the lock switch must always take effect.
     */
    RaceConfig config(Integer fallbackStart) {
        Integer start = parseStart();
        if (start == null) {
            start = fallbackStart;
        }
        if (start == null) {
            return null;
        }
        int t = StepperViewModel.RANGE.clampThreads(threads.get());
        int k = StepperViewModel.RANGE.clampIncrements(increments.get());
        return new RaceConfig(t, k, start, lock.get());
    }

    /** The typed start value, or null with {@link #startErrorProperty()} saying what is wrong. */
    private Integer parseStart() {
        String text = startText.get() == null ? "" : startText.get().strip();
        int start;
        try {
            start = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            startError.set("Start must be a whole number from " + StepperViewModel.RANGE.startText()
                    + ".");
            return null;
        }
        if (!StepperViewModel.RANGE.containsStart(start)) {
            startError.set("Start must be " + StepperViewModel.RANGE.startText() + ", not " + start
                    + ".");
            return null;
        }
        startError.set("");
        return start;
    }
}
