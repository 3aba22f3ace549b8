package dev.vixens.ls.plan;

import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.plan.ComponentPlan.ConfigMapGenerator;
import dev.vixens.ls.plan.ComponentPlan.Patch;
import dev.vixens.ls.profile.ProfileCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The plan stage for one app: over its {@link ResolvedApp}, each concern of ADR-014's start-up sequence
 * ({@link #STEPS}) returns its contribution, and one fold makes them one immutable plan.
 */
public final class AppPlanner {

    /** Directory of the generated Component, next to the descriptor. */
    public static final String COMPONENT_DIR = "litestream";
    public static final String PATCH_FILE = "workload-patch.yaml";

    /**
     * Every concern of the generated setup, in ADR-014's start-up order (init containers run, and so appear, in
     * this order). A new concern is a {@link StartupStep} added here; the shared building blocks pick theirs in
     * {@link SharedPlanner}.
     */
    static final List<StartupStep> STEPS = List.of(
            new SingleWriterGuard(),
            new FixPermissionsStep(),
            new IntegrityCheckStep(),
            new RestoreStep(),
            new EphemeralCleanupStep(),
            new LitestreamSidecarStep(),
            new MetricsStep(),
            new DefaultContainerStep(),
            new PodSecurityStep(),
            new RestoreDrillStep(),
            new AlertRulesStep());

    private AppPlanner() {
    }

    /**
     * The app's Component, and one more for each overlay with settings of its own ({@code overlays:} in the
     * descriptor), in {@code litestream/<overlay>/}: that overlay includes it instead of the app's.
     */
    public static AppPlan plan(AppDescriptor app, ProfileCatalog catalog) {
        return plan(app, catalog, Monitoring.DEFAULT);
    }

    /** As {@link #plan(AppDescriptor, ProfileCatalog)}, with the repository's monitoring setup for the alert rules. */
    public static AppPlan plan(AppDescriptor app, ProfileCatalog catalog, Monitoring monitoring) {
        return plan(ResolvedApp.resolve(app, catalog), monitoring);
    }

    /** The Components of an app already resolved. */
    public static AppPlan plan(ResolvedApp resolved, Monitoring monitoring) {
        String dir = resolved.app().directory() + "/" + COMPONENT_DIR;
        List<AppPlan> overlays = new ArrayList<>();
        for (ResolvedApp overlay : resolved.overlays()) {
            overlays.add(plan(overlay, monitoring, dir + "/" + overlay.overlay().orElseThrow(), List.of()));
        }
        return plan(resolved, monitoring, dir, overlays);
    }

    private static AppPlan plan(ResolvedApp resolved, Monitoring monitoring, String componentDir,
            List<AppPlan> overlayPlans) {
        AppDescriptor app = resolved.app();
        StepInput input = input(resolved, componentDir, monitoring);
        Contribution all = contributions(STEPS, input);
        List<ContainerPlan> containers = all.allContainers();
        MountPathGuard.check(app.source(), input.data(), containers);
        return freeze(resolved, input, all, PodVolumes.of(containers, input.target().configMapName()), overlayPlans);
    }

    /** What the steps read for one environment of an app: its databases with their profiles applied, its processes. */
    static StepInput input(ResolvedApp resolved, String componentDir, Monitoring monitoring) {
        return StepInput.of(resolved.app(), resolved.databases(), resolved.processes(), componentDir, monitoring);
    }

    /** The one fold: each step's contribution, in the order of {@code steps}. */
    static Contribution contributions(List<StartupStep> steps, StepInput input) {
        List<Contribution> parts = new ArrayList<>(steps.size());
        for (StartupStep step : steps) {
            parts.add(step.contribute(input));
        }
        return Contribution.fold(parts);
    }

    private static AppPlan freeze(ResolvedApp resolved, StepInput input, Contribution all,
            List<PodPatch.Volume> volumes, List<AppPlan> overlayPlans) {
        AppDescriptor app = resolved.app();
        ConfigDialect dialect = resolved.dialect();
        PodPatch patch = new PodPatch(app.workload().kind().kind(), app.workload().name(), all.replicas(),
                all.recreate(), all.annotations(), all.initContainers(), all.containers(),
                volumes, all.podLabels(), all.fsGroup());
        String dir = input.target().componentDir();
        List<ConfigMapGenerator> configMaps = input.processes().isEmpty() ? List.of()
                : List.of(new ConfigMapGenerator(input.target().configMapName(), Optional.of(app.namespace()),
                        input.processes().stream().map(LitestreamProcess::configFile).toList()));
        List<String> resources = all.resources().stream().map(f -> f.path().substring(dir.length() + 1)).toList();
        ComponentPlan component = new ComponentPlan(List.of(), List.of(new Patch(PATCH_FILE, Optional.empty())),
                configMaps, resources);
        List<EmittedFile> files = new ArrayList<>();
        files.add(new EmittedFile.Kustomization(dir + "/kustomization.yaml", component));
        files.add(new EmittedFile.WorkloadPatch(dir + "/" + PATCH_FILE, patch));
        for (LitestreamProcess process : input.processes()) {
            files.add(new EmittedFile.LitestreamConfig(dir + "/" + process.configFile(),
                    dialect.config(process, app.settings().heartbeat())));
        }
        files.addAll(all.resources());
        files.addAll(all.files());
        files.sort(Comparator.comparing(EmittedFile::path));
        return new AppPlan(resolved, patch, component, dir, files, overlayPlans);
    }
}
