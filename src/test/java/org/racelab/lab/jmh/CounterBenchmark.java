package org.racelab.lab.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.racelab.lab.Counter;
import org.racelab.lab.CounterKind;

/**
 * JMH microbenchmark of one shared counter's increment under contention, per kind; the thread count comes
 * from JMH's {@code -t}. Compiled and run only with {@code -Pjmh}, see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CounterBenchmark {

    @Param({"unsafe", "synchronized", "lock", "atomic", "adder"})
    public String kind;

    private Counter counter;

    @Setup
    public void setUp() {
        counter = CounterKind.parse(kind).create();
    }

    @Benchmark
    public void increment() {
        counter.increment();
    }
}
