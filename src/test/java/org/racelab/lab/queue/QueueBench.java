package org.racelab.lab.queue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.racelab.model.queue.QueueMistake;

/**
 * Benchmark (not a test): items per second of {@link QueueRun} with zero produce/consume time at 1, 2 and 4
 * producers and consumers, beside a bare loop over the same kind of queue (same capacity, same boxed items, same
 * poison pill, no counting, no sampling, no UI), alternating in the same JVM. Run by scripts/bench-queue.sh.
 * Arguments: items maxsize rounds.
 */
public final class QueueBench {

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int maxsize = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.printf(Locale.ROOT, "items %,d, maxsize %d, median of %d rounds (1 warm-up round dropped), %d CPUs%n",
                items, maxsize, rounds, Runtime.getRuntime().availableProcessors());
        System.out.println("threads (P=C)  bare loop items/s  QueueRun items/s  ratio");
        for (int n : new int[] {1, 2, 4}) {
            double[] bare = new double[rounds];
            double[] run = new double[rounds];
            for (int r = -1; r < rounds; r++) {
                double b = bare(n, items, maxsize);
                QueueRunResult res = new QueueRun(new QueueRunSettings(n, n, items, maxsize, 0, 0, QueueMistake.NONE, 0))
                        .call();
                if (!res.exact()) {
                    throw new IllegalStateException("run not exact: " + res);
                }
                if (r >= 0) {
                    bare[r] = b;
                    run[r] = res.itemsPerSecond();
                }
            }
            double mb = median(bare);
            double mr = median(run);
            System.out.printf(Locale.ROOT, "%13d  %17.0f  %16.0f  %5.2f%n", n, mb, mr, mr / mb);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Producers put boxed 1..N, consumers take until the pill (re-put), as QueueRun does, minus all accounting. */
    static double bare(int n, int items, int maxsize) throws InterruptedException {
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(maxsize);
        List<Thread> producers = new ArrayList<>();
        List<Thread> consumers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int p = 0; p < n; p++) {
            int first = p + 1;
            Thread t = new Thread(() -> {
                try {
                    for (int i = first; i <= items; i += n) {
                        q.put(i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "racelab-queue-bench-P" + first);
            producers.add(t);
        }
        for (int c = 0; c < n; c++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Integer item = q.take();
                        if (item.intValue() == 0) {
                            q.put(item);
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "racelab-queue-bench-C" + (c + 1));
            consumers.add(t);
        }
        producers.forEach(Thread::start);
        consumers.forEach(Thread::start);
        for (Thread t : producers) {
            t.join();
        }
        q.put(0);
        for (Thread t : consumers) {
            t.join();
        }
        return items / ((System.nanoTime() - t0) / 1e9);
    }
}
