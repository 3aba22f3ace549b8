package dev.vixens.ls.bench;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The load stage, from a repository on disk: open it (its {@code .vixens-ls.yaml}), find every app, read and
 * validate every descriptor, and read the profiles. One thread, app after app: the work of the stage, while
 * {@code generate} and {@code check} spread load and plan over all cores (see {@link PipelineBenchmark}).
 */
public class LoadBenchmark extends StageBenchmark {

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
    public List<AppDescriptor> load(Blackhole profiles) {
        Repository repo = Repository.open(root);
        ProfileCatalog catalog = repo.profiles();
        profiles.consume(catalog);
        List<AppDescriptor> descriptors = new ArrayList<>();
        for (AppRef app : repo.apps()) {
            descriptors.add(repo.load(app));
        }
        return descriptors;
    }
}
