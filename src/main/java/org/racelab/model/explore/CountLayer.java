package org.racelab.model.explore;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One layer of the backward passes' count distributions: per state the first delta index, how many deltas, the
 * limbs per entry (small counts near the end need one, big ones near the start several) and where they start.
 *
 * <p>Thread safety: one thread fills a layer; afterwards it is only read, by readers that reach it through the
 * final fields of the finished {@link InterleavingSpace} (or through a thread start, for the odds helper).
 */
final class CountLayer {
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
    CountLayer(int states, long[] buffer) {
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
