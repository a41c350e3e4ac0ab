package org.racelab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.racelab.model.MicroOp;
import org.racelab.model.RaceConfig;
import org.racelab.model.ThreadProgram;

class ThreadStatesTest {

    @Test
    void theIncrementsShapeIsReadOffTheThreadProgram() {
        for (boolean lock : new boolean[] {false, true}) {
            IncrementShape shape = new IncrementShape(lock);
            List<MicroOp> ops = ThreadProgram.incrementOps(lock);
            assertThat(shape.size()).isEqualTo(ops.size());
            for (int phase = 0; phase < ops.size(); phase++) {
                assertThat(shape.op(phase)).isEqualTo(ops.get(phase));
                assertThat(shape.waitsForLock(phase)).isEqualTo(ops.get(phase) == MicroOp.ACQUIRE);
                // The register matters from after the load up to the store.
                assertThat(shape.live(phase)).isEqualTo(ops.get(phase) == MicroOp.ADD || ops.get(phase) == MicroOp.STORE);
                assertThat(shape.holdsLock(phase)).isEqualTo(lock && phase > 0);
            }
        }
    }

    @Test
    void aStepNeverBuiltIsRefusedAfterTheFreezeInsteadOfWrittenWhileOthersRead() {
        ThreadStates states = new ThreadStates(new RaceConfig(2, 1, 0, false), new StateKeys(2).maxId());
        int idle = states.initial();
        int loaded = states.next(idle);
        assertThat(states.isStore(loaded)).isFalse();
        states.freeze();
        assertThat(states.next(idle)).isEqualTo(loaded);
        assertThat(states.initial()).isEqualTo(idle);
        assertThatThrownBy(() -> states.next(loaded)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> states.shifted(loaded, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(states.shifted(idle, 1)).as("an idle thread has no register to move").isEqualTo(idle);
    }

    @Test
    void aStoreMovesTheCounterByTheRegistersDistanceFromIt() {
        ThreadStates states = new ThreadStates(new RaceConfig(2, 1, 0, false), new StateKeys(2).maxId());
        int[] ids = {states.initial(), states.initial()};
        int[] out = new int[2];
        // A loads, B loads, A adds, A stores (fresh: +1), then B's store is stale and moves the counter by 0.
        for (int who : new int[] {0, 1, 0}) {
            states.step(ids, who, out, 2);
            System.arraycopy(out, 0, ids, 0, 2);
        }
        assertThat(states.isStore(ids[0])).isTrue();
        assertThat(states.staleStore(ids[0])).isFalse();
        assertThat(states.storeShift(ids[0])).isEqualTo(1);
        states.step(ids, 0, out, 2);
        System.arraycopy(out, 0, ids, 0, 2);
        states.step(ids, 1, out, 2);
        System.arraycopy(out, 0, ids, 0, 2);
        assertThat(states.staleStore(ids[1])).isTrue();
        assertThat(states.storeShift(ids[1])).isEqualTo(0);
    }

    @Test
    void oneExplorationAnswersTheSameOnManyThreadsAtOnce() throws Exception {
        Interleavings space = Interleavings.explore(new RaceConfig(3, 2, 0, false));
        List<Callable<List<String>>> readers = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            readers.add(() -> {
                List<String> seen = new ArrayList<>();
                for (long i = 0; i < 400; i++) {
                    BigInteger index = BigInteger.valueOf(i * 9_973);
                    var s = space.schedule(index);
                    assertThat(space.rank(s.schedule())).isEqualTo(index);
                    seen.add(s.schedule().letters());
                }
                return seen;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "racelab-test-reader"));
        try {
            List<Future<List<String>>> results = pool.invokeAll(readers);
            List<String> first = results.get(0).get();
            for (Future<List<String>> f : results) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
