package org.racelab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PythonBytecodeTest {

    /** The listing's switch points fall where the machine's program says a switch may fall, in op order. */
    @ParameterizedTest
    @EnumSource(RaceProgram.class)
    void switchPointsMatchTheMachinesSwitchPoints(RaceProgram program) {
        List<PythonBytecode.Instruction> code = PythonBytecode.of(program);
        ThreadProgram machine = ThreadProgram.of(new RaceConfig(1, 1, 0, false), program);
        List<MicroOp> ops = code.stream().map(PythonBytecode.Instruction::op).filter(o -> o != null).distinct()
                .toList();
        assertThat(ops).isEqualTo(machine.ops());
        for (int pc = 1; pc < machine.length(); pc++) {
            MicroOp before = machine.opAt(pc - 1);
            boolean marked = code.stream().anyMatch(i -> i.op() == before && i.isSwitchPoint());
            assertThat(marked).as("%s after %s", program, before).isEqualTo(machine.switchPointAt(pc));
        }
        assertThat(code.get(code.size() - 1).isSwitchPoint()).isTrue();
    }
}
