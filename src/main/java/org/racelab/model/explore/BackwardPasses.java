package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills, from the last layer up, each state's number of completions per final delta and the random scheduler's
 * odds. The two are independent recurrences over the same successor lists, so with a spare core the odds run on
 * a helper thread named {@code racelab-explorer-odds}; it is interrupted and joined before {@link #run} returns
 * in every case, so it never outlives the exploration.
 */
final class BackwardPasses {

    /** Every layer's counts, and the root's odds numerators over {@code lcm^length} per delta index. */
    record Result(CountLayer[] counts, BigInteger[] rootProbability) {
    }

    private final ThreadStates states;
    private final StateKeys codec;
    private final long[][] keys;
    private final int[][] children;
    private final int threads;
    private final int length;
    private final int span;
    private final int deltaWidth;
    private final long lcm;
    private final int countWidth;
    private final int probWidth;
    private final CountLayer[] counts;
    private final BigInteger[] rootProbability;
    /** Layers the odds pass has finished; written by the helper thread, read for progress. */
    private final AtomicInteger oddsLayersDone = new AtomicInteger();

    BackwardPasses(InterleavingSpace.Shape shape, ThreadStates states, StateKeys codec, ForwardPass.Layers layers) {
        this.states = states;
        this.codec = codec;
        this.keys = layers.keys();
        this.children = layers.children();
        this.threads = codec.threads;
        this.length = shape.length();
        this.span = shape.span();
        this.deltaWidth = 2 * span + 1;
        this.lcm = shape.lcm();
        this.countWidth = shape.countWidth();
        this.probWidth = shape.probWidth();
        this.counts = new CountLayer[length + 1];
        this.rootProbability = new BigInteger[deltaWidth];
    }

    Result run(ExplorationProgress progress) throws InterruptedException {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            backwardPass(countWidth, false, progress);
            probabilities();
            return new Result(counts, rootProbability);
        }
        Throwable[] failure = new Throwable[1];
        Thread helper = new Thread(() -> {
            try {
                probabilities();
            } catch (InterruptedException e) {
                // Asked to stop: the caller is abandoning the exploration.
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "racelab-explorer-odds");
        helper.setDaemon(true);
        helper.start();
        try {
            backwardPass(countWidth, false, fraction -> progress.progress(0.3 + 0.35 * (fraction - 0.3) / 0.7
                    + 0.35 * oddsLayersDone.get() / length));
            while (helper.isAlive()) {
                helper.join(50);
                progress.progress(0.65 + 0.35 * oddsLayersDone.get() / length);
            }
        } finally {
            if (helper.isAlive()) {
                helper.interrupt();
                helper.join();
            }
        }
        // join() makes the helper's writes (failure, rootProbability) visible here.
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        } else if (failure[0] instanceof Error e) {
            throw e;
        }
        return new Result(counts, rootProbability);
    }

    private void probabilities() throws InterruptedException {
        CountLayer root = backwardPass(probWidth, true, ExplorationProgress.NONE);
        for (int d = 0; d < root.len[0]; d++) {
            rootProbability[root.lo[0] + d] = root.entry(0, root.lo[0] + d);
        }
    }

    /**
     * One backward recurrence: per state, the sum over its distinct runnable thread states of
     * {@code weight * successor's entries} moved by the successor's counter change. For counts the weight is
     * the number of identical threads; for odds it is that number times {@code lcm / runnable threads}, so the
     * entries stay integers (numerators over {@code lcm^(steps left)}).
     */
    private CountLayer backwardPass(int width, boolean odds, ExplorationProgress progress)
            throws InterruptedException {
        long[] acc = new long[deltaWidth * width];
        long[] raw = new long[deltaWidth];
        // A state sums at most `threads` successors, each times at most threads * perStep.
        int weightBits = 2 * (64 - Long.numberOfLeadingZeros(threads))
                + (odds ? 64 - Long.numberOfLeadingZeros(lcm) : 0);
        CountLayer below = new CountLayer(1, new long[16]);
        acc[span * width] = 1;
        below.put(0, acc, width, span, span);
        if (!odds) {
            below.keepExact();
            counts[length] = below;
        }
        long[] spare = new long[Math.max(16, maxLayerSize() * 12)];
        int[] ids = new int[threads];
        for (int t = length - 1; t >= 0; t--) {
            long[] layer = keys[t];
            int n = layer.length;
            int[] kids = children[t];
            // Counts keep an exact copy per layer; odds need only the layer below, so two buffers alternate.
            // Either way no layer-sized array is thrown away per layer.
            CountLayer out = new CountLayer(n, spare);
            boolean plain = below.singleLimbBits() + weightBits <= 62;
            for (int s = 0; s < n; s++) {
                if ((s & 0xFFF) == 0 && Thread.interrupted()) {
                    throw new InterruptedException("exploration cancelled");
                }
                codec.unpack(layer[s], ids);
                boolean held = states.lockHeld(ids, threads);
                long perStep = 1;
                if (odds) {
                    int runnableCount = 0;
                    for (int i = 0; i < threads; i++) {
                        if (states.runnable(ids[i], held)) {
                            runnableCount++;
                        }
                    }
                    perStep = lcm / runnableCount;
                }
                int minD = deltaWidth;
                int maxD = -1;
                int base = s * threads;
                for (int i = 0; i < threads; i++) {
                    if ((i > 0 && ids[i] == ids[i - 1]) || !states.runnable(ids[i], held)) {
                        continue;
                    }
                    int m = 1;
                    while (i + m < threads && ids[i + m] == ids[i]) {
                        m++;
                    }
                    int shift = states.isStore(ids[i]) ? states.storeShift(ids[i]) : 0;
                    int c = kids[base + i];
                    if (plain) {
                        below.addRawTo(c, raw, shift, m * perStep);
                    } else {
                        below.addTo(c, acc, width, shift, m * perStep);
                    }
                    minD = Math.min(minD, below.lo[c] + shift);
                    maxD = Math.max(maxD, below.lo[c] + shift + below.len[c] - 1);
                }
                if (plain) {
                    out.putRaw(s, raw, minD, maxD);
                } else {
                    out.put(s, acc, width, minD, maxD);
                }
            }
            if (odds) {
                spare = below.pool;
                oddsLayersDone.incrementAndGet();
            } else {
                spare = out.keepExact();
                counts[t] = out;
                progress.progress(0.3 + 0.7 * (length - t) / length);
            }
            below = out;
        }
        return below;
    }

    private int maxLayerSize() {
        int max = 0;
        for (long[] k : keys) {
            max = Math.max(max, k.length);
        }
        return max;
    }
}
