package org.racelab.lab.reality;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.racelab.model.RaceConfig;

/**
 * Benchmark (a main, not a test): the reality harness's rate for 2 threads × 1 increment beside a bare-minimum
 * harness in the same process, alternating, so a loaded machine slows both alike.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<dependency classpath>
 * org.racelab.lab.reality.RealityRateBench [seconds per leg, default 5] [legs, default 2]}.
 */
public final class RealityRateBench {

    private static final VarHandle INT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int STRIDE = RealityHarness.STRIDE;

    private RealityRateBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int legs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long nanos = (long) (seconds * 1e9);
        RaceConfig config = new RaceConfig(2, 1, 0, false);
        for (int leg = 0; leg < legs; leg++) {
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            RealitySnapshot s = new RealityHarness(config, WindowDelay.NONE, 0, nanos).run(x -> { });
            System.out.printf("harness: %,d trials in %.2f s = %.1f M/s, lost %,d (%.3f %%)   [loadavg %s]%n",
                    s.trials(), s.nanos() / 1e9, s.trialsPerSecond() / 1e6, s.count(1), 100.0 * s.count(1) / s.trials(),
                    load);
            load = Files.readString(Path.of("/proc/loadavg")).trim();
            long[] bare = bare(nanos);
            System.out.printf("bare:    %,d trials in %.2f s = %.1f M/s, lost %,d (%.3f %%)   [loadavg %s]%n",
                    bare[0], bare[2] / 1e9, bare[0] * 1e3 / bare[2], bare[1], 100.0 * bare[1] / bare[0], load);
        }
    }

    /** The same wait as the harness: spin, then yield once the other thread is clearly not running. */
    private static void pause(int spins) {
        if (spins > 1 << 8) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    private static volatile int round;
    private static volatile int doneRound;

    /** The least a harness can do: two threads, one int[] stride, a volatile round and a volatile done flag. */
    private static long[] bare(long nanos) throws InterruptedException {
        int[] a = new int[STRIDE];
        round = 0;
        doneRound = 0;
        Thread b = new Thread(() -> {
            int seen = 0;
            while (true) {
                int r;
                int spins = 0;
                while ((r = round) == seen) {
                    pause(++spins);
                }
                if (r < 0) {
                    return;
                }
                seen = r;
                for (int i = 0; i < STRIDE; i++) {
                    int v = (int) INT.getVolatile(a, i);
                    INT.setVolatile(a, i, v + 1);
                }
                doneRound = r;
            }
        }, "racelab-reality-bare");
        b.setDaemon(true);
        b.start();
        long began = System.nanoTime();
        long trials = 0;
        long lost = 0;
        int r = 0;
        long now;
        do {
            round = ++r;
            for (int i = 0; i < STRIDE; i++) {
                int v = (int) INT.getVolatile(a, i);
                INT.setVolatile(a, i, v + 1);
            }
            int spins = 0;
            while (doneRound != r) {
                pause(++spins);
            }
            for (int i = 0; i < STRIDE; i++) {
                if (a[i] != 2) {
                    lost++;
                }
                a[i] = 0;
            }
            trials += STRIDE;
            now = System.nanoTime();
        } while (now - began < nanos);
        round = -1;
        b.join();
        return new long[] {trials, lost, now - began};
    }
}
