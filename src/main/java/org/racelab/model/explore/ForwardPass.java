package org.racelab.model.explore;

import java.util.Arrays;
import org.racelab.model.RaceConfig;

/**
 * Discovers the reachable canonical states layer by layer (layer = steps taken) and each state's successors,
 * keeping every finished layer as a sorted array of keys: a third of a hash table's memory, and lookups are only
 * needed when ranking single schedules.
 */
final class ForwardPass {

    /** Per layer the sorted state keys, and per layer but the last each state's successor per thread slot. */
    record Layers(long[][] keys, int[][] children) {
    }

    private final RaceConfig config;
    private final ThreadStates states;
    private final StateKeys codec;
    private final MemoryBudget budget;

    ForwardPass(RaceConfig config, ThreadStates states, StateKeys codec, MemoryBudget budget) {
        this.config = config;
        this.states = states;
        this.codec = codec;
        this.budget = budget;
    }

    Layers run(ExplorationProgress progress) throws InterruptedException {
        int threads = codec.threads;
        int length = config.scheduleLength();
        long[][] keys = new long[length + 1][];
        int[][] children = new int[length][];
        int[] root = new int[threads];
        Arrays.fill(root, states.initial());
        keys[0] = new long[] {codec.pack(root)};
        long discovered = 1;
        int[] ids = new int[threads];
        int[] scratch = new int[threads];
        for (int t = 0; t < length; t++) {
            long[] current = keys[t];
            int n = current.length;
            LongIndexMap nextLayer = new LongIndexMap(Math.max(16, n + (n >> 1)));
            // Each state's successors in group order, so the backward passes need no lookups.
            int[] kids = new int[n * threads];
            for (int s = 0; s < n; s++) {
                if ((s & 0xFFF) == 0 && Thread.interrupted()) {
                    throw new InterruptedException("exploration cancelled");
                }
                codec.unpack(current[s], ids);
                boolean held = states.lockHeld(ids, threads);
                int base = s * threads;
                for (int i = 0; i < threads; i++) {
                    if ((i == 0 || ids[i] != ids[i - 1]) && states.runnable(ids[i], held)) {
                        states.step(ids, i, scratch, threads);
                        kids[base + i] = nextLayer.add(codec.packSorted(scratch));
                    }
                }
            }
            int m = nextLayer.size();
            long[] sorted = new long[m];
            for (int i = 0; i < m; i++) {
                sorted[i] = nextLayer.keyAt(i);
            }
            Arrays.sort(sorted);
            int[] position = new int[m];
            for (int i = 0; i < m; i++) {
                position[i] = Arrays.binarySearch(sorted, nextLayer.keyAt(i));
            }
            for (int j = 0; j < kids.length; j++) {
                kids[j] = position[kids[j]];
            }
            children[t] = kids;
            keys[t + 1] = sorted;
            discovered += m;
            budget.check(config, discovered);
            progress.progress(0.3 * (t + 1) / length);
        }
        return new Layers(keys, children);
    }
}
