package dev.vixens.ls.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every stage benchmark shares (JMH inherits these annotations): average time per operation in
 * milliseconds, on a synthetic repository of {@link #apps} apps × 4 databases; one fork, 5 warm-up and 5
 * measured iterations of one second. Three warm-up seconds were too few for the slowest operation (load, plan
 * and render of 1000 apps, about half a second each, was still getting faster); five keep the whole suite
 * (every stage, 100 and 1000 apps) at about five minutes on two cores.
 *
 * <p>The numbers are steady-state, with the JIT warmed up: they show where the work of each stage goes and
 * whether a change made it slower, not how long a cold command-line run takes (README, Performance).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class StageBenchmark {

    /** Apps in the synthetic repository. */
    @Param({"100", "1000"})
    public int apps;
}
