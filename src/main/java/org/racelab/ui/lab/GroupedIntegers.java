package org.racelab.ui.lab;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/** Shows numbers with thousands separators and accepts them back with or without. */
final class GroupedIntegers extends StringConverter<Integer> {
    private final SpinnerValueFactory.IntegerSpinnerValueFactory factory;
    private final String name;
    private final LabViewModel viewModel;

    GroupedIntegers(SpinnerValueFactory.IntegerSpinnerValueFactory factory, String name, LabViewModel viewModel) {
        this.factory = factory;
        this.name = name;
        this.viewModel = viewModel;
    }

    @Override
    public String toString(Integer value) {
        return value == null ? "" : String.format(Locale.ROOT, "%,d", value);
    }

    @Override
    public Integer fromString(String text) {
        Integer parsed = parse(text);
        if (parsed == null) {
            viewModel.rejectInput(String.format(Locale.ROOT, "%s: '%s' is not a whole number; kept %,d.",
                    name, text == null ? "" : text.strip(), factory.getValue()));
            return factory.getValue();
        }
        if (parsed < factory.getMin() || parsed > factory.getMax()) {
            int clamped = Math.max(factory.getMin(), Math.min(factory.getMax(), parsed));
            viewModel.rejectInput(String.format(Locale.ROOT, "%s must be between %,d and %,d; set to %,d.",
                    name, factory.getMin(), factory.getMax(), clamped));
            return clamped;
        }
        if (!parsed.equals(factory.getValue())) {
            // Only a new, valid value clears the message: re-reading the value already in force must not.
            viewModel.acceptInput();
        }
        return parsed;
    }

    static Integer parse(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip().replace(",", "").replace("_", "").replace(" ", "");
        ParsePosition pos = new ParsePosition(0);
        Number n = NumberFormat.getIntegerInstance(Locale.ROOT).parse(digits, pos);
        if (n == null || pos.getIndex() != digits.length() || digits.isEmpty()) {
            return null;
        }
        long v = n.longValue();
        return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : (int) v;
    }
}
