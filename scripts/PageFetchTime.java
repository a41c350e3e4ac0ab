import java.math.BigInteger;
import java.util.List;
import org.racelab.model.ExploredSchedule;
import org.racelab.model.Interleavings;
import org.racelab.model.RaceConfig;

/**
 * Times fetching pages of 50 schedules from the middle of one outcome, after exploring once (as the explorer
 * view does when you page or jump). Run from the project root after packaging:
 * {@code java -Xmx1g -cp target/racelab.jar scripts/PageFetchTime.java 4 5 6} (threads, increments, final value).
 */
public class PageFetchTime {
    public static void main(String[] args) throws Exception {
        RaceConfig config = new RaceConfig(Integer.parseInt(args[0]), Integer.parseInt(args[1]), 0, false);
        int outcome = Integer.parseInt(args[2]);
        long t0 = System.nanoTime();
        Interleavings in = Interleavings.explore(config);
        System.out.printf("explore %dx%d: %.0f ms, %,d states%n", config.threads(), config.increments(),
                (System.nanoTime() - t0) / 1e6, in.stateCount());
        BigInteger middle = in.countOf(outcome).shiftRight(1);
        for (int rep = 0; rep < 5; rep++) {
            BigInteger from = middle.add(BigInteger.valueOf(rep * 1000L));
            long t1 = System.nanoTime();
            List<ExploredSchedule> page = in.page(outcome, from, 50);
            System.out.printf("page of %d from #%s: %.1f ms%n", page.size(), from, (System.nanoTime() - t1) / 1e6);
        }
    }
}
