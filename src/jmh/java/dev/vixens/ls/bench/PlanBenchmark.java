package dev.vixens.ls.bench;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/** The plan stage: {@link AppPlanner#plan} for every app, descriptors and profiles loaded beforehand; one thread. */
public class PlanBenchmark extends StageBenchmark {

    private Path root;
    private List<AppDescriptor> descriptors;
    private ProfileCatalog catalog;

    @Setup
    public void loadRepository() {
        root = SyntheticRepository.inTempDir(apps);
        Repository repo = Repository.open(root);
        catalog = repo.profiles();
        descriptors = new ArrayList<>();
        for (AppRef app : repo.apps()) {
            descriptors.add(repo.load(app));
        }
    }

    @TearDown
    public void deleteRepository() {
        SyntheticRepository.delete(root);
    }

    @Benchmark
    public List<AppPlan> plan() {
        List<AppPlan> plans = new ArrayList<>(descriptors.size());
        for (AppDescriptor descriptor : descriptors) {
            plans.add(AppPlanner.plan(descriptor, catalog));
        }
        return plans;
    }
}
