package org.racelab.model.queue;

/**
 * One step taken: its number (from 1), the thread, the operation, the item involved (0 = the sentinel None, -1 =
 * none) and the words for it, e.g. "put(3)" or "IndexError: pop from empty list".
 */
public record QueueStep(int index, int thread, QueueOp op, int item, String text, boolean crash) {
}
