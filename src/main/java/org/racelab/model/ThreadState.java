package org.racelab.model;

/**
 * One thread's private state: where it is in its program, its register ({@code null} until its first load), the
 * value its last load read, and how many stores the machine had made at that load (to name who stored since).
 */
public record ThreadState(int pc, Integer register, Integer loaded, int storesAtLoad) {

    /** A thread that has not run yet. */
    public static final ThreadState INITIAL = new ThreadState(0, null, null, 0);
}
