package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

/**
 * The counting dynamic program behind {@link Interleavings}: every reachable canonical machine state, layer by
 * layer, with the number of complete schedules from it per final value, and the random scheduler's odds.
 *
 * <p>A canonical state keeps only what can change the future. The counter is not stored: registers are kept
 * relative to it, and a state's counts are indexed by {@code delta = final - counter}, so states that differ
 * by a shift of every value share one entry. A register is stored only while it is live (between load and
 * store). Threads are identical programs, so a state is the sorted multiset of per-thread local states: one of
 * {@code m} identical threads stepping contributes {@code m} times the same successor. Local states are interned
 * to small ids and packed into one {@code long}. The layer of a state is the number of steps taken, so the
 * states form layers 0..L; a forward pass discovers each layer, a backward pass fills the counts.
 *
 * <p>Immutable once built; safe to read from several threads.
 */
final class InterleavingSpace {

    // Phases of a thread's local state; "idle" is before the next increment (or acquire, with the lock).
    static final int IDLE = 0;
    static final int LOADED = 1;
    static final int ADDED = 2;
    static final int HOLDING = 3;
    static final int STORED = 4;
    private static final int PHASES = 5;
    private static final int NO_ID = 0;

    final RaceConfig config;
    final int threads;
    final int length;
    private final boolean lock;
    private final int span;          // NK: offsets and deltas lie in [-span, span]
    private final int offsetWidth;   // 2 * span + 1
    private final int bits;
    private final long idMask;
    private final int maxIds;
    final int countWidth;
    private final int probWidth;
    /** lcm(1..threads): every random-scheduler step probability is a multiple of 1 / lcm. */
    final long lcm;

    // Interned local states: id -> (remaining increments, phase, register offset from the counter).
    private final int[] codeToId;
    private int[] idRemaining = new int[64];
    private int[] idPhase = new int[64];
    private int[] idOffset = new int[64];
    private int idCount = 1;

    // Layers: state keys, and per state its count distribution over delta (lo, len, pool position).
    /** Per layer, the packed state keys in ascending order; a state's number is its position. */
    private final long[][] keys;
    private final Layer[] counts;
    private final int[][] children;

    // Root's random-scheduler numerators over lcm^length, per delta.
    private final BigInteger[] rootProbability;

    private InterleavingSpace(RaceConfig config) {
        this.config = config;
        this.threads = config.threads();
        this.lock = config.lock();
        this.length = config.scheduleLength();
        this.span = threads * config.increments();
        this.offsetWidth = 2 * span + 1;
        this.bits = Math.min(16, 64 / threads);
        this.idMask = (1L << bits) - 1;
        this.maxIds = (int) idMask;
        this.codeToId = new int[(config.increments() + 1) * PHASES * offsetWidth];
        long l = 1;
        for (int i = 2; i <= threads; i++) {
            l = l / gcd(l, i) * i;
        }
        this.lcm = l;
        this.countWidth = Limbs.widthFor(multinomialBound(config));
        this.probWidth = Limbs.widthFor(BigInteger.valueOf(lcm).pow(length));
        if (64 - Long.numberOfLeadingZeros(threads * lcm) > Limbs.MAX_WEIGHT_BITS) {
            throw new IllegalStateException("too many threads for the limb arithmetic");
        }
        keys = new long[length + 1][];
        counts = new Layer[length + 1];
        children = new int[length][];
        rootProbability = new BigInteger[offsetWidth];
    }

    /** Schedules without the lock: (3NK)! / ((3K)!)^N; with the lock there are fewer. */
    static BigInteger multinomialBound(RaceConfig config) {
        int perThread = config.increments() * config.opsPerIncrement();
        BigInteger r = factorial(perThread * config.threads());
        BigInteger d = factorial(perThread).pow(config.threads());
        return r.divide(d);
    }

    static BigInteger factorial(int n) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Builds the whole space; checks for interruption throughout. */
    static InterleavingSpace build(RaceConfig config, ExplorationProgress progress) throws InterruptedException {
        InterleavingSpace s = new InterleavingSpace(config);
        s.forward(progress);
        s.backward(progress);
        Arrays.fill(s.children, null);
        progress.progress(1.0);
        return s;
    }

    // ---- local states -------------------------------------------------------------------------------------

    private int intern(int remaining, int phase, int offset) {
        if (offset < -span || offset > span) {
            throw new IllegalStateException("register offset " + offset + " outside " + span);
        }
        int code = (remaining * PHASES + phase) * offsetWidth + offset + span;
        int id = codeToId[code];
        if (id == NO_ID) {
            if (idCount > maxIds) {
                throw new ExplorationTooLargeException(threads + " threads x " + config.increments()
                        + " increments has more distinct thread states than the explorer can pack: "
                        + "choose fewer threads or increments");
            }
            id = idCount++;
            if (id == idRemaining.length) {
                idRemaining = Arrays.copyOf(idRemaining, id * 2);
                idPhase = Arrays.copyOf(idPhase, id * 2);
                idOffset = Arrays.copyOf(idOffset, id * 2);
            }
            idRemaining[id] = remaining;
            idPhase[id] = phase;
            idOffset[id] = offset;
            codeToId[code] = id;
        }
        return id;
    }

    private static boolean live(int phase) {
        return phase == LOADED || phase == ADDED;
    }

    private boolean holdsLock(int id) {
        return lock && idPhase[id] != IDLE;
    }

    private boolean done(int id) {
        return idRemaining[id] == 0;
    }

    /** Whether thread state {@code id} can step, given whether some thread holds the lock. */
    private boolean runnable(int id, boolean lockHeld) {
        return !done(id) && !(lock && idPhase[id] == IDLE && lockHeld);
    }

    private boolean isStore(int id) {
        return idPhase[id] == ADDED;
    }

    /** How far the counter moves (new counter minus old) when thread state {@code id} stores. */
    private int storeShift(int id) {
        return idOffset[id] + 1;
    }

    /**
     * Memo of {@link #computeNext} and {@link #computeShifted} per interned id (0 = not yet known). After the
     * build no new id appears, so later readers on other threads only ever race to store the same int.
     */
    private int[] nextMemo = new int[64];
    private int[] shiftedMemo = new int[0];

    private int next(int id) {
        if (id >= nextMemo.length) {
            nextMemo = Arrays.copyOf(nextMemo, Math.max(id + 1, nextMemo.length * 2));
        }
        int n = nextMemo[id];
        if (n == NO_ID) {
            n = computeNext(id);
            nextMemo[id] = n;
        }
        return n;
    }

    private int computeNext(int id) {
        int r = idRemaining[id];
        int ph = idPhase[id];
        if (!lock) {
            return switch (ph) {
                case IDLE -> intern(r, LOADED, 0);
                case LOADED -> intern(r, ADDED, idOffset[id]);
                default -> intern(r - 1, IDLE, 0);
            };
        }
        return switch (ph) {
            case IDLE -> intern(r, HOLDING, 0);
            case HOLDING -> intern(r, LOADED, 0);
            case LOADED -> intern(r, ADDED, idOffset[id]);
            case ADDED -> intern(r, STORED, 0);
            default -> intern(r - 1, IDLE, 0);
        };
    }

    /** The same thread state seen from a counter that moved by {@code shift}. */
    private int shifted(int id, int shift) {
        int shifts = 2 * span + 3;
        int at = id * shifts + shift + span + 1;
        if (at >= shiftedMemo.length) {
            shiftedMemo = Arrays.copyOf(shiftedMemo, Math.max(at + 1, (idCount + 64) * shifts));
        }
        int n = shiftedMemo[at];
        if (n == NO_ID) {
            n = computeShifted(id, shift);
            shiftedMemo[at] = n;
        }
        return n;
    }

    private int computeShifted(int id, int shift) {
        int ph = idPhase[id];
        return live(ph) ? intern(idRemaining[id], ph, idOffset[id] - shift) : id;
    }

    private long pack(int[] ids) {
        long key = 0;
        for (int i = 0; i < threads; i++) {
            key |= ((long) ids[i]) << (i * bits);
        }
        return key;
    }

    private void unpack(long key, int[] ids) {
        for (int i = 0; i < threads; i++) {
            ids[i] = (int) ((key >>> (i * bits)) & idMask);
        }
    }

    private static void sort(int[] a, int n) {
        for (int i = 1; i < n; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** The canonical key after thread {@code who} of (thread-indexed, not necessarily sorted) {@code ids} steps. */
    private long childKey(int[] ids, int who, int[] scratch) {
        int id = ids[who];
        boolean store = isStore(id);
        int shift = store ? storeShift(id) : 0;
        for (int i = 0; i < threads; i++) {
            scratch[i] = i == who ? next(id) : (shift != 0 ? shifted(ids[i], shift) : ids[i]);
        }
        sort(scratch, threads);
        return pack(scratch);
    }

    private boolean lockHeld(int[] ids) {
        if (!lock) {
            return false;
        }
        for (int i = 0; i < threads; i++) {
            if (holdsLock(ids[i])) {
                return true;
            }
        }
        return false;
    }

    // ---- the two passes -----------------------------------------------------------------------------------

    private long rootKey() {
        int[] ids = new int[threads];
        Arrays.fill(ids, intern(config.increments(), IDLE, 0));
        return pack(ids);
    }

    /** Heap per state over both passes (keys, successor lists, counts): 4 x 5 peaks at 622 MiB for 3.1 M states. */
    private static final long BYTES_PER_STATE = 210;

    private void checkMemory(long states) {
        long budget = Runtime.getRuntime().maxMemory() / 20 * 19;
        if (states * BYTES_PER_STATE > budget) {
            throw new ExplorationTooLargeException(threads + " threads x " + config.increments()
                    + " increments has more than " + String.format(java.util.Locale.ROOT, "%,d", states)
                    + " distinct states, more than fit in this program's " + (budget >> 20)
                    + " MB of memory: choose fewer threads or increments (or give Java more memory with -Xmx)");
        }
    }

    private void forward(ExplorationProgress progress) throws InterruptedException {
        long discovered = 1;
        keys[0] = new long[] {rootKey()};
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
                unpack(current[s], ids);
                boolean held = lockHeld(ids);
                int base = s * threads;
                for (int i = 0; i < threads; i++) {
                    if ((i == 0 || ids[i] != ids[i - 1]) && runnable(ids[i], held)) {
                        kids[base + i] = nextLayer.add(childKey(ids, i, scratch));
                    }
                }
            }
            // Keep the finished layer as a sorted array (binary search later) instead of a hash table, and
            // renumber the successors accordingly: a third of the memory, and lookups only happen when unranking.
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
            checkMemory(discovered);
            progress.progress(0.3 * (t + 1) / length);
        }
    }

    /**
     * One layer of count distributions: per state the first delta index, how many deltas, the limbs per entry
     * (small counts near the end need one, big ones near the start several) and where the entries start.
     */
    private static final class Layer {
        final byte[] lo;
        final byte[] len;
        final byte[] width;
        final int[] at;
        long[] pool;
        int size;
        /** Widest entry in limbs, and the most bits of any entry while all fit one limb. */
        int maxWidth = 1;
        long orOfSingleLimbs;

        /** A layer that writes its entries into {@code buffer} (grown when full), reusing a spare array. */
        Layer(int states, long[] buffer) {
            lo = new byte[states];
            len = new byte[states];
            width = new byte[states];
            at = new int[states];
            pool = buffer;
        }

        /**
         * Appends state {@code s}'s entries from {@code raw}, one plain non-negative long per delta (the fast path
         * when the layer below is small enough that no sum can overflow 63 bits).
         */
        void putRaw(int s, long[] raw, int minD, int maxD) {
            long or = 0;
            for (int d = minD; d <= maxD; d++) {
                or |= raw[d];
            }
            int w = (or >>> Limbs.BITS) == 0 ? 1 : 2;
            int need = (maxD - minD + 1) * w;
            if (size + need > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(size + need, pool.length + (pool.length >> 1)));
            }
            lo[s] = (byte) minD;
            len[s] = (byte) (maxD - minD + 1);
            width[s] = (byte) w;
            at[s] = size;
            if (w == 1) {
                System.arraycopy(raw, minD, pool, size, maxD - minD + 1);
                size += maxD - minD + 1;
                orOfSingleLimbs |= or;
            } else {
                for (int d = minD; d <= maxD; d++) {
                    pool[size++] = raw[d] & Limbs.MASK;
                    pool[size++] = raw[d] >>> Limbs.BITS;
                }
                maxWidth = 2;
            }
            Arrays.fill(raw, minD, maxD + 1, 0L);
        }

        /** {@code raw += weight * (entries of state c, moved by shift)}; every entry of this layer is one limb. */
        void addRawTo(int c, long[] raw, int shift, long weight) {
            int first = lo[c] + shift;
            int n = len[c];
            int p = at[c];
            long[] src = pool;
            for (int d = 0; d < n; d++) {
                raw[first + d] += src[p + d] * weight;
            }
        }

        /** Bits of the largest entry, if every entry fits one limb; otherwise more than a limb. */
        int singleLimbBits() {
            return maxWidth > 1 ? 1000 : 64 - Long.numberOfLeadingZeros(orOfSingleLimbs);
        }

        /** Appends state {@code s}'s entries from {@code acc} (deltas lo..hi, {@code accWidth} limbs each). */
        void put(int s, long[] acc, int accWidth, int minD, int maxD) {
            for (int d = minD; d <= maxD; d++) {
                int base = d * accWidth;
                long carry = 0;
                for (int k = 0; k < accWidth; k++) {
                    long t = acc[base + k] + carry;
                    acc[base + k] = t & Limbs.MASK;
                    carry = t >>> Limbs.BITS;
                }
                if (carry != 0) {
                    throw new ArithmeticException("count overflows its " + accWidth + " limbs");
                }
            }
            int w = 1;
            for (int d = minD; d <= maxD; d++) {
                int base = d * accWidth;
                for (int k = accWidth - 1; k >= w; k--) {
                    if (acc[base + k] != 0) {
                        w = k + 1;
                        break;
                    }
                }
            }
            int need = (maxD - minD + 1) * w;
            if (size + need > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(size + need, pool.length + (pool.length >> 1)));
            }
            lo[s] = (byte) minD;
            len[s] = (byte) (maxD - minD + 1);
            width[s] = (byte) w;
            at[s] = size;
            maxWidth = Math.max(maxWidth, w);
            for (int d = minD; d <= maxD; d++) {
                System.arraycopy(acc, d * accWidth, pool, size, w);
                if (w == 1) {
                    orOfSingleLimbs |= acc[d * accWidth];
                }
                size += w;
            }
            Arrays.fill(acc, minD * accWidth, (maxD + 1) * accWidth, 0L);
        }

        /** Keeps an exact-size copy of the entries and hands back the working buffer for the next layer. */
        long[] keepExact() {
            long[] working = pool;
            pool = Arrays.copyOf(working, size);
            return working;
        }

        /**
         * {@code acc += weight * (entries of state c, moved by shift deltas)}, limb by limb without carrying: the
         * weights summed into one state are at most lcm(1..threads) (at most 60), so a limb below 2^52 can take
         * all of them without overflowing; {@link #put} carries once at the end.
         */
        void addTo(int c, long[] acc, int accWidth, int shift, long weight) {
            int w = width[c];
            int first = lo[c] + shift;
            int n = len[c];
            int p = at[c];
            long[] src = pool;
            if (w == 1) {
                for (int d = 0; d < n; d++) {
                    acc[(first + d) * accWidth] += src[p + d] * weight;
                }
                return;
            }
            for (int d = 0; d < n; d++) {
                int a = (first + d) * accWidth;
                int q = p + d * w;
                for (int k = 0; k < w; k++) {
                    acc[a + k] += src[q + k] * weight;
                }
            }
        }

        BigInteger entry(int s, int deltaIndex) {
            int d = deltaIndex - lo[s];
            if (d < 0 || d >= len[s]) {
                return BigInteger.ZERO;
            }
            return Limbs.toBig(pool, at[s] + d * width[s], width[s]);
        }

        BigInteger total(int s) {
            BigInteger r = BigInteger.ZERO;
            for (int d = 0; d < len[s]; d++) {
                r = r.add(Limbs.toBig(pool, at[s] + d * width[s], width[s]));
            }
            return r;
        }
    }

    /**
     * Fills the counts and the random scheduler's odds from the last layer up. The two are independent
     * recurrences over the same successor lists, so with a spare core the odds run on a helper thread; the
     * helper is interrupted and joined before this method returns in every case, so it never outlives it.
     */
    private void backward(ExplorationProgress progress) throws InterruptedException {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            backwardCounts(progress);
            backwardProbabilities();
            return;
        }
        Throwable[] failure = new Throwable[1];
        Thread helper = new Thread(() -> {
            try {
                backwardProbabilities();
            } catch (InterruptedException e) {
                // Asked to stop: the caller is abandoning the exploration.
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "racelab-explorer-odds");
        helper.setDaemon(true);
        helper.start();
        try {
            backwardCounts(fraction -> progress.progress(0.3 + 0.35 * (fraction - 0.3) / 0.7
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
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        } else if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    private void backwardCounts(ExplorationProgress progress) throws InterruptedException {
        backwardPass(countWidth, false, progress);
    }

    /** Layers the odds pass has finished; written by the helper thread, read for progress. */
    private final java.util.concurrent.atomic.AtomicInteger oddsLayersDone = new java.util.concurrent.atomic.AtomicInteger();

    private void backwardProbabilities() throws InterruptedException {
        Layer root = backwardPass(probWidth, true, ExplorationProgress.NONE);
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
    private Layer backwardPass(int width, boolean odds, ExplorationProgress progress) throws InterruptedException {
        long[] acc = new long[offsetWidth * width];
        long[] raw = new long[offsetWidth];
        // A state sums at most `threads` successors, each times at most threads * perStep.
        int weightBits = 2 * (64 - Long.numberOfLeadingZeros(threads)) + (odds ? 64 - Long.numberOfLeadingZeros(lcm) : 0);
        Layer below = new Layer(1, new long[16]);
        acc[span * width] = 1;
        below.put(0, acc, width, span, span);
        if (!odds) {
            below.keepExact();
        }
        long[] spare = new long[Math.max(16, maxLayerSize() * 12)];
        if (!odds) {
            counts[length] = below;
        }
        int[] ids = new int[threads];
        for (int t = length - 1; t >= 0; t--) {
            long[] layer = keys[t];
            int n = layer.length;
            int[] kids = children[t];
            // Counts keep an exact copy per layer; odds need only the layer below, so two buffers alternate.
            // Either way no layer-sized array is thrown away per layer.
            Layer out = new Layer(n, spare);
            boolean plain = below.singleLimbBits() + weightBits <= 62;
            for (int s = 0; s < n; s++) {
                if ((s & 0xFFF) == 0 && Thread.interrupted()) {
                    throw new InterruptedException("exploration cancelled");
                }
                unpack(layer[s], ids);
                boolean held = lockHeld(ids);
                long perStep = 1;
                if (odds) {
                    int runnableCount = 0;
                    for (int i = 0; i < threads; i++) {
                        if (runnable(ids[i], held)) {
                            runnableCount++;
                        }
                    }
                    perStep = lcm / runnableCount;
                }
                int minD = offsetWidth;
                int maxD = -1;
                int base = s * threads;
                for (int i = 0; i < threads; i++) {
                    if ((i > 0 && ids[i] == ids[i - 1]) || !runnable(ids[i], held)) {
                        continue;
                    }
                    int m = 1;
                    while (i + m < threads && ids[i + m] == ids[i]) {
                        m++;
                    }
                    int shift = isStore(ids[i]) ? storeShift(ids[i]) : 0;
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
            } else {
                spare = out.keepExact();
            }
            if (!odds) {
                counts[t] = out;
                progress.progress(0.3 + 0.7 * (length - t) / length);
            } else {
                oddsLayersDone.incrementAndGet();
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

    // ---- queries ------------------------------------------------------------------------------------------

    /** Reachable canonical states over all layers. */
    long stateCount() {
        long n = 0;
        for (long[] k : keys) {
            n += k.length;
        }
        return n;
    }

    /** The deltas (final minus start) that some schedule reaches, ascending. */
    int[] rootDeltas() {
        Layer root = counts[0];
        int[] r = new int[root.len[0]];
        for (int d = 0; d < r.length; d++) {
            r[d] = root.lo[0] + d - span;
        }
        return r;
    }

    BigInteger rootCount(int delta) {
        return count(0, 0, delta);
    }

    /** Numerator over {@code lcm^length} of the probability of ending at start + delta under a random scheduler. */
    BigInteger rootProbability(int delta) {
        int i = delta + span;
        if (i < 0 || i >= offsetWidth || rootProbability[i] == null) {
            return BigInteger.ZERO;
        }
        return rootProbability[i];
    }

    /** Completions of state {@code index} of layer {@code t} ending at counter + delta. */
    private BigInteger count(int t, int index, int delta) {
        return counts[t].entry(index, delta + span);
    }

    private BigInteger total(int t, int index) {
        return counts[t].total(index);
    }

    // ---- walking single schedules -------------------------------------------------------------------------

    /**
     * A walk through one schedule with the threads in their own order (thread A first), their registers relative
     * to the counter, and the counter relative to the start.
     */
    private final class Walk {
        final int[] ids = new int[threads];
        final int[] scratch = new int[threads];
        int counter;   // relative to start
        int step;

        Walk() {
            Arrays.fill(ids, intern(config.increments(), IDLE, 0));
        }

        boolean runnable(int who) {
            return InterleavingSpace.this.runnable(ids[who], lockHeld(ids));
        }

        /** Completions after {@code who} steps: all of them, or only those ending at start + targetDelta. */
        BigInteger countAfter(int who, Integer targetDelta) {
            long key = childKey(ids, who, scratch);
            int c = Arrays.binarySearch(keys[step + 1], key);
            int newCounter = counter + (isStore(ids[who]) ? storeShift(ids[who]) : 0);
            return targetDelta == null ? total(step + 1, c) : count(step + 1, c, targetDelta - newCounter);
        }

        /** Steps thread {@code who}; returns whether that step was a stale store. */
        boolean advance(int who) {
            int id = ids[who];
            boolean store = isStore(id);
            boolean stale = store && idOffset[id] != 0;
            int shift = store ? storeShift(id) : 0;
            for (int i = 0; i < threads; i++) {
                ids[i] = i == who ? next(id) : (shift != 0 ? shifted(ids[i], shift) : ids[i]);
            }
            counter += shift;
            step++;
            return stale;
        }
    }

    /** The {@code index}-th schedule (0-based, lexicographic) overall or among those ending at start + delta. */
    ExploredSchedule unrank(Integer targetDelta, BigInteger index) {
        Walk w = new Walk();
        StringBuilder letters = new StringBuilder(length);
        List<Integer> stale = new ArrayList<>();
        BigInteger rest = index;
        while (w.step < length) {
            int chosen = -1;
            for (int who = 0; who < threads; who++) {
                if (!w.runnable(who)) {
                    continue;
                }
                BigInteger c = w.countAfter(who, targetDelta);
                if (rest.compareTo(c) < 0) {
                    chosen = who;
                    break;
                }
                rest = rest.subtract(c);
            }
            if (chosen < 0) {
                throw new IllegalArgumentException("index " + index + " is beyond the last schedule");
            }
            letters.append(RaceConfig.threadName(chosen));
            if (w.advance(chosen)) {
                stale.add(w.step);
            }
        }
        return new ExploredSchedule(new Schedule(letters.toString()), config.start() + w.counter, stale);
    }

    /** The position of {@code schedule} in lexicographic order, overall or among those ending at start + delta. */
    BigInteger rank(Integer targetDelta, Schedule schedule) {
        if (schedule.length() != length) {
            throw new IllegalArgumentException("a complete schedule has " + length + " steps, not "
                    + schedule.length());
        }
        Walk w = new Walk();
        BigInteger rank = BigInteger.ZERO;
        for (int i = 0; i < length; i++) {
            int who = schedule.threadAt(i);
            if (who >= threads || !w.runnable(who)) {
                throw new IllegalArgumentException("step " + (i + 1) + ": thread "
                        + RaceConfig.threadName(who) + " cannot step");
            }
            for (int before = 0; before < who; before++) {
                if (w.runnable(before)) {
                    rank = rank.add(w.countAfter(before, targetDelta));
                }
            }
            w.advance(who);
        }
        if (targetDelta != null && w.counter != targetDelta) {
            throw new IllegalArgumentException("schedule " + schedule + " ends at " + (config.start() + w.counter)
                    + ", not " + (config.start() + targetDelta));
        }
        return rank;
    }
}
