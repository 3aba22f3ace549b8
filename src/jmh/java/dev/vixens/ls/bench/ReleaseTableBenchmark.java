package dev.vixens.ls.bench;

import dev.vixens.ls.litestream.ReleaseTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reading the release table (litestream/releases.tsv, about 200 rows, into one model per release) costs
 * the commands that need it: {@code generate}, {@code check} when the cache cannot answer, {@code lint},
 * {@code explain}. Every such run reads it once, in a fresh JVM, so the number that matters is the cold one:
 * {@link #cold} is one read per fresh fork (class loading and interpreter included, as on the command line);
 * {@link #warm} is the steady state, for comparison.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReleaseTableBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public ReleaseTable cold() {
        return ReleaseTable.read();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public ReleaseTable warm() {
        return ReleaseTable.read();
    }
}
