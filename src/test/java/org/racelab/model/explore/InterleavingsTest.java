package org.racelab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

class InterleavingsTest {

    private static Interleavings explore(int threads, int increments, int start, boolean lock) {
        return Interleavings.explore(new RaceConfig(threads, increments, start, lock));
    }

    private static Map<Integer, BigInteger> counts(Interleavings in) {
        Map<Integer, BigInteger> m = new LinkedHashMap<>();
        in.outcomes().forEach(o -> m.put(o.finalValue(), o.count()));
        return m;
    }

    private static Map<Integer, BigInteger> map(long... pairs) {
        Map<Integer, BigInteger> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((int) pairs[i], BigInteger.valueOf(pairs[i + 1]));
        }
        return m;
    }

    @Test
    void knownFiguresFromTheIssue() {
        Interleavings twoByOne = explore(2, 1, 0, false);
        assertThat(twoByOne.total()).isEqualTo(20);
        assertThat(counts(twoByOne)).containsExactlyEntriesOf(map(1, 18, 2, 2));

        Interleavings twoByTwo = explore(2, 2, 0, false);
        assertThat(twoByTwo.total()).isEqualTo(924);
        assertThat(counts(twoByTwo)).containsExactlyEntriesOf(map(2, 702, 3, 216, 4, 6));

        Interleavings threeByOne = explore(3, 1, 0, false);
        assertThat(threeByOne.total()).isEqualTo(1680);
        assertThat(counts(threeByOne)).containsExactlyEntriesOf(map(1, 1404, 2, 270, 3, 6));

        Interleavings locked = explore(2, 2, 0, true);
        assertThat(locked.total()).isEqualTo(6);
        assertThat(counts(locked)).containsExactlyEntriesOf(map(4, 6));

        assertThat(explore(2, 3, 0, false).min().finalValue()).isEqualTo(2);
        assertThat(explore(3, 3, 0, false).total()).isEqualTo(227_873_431_500L);
        assertThat(explore(3, 3, 0, false).countOf(2)).isEqualTo(3_776_608_476L);
    }

    @Test
    void unlockedTotalsAreTheMultinomialAndCountsSumToTotal() {
        for (int n = 1; n <= 4; n++) {
            for (int k = 1; k <= 3; k++) {
                Interleavings in = explore(n, k, 0, false);
                BigInteger expected = InterleavingSpace.factorial(3 * n * k)
                        .divide(InterleavingSpace.factorial(3 * k).pow(n));
                assertThat(in.total()).as("%d x %d", n, k).isEqualTo(expected);
                assertThat(in.outcomes().stream().map(InterleavingOutcome::count)
                        .reduce(BigInteger.ZERO, BigInteger::add)).isEqualTo(expected);
            }
        }
        Interleavings big = explore(5, 2, 0, false);
        assertThat(big.total()).isEqualTo(new BigInteger("1370874167589326400"));
    }

    @Test
    void probabilitiesAndSharesSumToExactlyOne() {
        for (RaceConfig c : List.of(new RaceConfig(2, 1, 0, false), new RaceConfig(3, 2, 7, false),
                new RaceConfig(4, 3, 0, false), new RaceConfig(3, 2, 0, true), new RaceConfig(5, 1, -3, false))) {
            Interleavings in = Interleavings.explore(c);
            ExactFraction p = ExactFraction.ZERO;
            ExactFraction share = ExactFraction.ZERO;
            for (InterleavingOutcome o : in.outcomes()) {
                p = p.add(o.randomSchedulerProbability());
                share = share.add(o.share());
                assertThat(o.randomSchedulerProbability().numerator().signum()).isPositive();
            }
            assertThat(p).as("%s", c).isEqualTo(ExactFraction.ONE);
            assertThat(share).isEqualTo(ExactFraction.ONE);
        }
    }

    @ParameterizedTest(name = "{0} x {1}, start {2}, lock {3}")
    @CsvSource({"1,2,0,false", "2,1,0,false", "2,2,5,false", "2,3,-4,false", "3,1,0,false", "4,1,0,false",
        "2,1,5,true", "2,2,0,true", "3,1,1000,true", "3,2,-1000,true", "2,3,0,true", "4,1,0,true"})
    void agreesWithBruteForceEnumeration(int threads, int increments, int start, boolean lock) {
        RaceConfig config = new RaceConfig(threads, increments, start, lock);
        Interleavings in = Interleavings.explore(config);
        List<ReferenceMachine.Run> runs = new ReferenceMachine(config).all();

        Map<Integer, BigInteger> count = new TreeMap<>();
        Map<Integer, ExactFraction> odds = new TreeMap<>();
        for (ReferenceMachine.Run r : runs) {
            count.merge(r.finalValue(), BigInteger.ONE, BigInteger::add);
            odds.merge(r.finalValue(), r.probability(), ExactFraction::add);
        }
        assertThat(in.total()).isEqualTo(runs.size());
        assertThat(counts(in)).containsExactlyEntriesOf(count);
        for (InterleavingOutcome o : in.outcomes()) {
            assertThat(o.randomSchedulerProbability()).isEqualTo(odds.get(o.finalValue()));
        }
        // Unranking reproduces the lexicographic enumeration exactly, stale stores included.
        Map<Integer, Integer> seenPerFinal = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            ReferenceMachine.Run r = runs.get(i);
            ExploredSchedule s = in.schedule(BigInteger.valueOf(i));
            assertThat(s.schedule().letters()).isEqualTo(r.letters());
            assertThat(s.finalValue()).isEqualTo(r.finalValue());
            assertThat(s.staleSteps()).isEqualTo(r.staleSteps());
            int j = seenPerFinal.merge(r.finalValue(), 1, Integer::sum) - 1;
            assertThat(in.schedule(r.finalValue(), BigInteger.valueOf(j)).schedule().letters())
                    .isEqualTo(r.letters());
            assertThat(in.rank(new Schedule(r.letters()))).isEqualTo(i);
            assertThat(in.rank(r.finalValue(), new Schedule(r.letters()))).isEqualTo(j);
        }
    }

    @Test
    void lockedRacesAlwaysEndAtStartPlusAllIncrements() {
        for (int n = 1; n <= 5; n++) {
            for (int k = 1; k <= 4; k++) {
                Interleavings in = explore(n, k, 3, true);
                int expected = 3 + n * k;
                assertThat(in.outcomes()).singleElement().satisfies(o -> {
                    assertThat(o.finalValue()).isEqualTo(expected);
                    assertThat(o.randomSchedulerProbability()).isEqualTo(ExactFraction.ONE);
                });
                assertThat(in.losingCount()).isZero();
            }
        }
        // With the lock whole increments interleave: (NK)! / (K!)^N orders of increments.
        assertThat(explore(4, 5, 0, true).total()).isEqualTo(
                InterleavingSpace.factorial(20).divide(InterleavingSpace.factorial(5).pow(4)));
    }

    @Test
    void witnessesAndPagesReplayToTheirValues() throws InterruptedException {
        for (RaceConfig c : List.of(new RaceConfig(2, 3, 0, false), new RaceConfig(3, 3, 5, false),
                new RaceConfig(4, 3, -2, false), new RaceConfig(3, 2, 0, true), new RaceConfig(4, 4, 0, false))) {
            Interleavings in = Interleavings.explore(c);
            ReferenceMachine ref = new ReferenceMachine(c);
            assertThat(ref.replay(in.min().schedule().letters()).finalValue())
                    .isEqualTo(in.min().finalValue()).isEqualTo(in.outcomes().get(0).finalValue());
            assertThat(ref.replay(in.max().schedule().letters()).finalValue())
                    .isEqualTo(in.max().finalValue()).isEqualTo(c.expectedFinal());
            for (InterleavingOutcome o : in.outcomes()) {
                BigInteger mid = o.count().shiftRight(1);
                BigInteger last = o.count().subtract(BigInteger.ONE);
                for (BigInteger from : List.of(BigInteger.ZERO, mid, last.subtract(BigInteger.TWO).max(BigInteger.ZERO))) {
                    List<ExploredSchedule> page = in.page(o.finalValue(), from, 3);
                    String previous = null;
                    for (ExploredSchedule s : page) {
                        ReferenceMachine.Run r = ref.replay(s.schedule().letters());
                        assertThat(r.finalValue()).isEqualTo(o.finalValue()).isEqualTo(s.finalValue());
                        assertThat(r.staleSteps()).isEqualTo(s.staleSteps());
                        if (previous != null) {
                            assertThat(s.schedule().letters()).isGreaterThan(previous);
                        }
                        previous = s.schedule().letters();
                    }
                }
                assertThat(in.rank(o.finalValue(), in.schedule(o.finalValue(), last).schedule())).isEqualTo(last);
            }
        }
    }

    @Test
    void theMinimumLosesTheMostAndTheMaximumLosesNothing() {
        Interleavings in = explore(2, 3, 0, false);
        assertThat(in.min().finalValue()).isEqualTo(2);
        assertThat(in.max().finalValue()).isEqualTo(6);
        assertThat(in.max().staleSteps()).isEmpty();
        assertThat(in.min().staleSteps()).isNotEmpty();
    }

    @Test
    void unrankingWorksAtHugeIndicesBeyondLong() {
        Interleavings in = explore(4, 3, 0, false);
        assertThat(in.total()).isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
        BigInteger last = in.total().subtract(BigInteger.ONE);
        assertThat(in.schedule(last).schedule().letters()).isEqualTo("DDDDDDDDDCCCCCCCCCBBBBBBBBBAAAAAAAAA");
        assertThat(in.schedule(BigInteger.ZERO).schedule().letters()).isEqualTo("AAAAAAAAABBBBBBBBBCCCCCCCCCDDDDDDDDD");
        BigInteger[] probes = {new BigInteger("9876543210987654321"), BigInteger.valueOf(Long.MAX_VALUE),
            in.total().shiftRight(1)};
        ReferenceMachine ref = new ReferenceMachine(in.config());
        String previous = "";
        for (BigInteger i : probes) {
            ExploredSchedule s = in.schedule(i);
            assertThat(in.rank(s.schedule())).isEqualTo(i);
            assertThat(ref.replay(s.schedule().letters()).finalValue()).isEqualTo(s.finalValue());
            previous = s.schedule().letters();
        }
        assertThat(previous).isNotEmpty();
        assertThatThrownBy(() -> in.schedule(in.total())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> in.schedule(99, BigInteger.ZERO)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void explorationStopsWhenInterruptedAndReportsProgress() throws Exception {
        List<Double> seen = new ArrayList<>();
        Interleavings.explore(new RaceConfig(3, 2, 0, false), seen::add);
        assertThat(seen).isSortedAccordingTo(Double::compare);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);

        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean started = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                Interleavings.explore(new RaceConfig(4, 5, 0, false), f -> started.set(true));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        worker.start();
        while (!started.get()) {
            Thread.onSpinWait();
        }
        long t0 = System.nanoTime();
        worker.interrupt();
        worker.join(5000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("racelab-explorer"));
    }

    @Test
    void narrationReadsOutTheFigures() {
        Interleavings in = explore(2, 1, 0, false);
        assertThat(ExplorerNarration.headline(in))
                .isEqualTo("Of 20 ways two threads can interleave one increment each, 18 lose an update (90%).");
        assertThat(ExplorerNarration.oddsExplanation(in)).contains("75%");
        assertThat(ExplorerNarration.headline(explore(2, 2, 0, true)))
                .isEqualTo("Of 6 ways two threads can interleave two locked increments each, none loses an update (0%).");
        assertThat(ExplorerNarration.oddsExplanation(explore(2, 2, 0, true))).isEqualTo("No schedule loses an "
                + "update, so the counter ends at 4 whichever thread the scheduler picks at each step, random or not.");
        assertThat(ExplorerNarration.percent(ExactFraction.of(BigInteger.ONE, BigInteger.valueOf(3))))
                .isEqualTo("33.33%");
        assertThat(ExplorerNarration.percent(ExactFraction.of(BigInteger.ONE, BigInteger.TEN.pow(9))))
                .isEqualTo("< 0.0001%");
        assertThat(ExplorerNarration.percent(ExactFraction.of(BigInteger.TEN.pow(9).subtract(BigInteger.ONE),
                BigInteger.TEN.pow(9)))).isEqualTo("> 99.9999%");
        assertThat(ExplorerNarration.percent(ExactFraction.of(BigInteger.valueOf(999_998), BigInteger.valueOf(1_000_000))))
                .isEqualTo("99.9998%");
        assertThat(ExplorerNarration.percent(ExactFraction.of(BigInteger.valueOf(9_996), BigInteger.valueOf(10_000))))
                .isEqualTo("99.96%");
        assertThat(ExplorerNarration.approximately(explore(4, 3, 0, false).total())).isEqualTo("2.1 × 10¹⁹");
        assertThat(ExplorerNarration.headline(explore(4, 4, 0, false))).isEqualTo("Of about 2.4 × 10²⁶ ways four "
                + "threads can interleave four increments each, all but 63,063,000 lose an update (> 99.9999%).");
        assertThat(ExplorerNarration.headline(explore(3, 3, 0, false))).startsWith("Of 227,873,431,500 ways");
    }
}
