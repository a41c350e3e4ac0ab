package org.racelab.model.explore;

/**
 * Packs a machine state, the sorted thread state ids of its threads, into one {@code long}: sorting makes
 * identical threads interchangeable, so one key stands for every permutation of them.
 */
final class StateKeys {

    final int threads;
    private final int bits;
    private final long mask;

    StateKeys(int threads) {
        this.threads = threads;
        this.bits = Math.min(16, 64 / threads);
        this.mask = (1L << bits) - 1;
    }

    /** The largest thread state id a key can hold. */
    int maxId() {
        return (int) mask;
    }

    long pack(int[] ids) {
        long key = 0;
        for (int i = 0; i < threads; i++) {
            key |= ((long) ids[i]) << (i * bits);
        }
        return key;
    }

    void unpack(long key, int[] ids) {
        for (int i = 0; i < threads; i++) {
            ids[i] = (int) ((key >>> (i * bits)) & mask);
        }
    }

    /** Sorts {@code a} in place (insertion sort: at most six entries) and packs it. */
    long packSorted(int[] a) {
        for (int i = 1; i < threads; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return pack(a);
    }
}
