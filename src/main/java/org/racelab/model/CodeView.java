package org.racelab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways a thread's code can be shown, each mapped line by line onto the same micro-ops: plain steps, the Python
 * bytecode of {@code count += 1} and the JVM bytecode of {@code count++} on a static field.
 */
public enum CodeView {
    PLAIN("Plain steps", "Plain steps"),
    PYTHON("Python bytecode", "Python"),
    JVM("JVM bytecode", "JVM");

    /** One line of code; {@code op} is the micro-op it belongs to, or null for a line that is only context. */
    public record CodeLine(String text, MicroOp op, int indent) {
    }

    private final String title;
    private final String shortTitle;

    CodeView(String title, String shortTitle) {
        this.title = title;
        this.shortTitle = shortTitle;
    }

    public String title() {
        return title;
    }

    /** A short name for a narrow chooser: "Python" stands for its bytecode there. */
    public String shortTitle() {
        return shortTitle;
    }

    @Override
    public String toString() {
        return title;
    }

    /** The lines of one thread's code for {@code increments} repetitions, with or without the lock. */
    public List<CodeLine> lines(int increments, boolean lock) {
        List<CodeLine> out = new ArrayList<>();
        int body = 1;
        switch (this) {
            case PLAIN, PYTHON -> out.add(new CodeLine("for _ in range(" + increments + "):", null, 0));
            case JVM -> out.add(new CodeLine("for(i=0;i<" + increments + ";i++)", null, 0));
            default -> throw new IllegalStateException();
        }
        if (lock) {
            switch (this) {
                case PLAIN -> out.add(new CodeLine("acquire lock", MicroOp.ACQUIRE, 1));
                case PYTHON -> out.add(new CodeLine("lock.acquire()", MicroOp.ACQUIRE, 1));
                case JVM -> out.add(new CodeLine("monitorenter", MicroOp.ACQUIRE, 1));
                default -> throw new IllegalStateException();
            }
            body = 2;
        }
        switch (this) {
            case PLAIN -> {
                if (!lock) {
                    out.add(new CodeLine("count += 1", null, body));
                }
                // Under the lock the three steps are the body of the with-block; without it, of count += 1.
                out.add(new CodeLine("load  r = count", MicroOp.LOAD, 2));
                out.add(new CodeLine("add   r = r + 1", MicroOp.ADD, 2));
                out.add(new CodeLine("store count = r", MicroOp.STORE, 2));
            }
            case PYTHON -> {
                out.add(new CodeLine("LOAD_GLOBAL  count", MicroOp.LOAD, body));
                out.add(new CodeLine("LOAD_CONST   1", MicroOp.ADD, body));
                out.add(new CodeLine("BINARY_OP    +=", MicroOp.ADD, body));
                out.add(new CodeLine("STORE_GLOBAL count", MicroOp.STORE, body));
            }
            case JVM -> {
                out.add(new CodeLine("getstatic count", MicroOp.LOAD, body));
                out.add(new CodeLine("iconst_1", MicroOp.ADD, body));
                out.add(new CodeLine("iadd", MicroOp.ADD, body));
                out.add(new CodeLine("putstatic count", MicroOp.STORE, body));
            }
            default -> throw new IllegalStateException();
        }
        if (lock) {
            switch (this) {
                case PLAIN -> out.add(new CodeLine("release lock", MicroOp.RELEASE, 1));
                case PYTHON -> out.add(new CodeLine("lock.release()", MicroOp.RELEASE, 1));
                case JVM -> out.add(new CodeLine("monitorexit", MicroOp.RELEASE, 1));
                default -> throw new IllegalStateException();
            }
        }
        return out;
    }
}
