package org.racelab.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the scheduler may take the processor from one thread and give it to another. */
public enum SwitchRule {
    /** Between any two micro-steps: the slide's model, the OS's view, Java and free-threaded Python. */
    ANY("any", "any point"),
    /**
     * CPython with the GIL: a thread is switched out only at a switch point (the loop's backward jump, entry into
     * a Python function, a call that releases the GIL such as {@code time.sleep}), or when it is done or blocked.
     */
    CPYTHON_GIL("cpython", "CPython with the GIL");

    private final String cliName;
    private final String title;

    SwitchRule(String cliName, String title) {
        this.cliName = cliName;
        this.title = title;
    }

    /** The name on the command line and in JSON: any, cpython. */
    public String cliName() {
        return cliName;
    }

    public String title() {
        return title;
    }

    /** The rule named {@code name} (any or cpython), if there is one. */
    public static Optional<SwitchRule> parse(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.cliName.equals(n)).findFirst();
    }

    /** Why {@code waiting} may not run while {@code running} holds the GIL between two switch points. */
    public static String gilRefusal(char waiting, char running) {
        return "CPython hands the GIL over only when a thread enters a function, jumps back in a loop or blocks: "
                + waiting + " cannot run until " + running + " reaches one";
    }
}
