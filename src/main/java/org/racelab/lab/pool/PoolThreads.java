package org.racelab.lab.pool;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names and makes the pool part's threads: all start with {@value #PREFIX}, so a leak is easy to find. */
public final class PoolThreads {

    /** Every thread the pool part starts has a name that begins with this. */
    public static final String PREFIX = "racelab-pool-";

    private PoolThreads() {
    }

    /** A factory of daemon threads named {@code racelab-pool-<role>-1, -2, ...}. */
    public static ThreadFactory factory(String role) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, PREFIX + role + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
