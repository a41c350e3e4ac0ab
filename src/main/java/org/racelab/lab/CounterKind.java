package org.racelab.lab;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/** The kinds of shared counter the lab can race, each with its command-line id and a one-line description. */
public enum CounterKind {
    UNSAFE("unsafe", false, "value = value + 1 on a volatile field: read and write are separate, updates get lost"),
    SYNCHRONIZED("synchronized", true, "the same read and write inside a synchronized block"),
    LOCK("lock", true, "the same read and write between ReentrantLock lock() and unlock() (Python's with lock:)"),
    ATOMIC("atomic", true, "AtomicLong.incrementAndGet: one indivisible compare-and-set"),
    ADDER("adder", true, "LongAdder: per-thread cells summed at the end, exact and fast under contention"),
    SWITCHABLE("switchable", false, "unsafe or ReentrantLock, chosen live by the lock switch from the next increment on");

    private final String id;
    private final boolean exact;
    private final String description;

    CounterKind(String id, boolean exact, String description) {
        this.id = id;
        this.exact = exact;
        this.description = description;
    }

    /** The lower-case name used on the command line, in JSON and in the UI. */
    public String id() {
        return id;
    }

    /** True when this kind never loses an update. */
    public boolean exact() {
        return exact;
    }

    public String description() {
        return description;
    }

    /** The kinds that "all" / "compare all" runs, in order: the fixed kinds, not the live switch. */
    public static List<CounterKind> comparable() {
        return List.of(UNSAFE, SYNCHRONIZED, LOCK, ATOMIC, ADDER);
    }

    /** Parses a command-line id such as {@code unsafe}; the message lists the valid ids. */
    public static CounterKind parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown counter '" + id + "' (expected one of "
                        + String.join(", ", Arrays.stream(values()).map(CounterKind::id).toList()) + ")"));
    }

    /** A fresh counter of this kind at zero. */
    public Counter create() {
        return switch (this) {
            case UNSAFE -> new UnsafeCounter();
            case SYNCHRONIZED -> new SynchronizedCounter();
            case LOCK -> new LockCounter();
            case ATOMIC -> new AtomicCounter();
            case ADDER -> new AdderCounter();
            case SWITCHABLE -> new SwitchableCounter(false);
        };
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * Deliberately racy: the volatile read and the volatile write are two separate accesses, so another thread's
     * write between them is overwritten. Volatile keeps the JIT from hoisting the field into a register for the
     * whole loop (which would lose nearly everything and teach nothing).
     */
    static final class UnsafeCounter implements Counter {
        private volatile long value;

        @Override
        @SuppressWarnings("NonAtomicOperationOnVolatileField")
        public void increment() {
            long read = value;
            value = read + 1;
        }

        @Override
        public long get() {
            return value;
        }

        @Override
        public CounterKind kind() {
            return UNSAFE;
        }
    }

    /** Safe: the read-add-write runs under this object's monitor. */
    static final class SynchronizedCounter implements Counter {
        private long value;

        @Override
        public void increment() {
            synchronized (this) {
                long read = value;
                value = read + 1;
            }
        }

        @Override
        public synchronized long get() {
            return value;
        }

        @Override
        public CounterKind kind() {
            return SYNCHRONIZED;
        }
    }

    /** Safe: the read-add-write runs while holding a {@link ReentrantLock}, released in finally. */
    static final class LockCounter implements Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private long value;

        @Override
        public void increment() {
            lock.lock();
            try {
                long read = value;
                value = read + 1;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long get() {
            lock.lock();
            try {
                return value;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public CounterKind kind() {
            return LOCK;
        }
    }

    /** Safe: one atomic read-modify-write instruction. */
    static final class AtomicCounter implements Counter {
        private final AtomicLong value = new AtomicLong();

        @Override
        public void increment() {
            value.incrementAndGet();
        }

        @Override
        public long get() {
            return value.get();
        }

        @Override
        public CounterKind kind() {
            return ATOMIC;
        }
    }

    /** Safe: LongAdder's cells; {@code sum()} is exact once the adders have finished. */
    static final class AdderCounter implements Counter {
        private final LongAdder value = new LongAdder();

        @Override
        public void increment() {
            value.increment();
        }

        @Override
        public long get() {
            return value.sum();
        }

        @Override
        public CounterKind kind() {
            return ADDER;
        }
    }
}
