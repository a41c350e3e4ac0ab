package org.racelab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import org.racelab.model.CodeView;
import org.racelab.model.MicroOp;
import org.racelab.model.PythonBytecode;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceProgram;

/**
 * One thread's code for a lane: each {@link RaceProgram} in plain steps, CPython 3.11 bytecode or JVM bytecode,
 * every line mapped onto its micro-op, and in the plain and Python views the points where CPython with the GIL may
 * switch threads marked with {@link #MARK} and the reason.
 */
final class ProgramCode {

    /** The mark after a line where CPython may hand the GIL to another thread. */
    static final String MARK = "⇄";

    /** One line; {@code switchPoint} says why CPython may switch there, or is null. */
    record Line(String text, MicroOp op, int indent, String switchPoint) {
    }

    private static final String LOOP = "loop back-edge (JUMP_BACKWARD): CPython may switch threads here";

    private ProgramCode() {
    }

    static List<Line> lines(CodeView view, RaceProgram program, RaceConfig config) {
        List<Line> out = new ArrayList<>();
        if (view == CodeView.JVM && program == RaceProgram.COUNT) {
            // The JVM switches anywhere: no marks, and today's code for the slide's program.
            for (CodeView.CodeLine l : view.lines(config.increments(), config.lock())) {
                out.add(new Line(l.text(), l.op(), l.indent(), null));
            }
            return out;
        }
        // The bytecode view leaves out FOR_ITER (no switch point, and a line less in a lane at 1024×768); its
        // JUMP_BACKWARD at the end shows the loop and the switch point there.
        int outer = view == CodeView.PYTHON ? 0 : 1;
        int body = config.lock() ? outer + 1 : outer;
        switch (view) {
            case PLAIN -> out.add(new Line("for _ in range(" + config.increments() + "): " + MARK, null, 0, LOOP));
            case PYTHON -> { }
            case JVM -> out.add(new Line("for(i=0;i<" + config.increments() + ";i++)", null, 0, null));
            default -> throw new IllegalStateException();
        }
        if (config.lock()) {
            out.add(new Line(switch (view) {
                case PLAIN -> "acquire lock";
                case PYTHON -> "lock.acquire()";
                default -> "monitorenter";
            }, MicroOp.ACQUIRE, outer, null));
        }
        switch (view) {
            case PLAIN -> plain(program, body, out);
            case PYTHON -> python(program, body, out);
            default -> jvm(program, body, out);
        }
        if (config.lock()) {
            out.add(new Line(switch (view) {
                case PLAIN -> "release lock";
                case PYTHON -> "lock.release()";
                default -> "monitorexit";
            }, MicroOp.RELEASE, outer, null));
        }
        if (view == CodeView.PYTHON) {
            out.add(new Line("JUMP_BACKWARD " + MARK, null, 0, LOOP));
        }
        return out;
    }

    private static void plain(RaceProgram program, int body, List<Line> out) {
        int step = program == RaceProgram.SLEEP ? body : body + 1;
        if (program != RaceProgram.SLEEP) {
            out.add(new Line(program.source(), null, body, null));
        }
        out.add(new Line(program == RaceProgram.SLEEP ? "load  tmp = count" : "load  r = count", MicroOp.LOAD, step,
                null));
        if (program == RaceProgram.CALL) {
            out.add(new Line("call  one() " + MARK, MicroOp.CALL, step, "entering one() (RESUME): CPython may "
                    + "switch threads here"));
        } else if (program == RaceProgram.SLEEP) {
            out.add(new Line("sleep(0) " + MARK, MicroOp.SLEEP, step, "time.sleep releases the GIL"));
        }
        out.add(new Line(program == RaceProgram.SLEEP ? "add   r = tmp + 1" : "add   r = r + 1", MicroOp.ADD, step,
                null));
        out.add(new Line("store count = r", MicroOp.STORE, step, null));
    }

    private static void python(RaceProgram program, int body, List<Line> out) {
        // The loop's bookkeeping (FOR_ITER, STORE_FAST _, JUMP_BACKWARD) frames the lock; the rest is the real code.
        // Lines without a micro-op are the loop's bookkeeping, shown by JUMP_BACKWARD alone.
        for (PythonBytecode.Instruction i : PythonBytecode.of(program)) {
            if (i.op() == null) {
                continue;
            }
            out.add(new Line(i.isSwitchPoint() ? i.text() + " " + MARK : i.text(), i.op(), body, i.switchPoint()));
            if (i.op() == MicroOp.CALL && i.isSwitchPoint()) {
                out.add(new Line("RESUME in one() " + MARK, MicroOp.CALL, body + 1,
                        "entering one(): RESUME checks the eval breaker, so CPython may switch threads here"));
            }
        }
    }

    private static void jvm(RaceProgram program, int body, List<Line> out) {
        out.add(new Line("getstatic count", MicroOp.LOAD, body, null));
        if (program == RaceProgram.CALL) {
            out.add(new Line("invokestatic one", MicroOp.CALL, body, null));
        } else {
            out.add(new Line("istore tmp", MicroOp.LOAD, body, null));
            out.add(new Line("lconst_0", MicroOp.SLEEP, body, null));
            out.add(new Line("invokestatic sleep", MicroOp.SLEEP, body, null));
            out.add(new Line("iload tmp", MicroOp.ADD, body, null));
            out.add(new Line("iconst_1", MicroOp.ADD, body, null));
        }
        out.add(new Line("iadd", MicroOp.ADD, body, null));
        out.add(new Line("putstatic count", MicroOp.STORE, body, null));
    }
}
