package org.racelab.model;

import java.util.Arrays;

/**
 * An insertion-ordered set of non-zero {@code long} keys that numbers each key 0, 1, 2, ... as it is added.
 *
 * <p>Open addressing on primitive arrays: the explorer keeps millions of packed machine states, and boxed
 * {@code HashMap<Long, Integer>} entries would cost several times the memory. Not thread-safe; one map is built
 * by one thread and only read afterwards.
 */
final class LongIndexMap {

    private long[] table;
    private int[] slots;
    private long[] keysInOrder;
    private int size;
    private int mask;

    LongIndexMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[capacity];
        slots = new int[capacity];
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
            long k = table[i];
            if (k == key) {
                return slots[i];
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
            long k = table[i];
            if (k == key) {
                return slots[i];
            }
            if (k == 0) {
                break;
            }
            i = (i + 1) & mask;
        }
        table[i] = key;
        slots[i] = size;
        if (size == keysInOrder.length) {
            keysInOrder = Arrays.copyOf(keysInOrder, size + (size >> 1));
        }
        keysInOrder[size] = key;
        size++;
        if (size * 2 > table.length) {
            grow();
        }
        return size - 1;
    }

    /** Drops spare capacity of the insertion-order array once the map is complete. */
    void trim() {
        keysInOrder = Arrays.copyOf(keysInOrder, size);
    }

    private void grow() {
        long[] oldTable = table;
        int[] oldSlots = slots;
        table = new long[oldTable.length * 2];
        slots = new int[oldTable.length * 2];
        mask = table.length - 1;
        for (int j = 0; j < oldTable.length; j++) {
            long k = oldTable[j];
            if (k != 0) {
                int i = hash(k) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = k;
                slots[i] = oldSlots[j];
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
