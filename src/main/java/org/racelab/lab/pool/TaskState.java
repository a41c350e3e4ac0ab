package org.racelab.lab.pool;

/** What a worker thread is doing for a task during one span of the Gantt chart. */
public enum TaskState {
    /** Blocked in a request: waiting on the network, holding no lock. */
    IO,
    /** Running real CPU work (holding the GIL when it is on). */
    COMPUTE,
    /** Ready to compute but waiting for the GIL, which another thread holds. */
    GIL_WAIT
}
