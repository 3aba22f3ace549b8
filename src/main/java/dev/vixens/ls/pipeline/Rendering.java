package dev.vixens.ls.pipeline;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.output.GeneratedFile;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.ComponentPlan;
import dev.vixens.ls.plan.EmittedFile;
import dev.vixens.ls.plan.SharedPlan;
import dev.vixens.ls.plan.SharedPlanner;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.render.Renderer;
import dev.vixens.ls.repo.RepoConfig;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InOrder;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.ProblemCollector;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The render stage: the shared building blocks and every planned app, turned into the files the output stage
 * writes or compares. Everything is rendered before anything is written, so bad input writes nothing; an app
 * whose rendered config does not fit a ConfigMap is a problem of the run like any other.
 */
final class Rendering {

    /** Kubernetes stores at most 1 MiB of data in one ConfigMap (etcd's object limit is not much more). */
    static final int MAX_CONFIG_MAP_BYTES = 1 << 20;

    private Rendering() {
    }

    /** The shared building blocks, planned from the repository's defaults. */
    static SharedPlan planShared(RepoConfig config, ProfileCatalog profiles) {
        Settings settings = SettingsResolver.resolve(List.of(config.defaults()));
        return SharedPlanner.plan(config.sharedDir(), settings, profiles);
    }

    /** The shared building blocks ({@code writeShared} false: none, see {@code shared:}) and the planned apps. */
    static GenerationOutput render(SharedPlan shared, boolean writeShared, List<AppPlan> plans) {
        List<GeneratedFile> files = new ArrayList<>();
        List<String> managed = new ArrayList<>();
        // with shared: false the directory stays managed and gets no file, so the marked files left there go
        managed.add(shared.dir());
        for (EmittedFile file : writeShared ? shared.files() : List.<EmittedFile>of()) {
            files.add(GeneratedFile.marked(file.path(), "the profiles and " + Repository.CONFIG_FILE,
                    "vixens-ls generate --all", file.format(), Renderer.render(file)));
        }
        for (AppPlan plan : plans) {
            managed.add(plan.outputDir());
        }
        ProblemCollector problems = new ProblemCollector();
        for (Optional<List<GeneratedFile>> appFiles : InOrder.map(plans, plan -> problems.attempt(() -> render(plan)))) {
            appFiles.ifPresent(files::addAll);
        }
        problems.throwIfAny();
        return new GenerationOutput(files, managed);
    }

    private static List<GeneratedFile> render(AppPlan plan) {
        List<GeneratedFile> files = new ArrayList<>();
        for (EmittedFile file : plan.allFiles()) {
            files.add(GeneratedFile.marked(file.path(), plan.app().source().displayName(),
                    "vixens-ls generate " + plan.app().app(), file.format(), Renderer.render(file)));
        }
        checkConfigMapSize(plan, files);
        return files;
    }

    /**
     * The ConfigMap kustomize generates from the rendered Litestream configs must fit in one ConfigMap:
     * measured on the rendered files (keys and contents), not estimated from the descriptor.
     */
    private static void checkConfigMapSize(AppPlan plan, List<GeneratedFile> files) {
        for (ComponentPlan.ConfigMapGenerator generator : plan.component().configMaps()) {
            long bytes = 0;
            for (String name : generator.files()) {
                String path = plan.outputDir() + "/" + name;
                bytes += name.length();
                bytes += files.stream().filter(f -> f.path().equals(path))
                        .mapToLong(f -> f.content().getBytes(StandardCharsets.UTF_8).length).sum();
            }
            if (bytes > MAX_CONFIG_MAP_BYTES) {
                YamlPath at = YamlPath.of("databases");
                throw new InputException(YamlLocator.locate(plan.app().source(), at), "databases: the Litestream"
                        + " config of this app renders to " + bytes + " bytes, more than the " + MAX_CONFIG_MAP_BYTES
                        + " bytes (1 MiB) one ConfigMap holds; shorten the paths and replica paths, or split the app");
            }
        }
    }
}
