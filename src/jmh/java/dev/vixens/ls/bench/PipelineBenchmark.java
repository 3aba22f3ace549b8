package dev.vixens.ls.bench;

import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Load, plan and render together, as {@code generate --all} and a full {@code check --all} run them before
 * writing or comparing: load and plan fused per app and spread over all cores, then render. Set beside the
 * single-stage numbers, it shows what the parallelism buys. Ten warm-up seconds instead of five: with
 * 1000 apps one operation takes a few hundred milliseconds, and five were still getting faster.
 */
@Warmup(iterations = 10, time = 1)
public class PipelineBenchmark extends StageBenchmark {

    private Path root;

    @Setup
    public void createRepository() {
        root = SyntheticRepository.inTempDir(apps);
    }

    @TearDown
    public void deleteRepository() {
        SyntheticRepository.delete(root);
    }

    @Benchmark
    public GenerationOutput loadPlanRender() {
        return SyntheticRepository.render(root);
    }
}
