package dev.vixens.ls.generate;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.output.GeneratedFile;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.ComponentPlan;
import dev.vixens.ls.plan.FileSpec;
import dev.vixens.ls.plan.SharedPlan;
import dev.vixens.ls.plan.SharedPlanner;
import dev.vixens.ls.render.Renderer;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline behind {@code generate} and {@code check}: load and validate every selected descriptor,
 * plan, render. Everything is computed before anything is written, so bad input writes nothing.
 */
public final class Generator {

    private final Repository repo;

    public Generator(Repository repo) {
        this.repo = repo;
    }

    /** The apps named, or every app when {@code all}; refuses an empty selection. */
    public List<AppRef> select(boolean all, List<String> names) {
        if (all && !names.isEmpty()) {
            throw new InputException(Location.commandLine(), "give app names or --all, not both");
        }
        if (all) {
            Collection<AppRef> apps = repo.apps();
            if (apps.isEmpty()) {
                throw new InputException(Location.startOf(Repository.CONFIG_FILE), "no app descriptors ("
                        + dev.vixens.ls.descriptor.DescriptorLoader.FILE_NAME + ") found under "
                        + repo.searchedAppDirs() + "; describe an app with 'vixens-ls init APP' or 'vixens-ls import"
                        + " APP_DIR', or list your app directories under 'apps:'");
            }
            return List.copyOf(apps);
        }
        if (names.isEmpty()) {
            throw new InputException(Location.commandLine(), "name at least one app, or pass --all");
        }
        List<AppRef> selected = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            selected.add(repo.app(name));
        }
        return selected;
    }

    public AppPlan plan(AppRef app) {
        AppDescriptor descriptor = repo.load(app);
        return AppPlanner.plan(descriptor, repo.profiles());
    }

    public SharedPlan planShared() {
        Settings settings = SettingsResolver.resolve(List.of(repo.config().defaults()));
        return SharedPlanner.plan(repo.config().sharedDir(), settings, repo.profiles());
    }

    /**
     * What generate and check say on stderr on every run, however current the tree: links the repository
     * walk skipped, a repository profile that stops the backups of a built-in one.
     */
    public List<String> warnings() {
        return repo.warnings();
    }

    /** Plans and renders the shared building blocks and the selected apps. */
    public GenerationOutput render(List<AppRef> apps) {
        return renderPlans(plan(apps));
    }

    /** Plans the selected apps, and refuses a replica any other app of the repository writes too. */
    public List<AppPlan> plan(List<AppRef> apps) {
        repo.profiles();
        List<AppPlan> plans = InOrder.map(apps, this::plan);
        ReplicaClaims.check(plans, othersThatPlan(apps));
        return plans;
    }

    /**
     * The repository's apps outside the selection, planned to compare their replicas; one that does not plan
     * is skipped here (its own generate reports why), so a broken app never blocks another's.
     */
    private List<AppPlan> othersThatPlan(List<AppRef> selected) {
        Set<String> names = new HashSet<>();
        selected.forEach(app -> names.add(app.name()));
        List<AppRef> others = repo.apps().stream().filter(app -> !names.contains(app.name())).toList();
        List<AppPlan> plans = new ArrayList<>();
        for (Optional<AppPlan> plan : InOrder.map(others, this::planOrSkip)) {
            plan.ifPresent(plans::add);
        }
        return plans;
    }

    private Optional<AppPlan> planOrSkip(AppRef app) {
        try {
            return Optional.of(plan(app));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /**
     * Generated Components of apps whose descriptor is gone ({@code <dir>/litestream} without
     * {@code <dir>/vixens-backup.yaml}). With {@code --all} they are managed too, so their marked files count as
     * stale: check reports them, generate deletes them (files without the marker stay).
     */
    public List<String> orphanedComponents() {
        List<String> orphans = new ArrayList<>();
        for (Path component : repo.componentDirectories()) {
            if (!Files.isRegularFile(component.resolveSibling(DescriptorLoader.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
                orphans.add(repo.display(component));
            }
        }
        return orphans;
    }

    /** Renders the shared building blocks and the apps already planned. */
    public GenerationOutput renderPlans(List<AppPlan> plans) {
        SharedPlan shared = planShared();
        List<GeneratedFile> files = new ArrayList<>();
        List<String> managed = new ArrayList<>();
        // with shared: false the directory stays managed and gets no file, so the marked files left there go
        managed.add(shared.dir());
        for (FileSpec spec : repo.config().writeShared() ? shared.files() : List.<FileSpec>of()) {
            files.add(Renderer.render(spec, "the profiles and " + Repository.CONFIG_FILE,
                    "vixens-ls generate --all"));
        }
        for (AppPlan plan : plans) {
            managed.add(plan.outputDir());
        }
        for (List<GeneratedFile> appFiles : InOrder.map(plans, Generator::renderApp)) {
            files.addAll(appFiles);
        }
        return new GenerationOutput(files, managed);
    }

    private static List<GeneratedFile> renderApp(AppPlan plan) {
        List<GeneratedFile> files = new ArrayList<>();
        for (FileSpec spec : plan.allFiles()) {
            files.add(Renderer.render(spec, plan.app().source().displayName(),
                    "vixens-ls generate " + plan.app().app()));
        }
        checkConfigMapSize(plan, files);
        return files;
    }

    /** Kubernetes stores at most 1 MiB of data in one ConfigMap (etcd's object limit is not much more). */
    static final int MAX_CONFIG_MAP_BYTES = 1 << 20;

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
                        .mapToLong(f -> f.content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
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
