package dev.vixens.ls.bench;

import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.pipeline.LoadedRepository;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.pipeline.Selection;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The render stage: {@link Pipeline#render} on plans computed beforehand, exactly as {@code generate}
 * calls it: the shared building blocks, then every app's files, apps spread over all cores.
 */
public class RenderBenchmark extends StageBenchmark {

    private Path root;
    private Pipeline pipeline;
    private LoadedRepository loaded;
    private List<AppPlan> plans;

    @Setup
    public void planRepository() {
        root = SyntheticRepository.inTempDir(apps);
        pipeline = new Pipeline(Repository.open(root));
        loaded = pipeline.load(Selection.everyApp());
        plans = pipeline.plan(loaded);
    }

    @TearDown
    public void deleteRepository() {
        SyntheticRepository.delete(root);
    }

    @Benchmark
    public GenerationOutput render() {
        return pipeline.render(loaded, plans);
    }
}
