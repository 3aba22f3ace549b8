package dev.vixens.ls.plan;

import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.plan.ComponentPlan.ConfigMapGenerator;
import dev.vixens.ls.plan.ComponentPlan.Patch;
import dev.vixens.ls.profile.ProfileCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan stage for one app: over its {@link ResolvedApp}, each concern of ADR-014's start-up sequence
 * contributes to one immutable plan, in this order.
 */
public final class AppPlanner {

    /** Directory of the generated Component, next to the descriptor. */
    public static final String COMPONENT_DIR = "litestream";
    public static final String PATCH_FILE = "workload-patch.yaml";

    private static final List<PlanStep> STEPS = List.of(
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
        PlanContext context = new PlanContext(resolved.app(), resolved.databases(), resolved.processes(),
                componentDir);
        context.monitoring = monitoring;
        for (PlanStep step : STEPS) {
            step.apply(context);
        }
        MountPathGuard.check(context);
        return freeze(context, resolved.dialect(), resolved.overlay(), overlayPlans);
    }

    private static AppPlan freeze(PlanContext plan, ConfigDialect dialect, Optional<String> overlay,
            List<AppPlan> overlayPlans) {
        AppDescriptor app = plan.app;
        PodPatch patch = new PodPatch(app.workload().kind().kind(), app.workload().name(), plan.replicas,
                plan.recreate, plan.annotations, plan.initContainers, plan.containers, plan.volumes,
                plan.podLabels, plan.fsGroup);
        String dir = plan.componentDir;
        List<ConfigMapGenerator> configMaps = plan.processes.isEmpty() ? List.of()
                : List.of(new ConfigMapGenerator(plan.configMapName, Optional.of(app.namespace()),
                        plan.processes.stream().map(LitestreamProcess::configFile).toList()));
        List<String> resources = new ArrayList<>(plan.extraResources);
        ComponentPlan component = new ComponentPlan(List.of(), List.of(new Patch(PATCH_FILE, Optional.empty())), configMaps,
                resources);
        List<FileSpec> files = new ArrayList<>();
        files.add(new FileSpec(dir + "/kustomization.yaml", "component/kustomization.yaml.ftl",
                Map.of("component", component)));
        files.add(new FileSpec(dir + "/" + PATCH_FILE, "component/pod-patch.yaml.ftl", Map.of("patch", patch)));
        for (LitestreamProcess process : plan.processes) {
            files.add(new FileSpec(dir + "/" + process.configFile(), dialect.configTemplate(),
                    dialect.configModel(process, app.settings().heartbeat())));
        }
        files.addAll(plan.extraFiles);
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return new AppPlan(app, plan.databases, plan.processes, patch, component, dir, files, overlay, overlayPlans);
    }
}
