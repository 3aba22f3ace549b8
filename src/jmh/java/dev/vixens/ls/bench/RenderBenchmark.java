package dev.vixens.ls.bench;

import dev.vixens.ls.generate.Generator;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The render stage: {@link Generator#renderPlans} on plans computed beforehand, exactly as {@code generate}
 * calls it: the shared building blocks, then every app's files, apps spread over all cores.
 */
public class RenderBenchmark extends StageBenchmark {

    private Path root;
    private Generator generator;
    private List<AppPlan> plans;

    @Setup
    public void planRepository() {
        root = SyntheticRepository.inTempDir(apps);
        generator = new Generator(Repository.open(root));
        plans = generator.plan(generator.select(true, List.of()));
    }

    @TearDown
    public void deleteRepository() {
        SyntheticRepository.delete(root);
    }

    @Benchmark
    public GenerationOutput render() {
        return generator.renderPlans(plans);
    }
}
