package org.racelab.model;

import java.util.List;

/**
 * A stale store caught as it happens: the thread wrote a value computed from an old read and overwrote the stores
 * other threads made after it loaded.
 *
 * @param thread the thread whose store is stale
 * @param stored the value it wrote
 * @param loaded the value it had loaded
 * @param counterBefore the counter's value just before the store
 * @param overwritten the stores made by other threads since this thread loaded, oldest first
 * @param lostChange how much this store changes the number of lost updates (normally 1 or more)
 */
public record LostUpdate(char thread, int stored, int loaded, int counterBefore, List<StoreRecord> overwritten,
        int lostChange) {

    public LostUpdate {
        overwritten = List.copyOf(overwritten);
    }

    /** The lecture's words: "A stores 6, computed from the 5 it loaded before B stored 6: A's increment is lost." */
    public String narration() {
        StringBuilder sb = new StringBuilder();
        sb.append(thread).append(" stores ").append(stored).append(", computed from the ").append(loaded)
                .append(" it loaded before ").append(joinStores()).append(": ");
        if (lostChange == 1) {
            sb.append(thread).append("'s increment is lost.");
        } else if (lostChange > 1) {
            sb.append(lostChange).append(" increments are lost.");
        } else {
            sb.append("it overwrites ").append(counterBefore).append(".");
        }
        return sb.toString();
    }

    private String joinStores() {
        if (overwritten.isEmpty()) {
            return "the counter changed to " + counterBefore;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < overwritten.size(); i++) {
            if (i > 0) {
                sb.append(i == overwritten.size() - 1 ? " and " : ", ");
            }
            sb.append(overwritten.get(i));
        }
        return sb.toString();
    }
}
