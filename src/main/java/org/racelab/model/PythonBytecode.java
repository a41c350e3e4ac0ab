package org.racelab.model;

import java.util.List;

/**
 * The CPython 3.11 bytecode of one loop iteration of each {@link RaceProgram} (no lock), each instruction mapped
 * to its micro-op and marked where CPython with the GIL may switch threads, and why.
 */
public final class PythonBytecode {

    /** One instruction; {@code op} is its micro-op (null for loop bookkeeping); {@code switchPoint} null if none. */
    public record Instruction(String text, MicroOp op, String switchPoint) {

        public boolean isSwitchPoint() {
            return switchPoint != null;
        }
    }

    private static final String BACK_EDGE = "loop back-edge: the eval breaker is checked";

    private PythonBytecode() {
    }

    /** The loop body of {@code program} as CPython 3.11 compiles it inside a function with {@code global count}. */
    public static List<Instruction> of(RaceProgram program) {
        return switch (program) {
            case COUNT -> List.of(
                    new Instruction("FOR_ITER", null, null),
                    new Instruction("STORE_FAST   _", null, null),
                    new Instruction("LOAD_GLOBAL  count", MicroOp.LOAD, null),
                    new Instruction("LOAD_CONST   1", MicroOp.ADD, null),
                    new Instruction("BINARY_OP    +=", MicroOp.ADD, null),
                    new Instruction("STORE_GLOBAL count", MicroOp.STORE, null),
                    new Instruction("JUMP_BACKWARD", null, BACK_EDGE));
            case CALL -> List.of(
                    new Instruction("FOR_ITER", null, null),
                    new Instruction("STORE_FAST   _", null, null),
                    new Instruction("LOAD_GLOBAL  count", MicroOp.LOAD, null),
                    new Instruction("LOAD_GLOBAL  one", MicroOp.CALL, null),
                    new Instruction("PRECALL      0", MicroOp.CALL, null),
                    new Instruction("CALL         0", MicroOp.CALL, "enters one(): RESUME checks the eval breaker"),
                    new Instruction("BINARY_OP    +=", MicroOp.ADD, null),
                    new Instruction("STORE_GLOBAL count", MicroOp.STORE, null),
                    new Instruction("JUMP_BACKWARD", null, BACK_EDGE));
            case SLEEP -> List.of(
                    new Instruction("FOR_ITER", null, null),
                    new Instruction("STORE_FAST   _", null, null),
                    new Instruction("LOAD_GLOBAL  count", MicroOp.LOAD, null),
                    new Instruction("STORE_FAST   tmp", MicroOp.LOAD, null),
                    new Instruction("LOAD_GLOBAL  time", MicroOp.SLEEP, null),
                    new Instruction("LOAD_ATTR    sleep", MicroOp.SLEEP, null),
                    new Instruction("LOAD_CONST   0", MicroOp.SLEEP, null),
                    new Instruction("PRECALL      1", MicroOp.SLEEP, null),
                    new Instruction("CALL         1", MicroOp.SLEEP, "time.sleep releases the GIL"),
                    new Instruction("LOAD_FAST    tmp", MicroOp.ADD, null),
                    new Instruction("LOAD_CONST   1", MicroOp.ADD, null),
                    new Instruction("BINARY_OP    +", MicroOp.ADD, null),
                    new Instruction("STORE_GLOBAL count", MicroOp.STORE, null),
                    new Instruction("JUMP_BACKWARD", null, BACK_EDGE));
        };
    }
}
