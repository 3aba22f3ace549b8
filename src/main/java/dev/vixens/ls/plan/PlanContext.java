package dev.vixens.ls.plan;

import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.RunAs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the plan steps build together for one app. Each {@link PlanStep} adds its concern here; the
 * planner then freezes the result into an immutable {@link AppPlan}.
 */
public final class PlanContext {

    public static final String CONFIG_VOLUME = "litestream-config";
    public static final String CONFIG_DIR = "/etc/litestream";

    final AppDescriptor app;
    final List<PlannedDatabase> databases;
    final List<LitestreamProcess> processes;
    final String configMapName;
    /** The generated Component's directory, relative to the repository root. */
    final String componentDir;
    Optional<Integer> replicas = Optional.empty();
    boolean recreate;
    Optional<PodPatch.FsGroup> fsGroup = Optional.empty();
    final Map<String, String> annotations = new LinkedHashMap<>();
    final Map<String, String> podLabels = new LinkedHashMap<>();
    final List<ContainerPlan> initContainers = new ArrayList<>();
    final List<ContainerPlan> containers = new ArrayList<>();
    final List<PodPatch.Volume> volumes = new ArrayList<>();
    final List<FileSpec> extraFiles = new ArrayList<>();
    final List<String> extraResources = new ArrayList<>();
    /** The repository's monitoring setup, which decides the kind of the alert rules file. */
    Monitoring monitoring = Monitoring.DEFAULT;

    PlanContext(AppDescriptor app, List<PlannedDatabase> databases, List<LitestreamProcess> processes,
            String componentDir) {
        this.app = app;
        this.componentDir = componentDir;
        this.databases = List.copyOf(databases);
        this.processes = List.copyOf(processes);
        this.configMapName = app.app() + "-litestream";
    }

    public AppDescriptor app() {
        return app;
    }

    public List<PlannedDatabase> databases() {
        return databases;
    }

    public List<LitestreamProcess> processes() {
        return processes;
    }

    /** The process whose config holds {@code db}; every replicated database has exactly one. */
    public LitestreamProcess processFor(PlannedDatabase db) {
        return processes.stream().filter(p -> p.serves(db.path())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Litestream process serves " + db.path()));
    }

    Mount dataMount() {
        return new Mount(app.volume().name(), app.volume().mountPath(), false);
    }

    static Mount configMount() {
        return new Mount(CONFIG_VOLUME, CONFIG_DIR, true);
    }

    RunAs runAs() {
        return new RunAs(app.settings().runAs().uid(), app.settings().runAs().gid());
    }

    /** The security context of every generated container but fix-permissions. */
    SecurityContext securityContext() {
        return SecurityContext.runningAs(runAs());
    }

    /** Requests and limits of the containers that run to completion (all but the sidecars). */
    Settings.Resources initResources() {
        return app.settings().initResources();
    }

    EnvSource credentials() {
        return EnvSource.secret(app.settings().secret());
    }
}
