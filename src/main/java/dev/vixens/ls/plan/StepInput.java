package dev.vixens.ls.plan;

import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.AppDescriptor.WorkloadKind;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.RunAs;
import dev.vixens.ls.profile.IntegrityDepth;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What every {@link StartupStep} reads, resolved and immutable: one app's (or, for the shared building blocks,
 * a hand-written app's, with the database given at deploy time) databases, Litestream processes and settings.
 * A step sees nothing of what the other steps contribute, so each can be tested alone.
 *
 * @param data the data volume and where the generated containers mount it
 * @param databases each declared database as the start-up sequence sees it, in descriptor order
 * @param parameters what the generated containers read besides the Secret: nothing for an app, the
 *     ConfigMap of deploy-time parameters for the shared pieces
 * @param drill the restore drill, when the descriptor asks for one
 * @param monitoring the repository's monitoring setup, which decides the kind of the alert rules file
 */
public record StepInput(Target target, Settings settings, Mount data, List<Database> databases,
        List<LitestreamProcess> processes, List<EnvSource> parameters, Optional<Drill> drill,
        Monitoring monitoring) {

    public static final String CONFIG_VOLUME = "litestream-config";
    public static final String CONFIG_DIR = "/etc/litestream";

    public StepInput {
        databases = List.copyOf(databases);
        processes = List.copyOf(processes);
        parameters = List.copyOf(parameters);
    }

    /**
     * Whose pod the steps extend, and where their Component goes.
     *
     * @param app the app's name (pod label, PodMonitor and drill names)
     * @param kind the workload kind (the single-writer guard depends on it)
     * @param appContainer the app's own container in its pod, empty for the shared pieces
     * @param workloadName the app's Deployment or StatefulSet, empty for the shared pieces
     * @param componentDir the generated Component's directory, relative to the repository root
     * @param configMapName the generated ConfigMap holding the Litestream configs
     */
    public record Target(String app, String namespace, WorkloadKind kind, String appContainer,
            String workloadName, String componentDir, String configMapName) {
    }

    /**
     * One declared database as the start-up sequence sees it.
     *
     * @param name the short name in container names ({@code restore-<name>}) and drill output
     * @param path where the containers find it (an environment reference in the shared pieces)
     * @param config the config file of the Litestream process that replicates it, when it is backed up
     * @param profile its profile, when it is backed up (the shared pieces have none: it is chosen at deploy time)
     */
    public record Database(String name, String path, Optional<String> config, IntegrityDepth integrity,
            Optional<Profile.BackedUp> profile) {

        public boolean replicated() {
            return config.isPresent();
        }

        public boolean integrityChecked() {
            return integrity != IntegrityDepth.OFF;
        }
    }

    /**
     * The drill's schedule, and the descriptor that asks for it: a drill with nothing to restore is refused
     * there (located only then: finding a key's line parses the descriptor again).
     */
    public record Drill(String schedule, SourceFile descriptor) {

        Location at() {
            return YamlLocator.locate(descriptor, YamlPath.of("drill"));
        }
    }

    /** The input of one app's (or one overlay's) Component. */
    static StepInput of(AppDescriptor app, List<PlannedDatabase> planned, List<LitestreamProcess> processes,
            String componentDir, Monitoring monitoring) {
        List<Database> databases = planned.stream()
                .map(db -> new Database(db.name(), db.path(), db.replicated()
                        ? Optional.of(processFor(processes, db.path()).configFile()) : Optional.empty(),
                        db.integrityDepth(), db.profile() instanceof Profile.BackedUp b ? Optional.of(b)
                                : Optional.empty()))
                .toList();
        Optional<Drill> drill = app.drill().map(d -> new Drill(d.schedule(), app.source()));
        Target target = new Target(app.app(), app.namespace(), app.workload().kind(), app.workload().container(),
                app.workload().name(), componentDir, app.app() + "-litestream");
        return new StepInput(target, app.settings(), new Mount(app.volume().name(), app.volume().mountPath(), false),
                databases, processes, List.of(), drill, monitoring);
    }

    /** The process whose config holds the database at {@code path}; every replicated database has exactly one. */
    static LitestreamProcess processFor(List<LitestreamProcess> processes, String path) {
        return processes.stream().filter(p -> p.serves(path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Litestream process serves " + path));
    }

    static Mount configMount() {
        return new Mount(CONFIG_VOLUME, CONFIG_DIR, true);
    }

    /** The Secret's credentials, then the parameters: what every container that reaches the bucket reads. */
    List<EnvSource> withCredentials() {
        List<EnvSource> sources = new ArrayList<>();
        sources.add(EnvSource.secret(settings.secret()));
        sources.addAll(parameters);
        return sources;
    }

    RunAs runAs() {
        return new RunAs(settings.runAs().uid(), settings.runAs().gid());
    }

    /** The security context of every generated container but fix-permissions. */
    SecurityContext securityContext() {
        return SecurityContext.runningAs(runAs());
    }

    /** Requests and limits of the containers that run to completion (all but the sidecars). */
    Settings.Resources initResources() {
        return settings.initResources();
    }

    /** The paths of the databases {@code which} selects, in descriptor order. */
    List<String> paths(Predicate<Database> which) {
        return databases.stream().filter(which).map(Database::path).toList();
    }
}
