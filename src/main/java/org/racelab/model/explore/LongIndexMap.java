package org.racelab.model.explore;

import java.util.Arrays;

/**
 * An insertion-ordered set of non-zero {@code long} keys that numbers each key 0, 1, 2, ... as it is added.
 *
 * <p>Open addressing on primitive arrays: the explorer keeps millions of packed machine states, and boxed
 * {@code HashMap<Long, Integer>} entries would cost several times the memory. Not thread-safe; one map is built
 * by one thread and only read afterwards.
 */
final class LongIndexMap {

    // Key and number side by side (slot i at 2i, 2i+1) so a probe touches one cache line.
    private long[] table;
    private long[] keysInOrder;
    private int size;
    private int mask;

    LongIndexMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[capacity * 2];
        mask = capacity - 1;
        keysInOrder = new long[Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    long keyAt(int index) {
        return keysInOrder[index];
    }

    /** The number of {@code key}, or -1 when it was never added. */
    int get(long key) {
        int i = hash(key) & mask;
        while (true) {
            long k = table[2 * i];
            if (k == key) {
                return (int) table[2 * i + 1];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code key} if it is new; returns its number either way. */
    int add(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        int i = hash(key) & mask;
        while (true) {
            long k = table[2 * i];
            if (k == key) {
                return (int) table[2 * i + 1];
            }
            if (k == 0) {
                break;
            }
            i = (i + 1) & mask;
        }
        table[2 * i] = key;
        table[2 * i + 1] = size;
        if (size == keysInOrder.length) {
            keysInOrder = Arrays.copyOf(keysInOrder, size + (size >> 1));
        }
        keysInOrder[size] = key;
        size++;
        if (size * 4 > table.length) {
            grow();
        }
        return size - 1;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length / 2 - 1;
        for (int j = 0; j < old.length; j += 2) {
            long k = old[j];
            if (k != 0) {
                int i = hash(k) & mask;
                while (table[2 * i] != 0) {
                    i = (i + 1) & mask;
                }
                table[2 * i] = k;
                table[2 * i + 1] = old[j + 1];
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
