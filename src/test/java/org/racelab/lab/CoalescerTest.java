package org.racelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    @Test
    void manyOffersMakeOnePendingHandoffAndLoseNothing() throws Exception {
        ConcurrentLinkedQueue<Runnable> handoffQueue = new ConcurrentLinkedQueue<>();
        List<List<Integer>> batches = new ArrayList<>();
        Coalescer<Integer> coalescer = new Coalescer<>(handoffQueue::add, batches::add);
        Thread[] producers = new Thread[4];
        for (int p = 0; p < producers.length; p++) {
            int base = p * 10_000;
            producers[p] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    coalescer.offer(base + i);
                }
            });
            producers[p].start();
        }
        for (Thread t : producers) {
            t.join();
        }
        // However many items arrived, the "UI queue" holds a single drain.
        assertThat(handoffQueue).hasSize(1);
        handoffQueue.poll().run();
        List<Integer> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(40_000).doesNotHaveDuplicates();
        coalescer.offer(-1);
        assertThat(handoffQueue).hasSize(1);
        handoffQueue.poll().run();
        assertThat(batches.get(batches.size() - 1)).containsExactly(-1);
    }

    @Test
    void frameGapPercentilesUseNearestRank() {
        long[] gaps = new long[100];
        for (int i = 0; i < 100; i++) {
            gaps[i] = (i + 1) * 1_000_000L;
        }
        FrameGapStats s = FrameGapStats.of(gaps, 100);
        assertThat(s.frames()).isEqualTo(100);
        assertThat(s.p50Millis()).isEqualTo(50.0);
        assertThat(s.p99Millis()).isEqualTo(99.0);
        assertThat(s.maxMillis()).isEqualTo(100.0);
        assertThat(s.meetsTargets()).isFalse();
        assertThat(FrameGapStats.of(new long[] {16_000_000L, 17_000_000L}, 2).meetsTargets()).isTrue();
        assertThat(FrameGapStats.of(gaps, 0)).isEqualTo(FrameGapStats.EMPTY);
    }
}
