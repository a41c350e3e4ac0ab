package org.racelab.cli;

import java.math.BigInteger;
import org.racelab.model.scenario.InputText;
import picocli.CommandLine;

/**
 * Whole numbers written in ASCII digits only: Java's own parsers also accept Arabic-Indic, Devanagari and other
 * digits (so {@code --threads ٢} meant 2), which a command line should not guess at.
 */
final class AsciiNumber {

    private AsciiNumber() {
    }

    /** Registers the strict converters for every whole-number type the commands use. */
    static void register(CommandLine cli) {
        cli.registerConverter(Integer.class, AsciiNumber::toInt);
        cli.registerConverter(Integer.TYPE, AsciiNumber::toInt);
        cli.registerConverter(Long.class, AsciiNumber::toLong);
        cli.registerConverter(Long.TYPE, AsciiNumber::toLong);
        cli.registerConverter(BigInteger.class, AsciiNumber::parse);
    }

    static int toInt(String text) {
        BigInteger n = parse(text);
        if (n.bitLength() >= Integer.SIZE) {
            throw new CommandLine.TypeConversionException(InputText.quote(text) + " is too large for this option");
        }
        return n.intValue();
    }

    static long toLong(String text) {
        BigInteger n = parse(text);
        if (n.bitLength() >= Long.SIZE) {
            throw new CommandLine.TypeConversionException(InputText.quote(text) + " is too large for this option");
        }
        return n.longValue();
    }

    static BigInteger parse(String text) {
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            boolean sign = i == 0 && (cp == '-' || cp == '+') && text.length() > 1;
            if (!sign && (cp < '0' || cp > '9')) {
                throw new CommandLine.TypeConversionException(InputText.quote(text) + " is not a whole number: "
                        + InputText.character(cp) + " is not one of the digits 0-9");
            }
            i += Character.charCount(cp);
        }
        if (text.isEmpty()) {
            throw new CommandLine.TypeConversionException("an empty value is not a whole number");
        }
        if (text.length() > 30) {
            throw new CommandLine.TypeConversionException(InputText.quote(text) + " is far too large");
        }
        return new BigInteger(text);
    }
}
