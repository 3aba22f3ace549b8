package dev.vixens.ls.plan;

import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ComponentPlan.ConfigMapGenerator;
import dev.vixens.ls.plan.ComponentPlan.Patch;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.RunAs;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans ADR-014's Phase-3 building blocks for apps written by hand: the same containers, scripts and
 * config template as the per-app output, with the database given at deploy time instead of generation
 * time. A hand-written overlay includes the pieces it needs as Components and provides:
 * <ul>
 *   <li>a ConfigMap {@value #PARAMETERS} with {@code LITESTREAM_DB_PATH}, {@code LITESTREAM_REPLICA_PATH}
 *       (and {@code LITESTREAM_EPHEMERAL_DB_PATH} for the cleanup piece);</li>
 *   <li>a pod volume named {@value #DATA_VOLUME} holding the database, which the pieces mount at
 *       {@value #DATA_DIR}.</li>
 * </ul>
 * Kubernetes expands {@code $(VAR)} in the container arguments; Litestream expands {@code ${VAR}} in its
 * config.
 */
public final class SharedPlanner {

    public static final String PARAMETERS = "litestream-db";
    public static final String DATA_VOLUME = "data";
    public static final String DATA_DIR = "/data";
    public static final String CONFIG_MAP = "litestream-config";
    static final String DB_PATH = "LITESTREAM_DB_PATH";
    static final String REPLICA_PATH = "LITESTREAM_REPLICA_PATH";
    static final String EPHEMERAL_DB_PATH = "LITESTREAM_EPHEMERAL_DB_PATH";
    private static final List<String> TARGET_KINDS = List.of("Deployment", "StatefulSet");

    private final String dir;
    private final Settings settings;
    private final List<FileSpec> files = new ArrayList<>();

    private SharedPlanner(String dir, Settings settings) {
        this.dir = dir;
        this.settings = settings;
    }

    /** @param settings the repository's defaults (images, secret, env names, port, resources, uid/gid) */
    public static SharedPlan plan(String dir, Settings settings, ProfileCatalog catalog) {
        return new SharedPlanner(dir, settings).build(catalog);
    }

    private SharedPlan build(ProfileCatalog catalog) {
        for (Profile profile : catalog.all()) {
            if (profile instanceof Profile.BackedUp backedUp) {
                profileConfig(backedUp);
            }
        }
        podPiece("integrity-check-init", List.of(IntegrityCheckStep.container(settings.sqliteImage(),
                List.of(ref(DB_PATH)), securityContext(), settings.initResources(), data(), List.of(parameters()))),
                List.of(), false);
        podPiece("restore-init", List.of(RestoreStep.container("restore-db", settings.litestreamImageReference(),
                ref(DB_PATH), PlanContext.CONFIG_DIR + "/litestream.yml", List.of(), List.of(credentials(), parameters()),
                List.of(data(), PlanContext.configMount()), securityContext(), settings.initResources())), List.of(),
                false);
        podPiece("ephemeral-cleanup-init", List.of(EphemeralCleanupStep.container(settings.busyboxImage(),
                List.of(ref(EPHEMERAL_DB_PATH)), securityContext(), settings.initResources(), data(),
                List.of(parameters()))), List.of(), false);
        // Kustomize puts each patch's init containers before those already there: list restore first so
        // that the integrity check runs before it.
        ComponentPlan failSafe = new ComponentPlan(List.of("../restore-init", "../integrity-check-init"), List.of(),
                List.of(), List.of());
        files.add(new FileSpec(dir + "/fail-safe-init/kustomization.yaml", "component/kustomization.yaml.ftl",
                Map.of("component", failSafe)));
        LitestreamProcess process = process(Optional.empty());
        podPiece("sidecar-container", List.of(), List.of(LitestreamSidecarStep.container(process,
                settings.litestreamImageReference(), settings.resources(), List.of(credentials(), parameters()),
                List.of(data(), PlanContext.configMount()), securityContext())), true);
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return new SharedPlan(dir, files);
    }

    private void profileConfig(Profile.BackedUp profile) {
        String piece = profile.name() + "-profile-config";
        LitestreamProcess process = process(Optional.of(profile));
        ConfigDialect dialect = ConfigDialect.of(settings.litestreamVersion());
        ComponentPlan component = new ComponentPlan(List.of(), List.of(),
                List.of(new ConfigMapGenerator(CONFIG_MAP, Optional.empty(), List.of(process.configFile()))), List.of());
        files.add(new FileSpec(dir + "/" + piece + "/kustomization.yaml", "component/kustomization.yaml.ftl",
                Map.of("component", component)));
        files.add(new FileSpec(dir + "/" + piece + "/" + process.configFile(), dialect.configTemplate(),
                dialect.configModel(process)));
    }

    /** The replica URL every shared profile config writes: the app's path comes from the environment. */
    public static String replicaUrl(Settings settings) {
        return new BucketKey(settings.replicaPrefix(), "${" + REPLICA_PATH + "}").url(settings.bucketReference());
    }

    private LitestreamProcess process(Optional<Profile.BackedUp> profile) {
        String url = replicaUrl(settings);
        List<LitestreamProcess.Replica> replicas = profile.map(p -> List.of(new LitestreamProcess.Replica(
                "${" + DB_PATH + "}", url, Replicas.endpoint(settings), p.name(), p.syncInterval(),
                p.snapshotInterval(), p.retention(), List.of()))).orElse(List.of());
        return new LitestreamProcess("litestream", "metrics", "litestream.yml", settings.metricsPort(), replicas);
    }

    private void podPiece(String piece, List<ContainerPlan> init, List<ContainerPlan> containers,
            boolean sidecar) {
        Map<String, String> annotations = new LinkedHashMap<>();
        if (sidecar && settings.metricsAnnotations()) {
            annotations.put("prometheus.io/scrape", "true");
            annotations.put("prometheus.io/port", Integer.toString(settings.metricsPort()));
            annotations.put("prometheus.io/path", "/metrics");
        }
        List<ContainerPlan> all = new ArrayList<>(init);
        all.addAll(containers);
        List<PodPatch.Volume> volumes = new ArrayList<>();
        if (all.stream().anyMatch(c -> c.mounts().contains(PlanContext.configMount()))) {
            volumes.add(PodPatch.Volume.configMap(PlanContext.CONFIG_VOLUME, CONFIG_MAP));
        }
        if (ScratchSpace.usedBy(all)) {
            volumes.add(ScratchSpace.volume());
        }
        PodPatch patch = new PodPatch("Deployment", "selected-by-target", sidecar ? Optional.of(1)
                : Optional.empty(), false, annotations, init, containers, volumes);
        List<Patch> patches = new ArrayList<>();
        for (String kind : TARGET_KINDS) {
            patches.add(new Patch(piece + ".yaml", Optional.of(kind)));
        }
        if (sidecar) {
            PodPatch guard = new PodPatch("Deployment", "selected-by-target", Optional.empty(), true, Map.of(),
                    List.of(), List.of(), List.of());
            patches.add(new Patch("single-writer-deployment.yaml", Optional.of("Deployment")));
            files.add(new FileSpec(dir + "/" + piece + "/single-writer-deployment.yaml",
                    "component/pod-patch.yaml.ftl", Map.of("patch", guard)));
        }
        ComponentPlan component = new ComponentPlan(List.of(), patches, List.of(), List.of());
        files.add(new FileSpec(dir + "/" + piece + "/kustomization.yaml", "component/kustomization.yaml.ftl",
                Map.of("component", component)));
        files.add(new FileSpec(dir + "/" + piece + "/" + piece + ".yaml", "component/pod-patch.yaml.ftl",
                Map.of("patch", patch)));
    }

    private static String ref(String variable) {
        return "$(" + variable + ")";
    }

    private Mount data() {
        return new Mount(DATA_VOLUME, DATA_DIR, false);
    }

    /** The repository's defaults never run as root (see {@code SettingsResolver}): "restricted". */
    private SecurityContext securityContext() {
        return SecurityContext.runningAs(new RunAs(settings.runAs().uid(), settings.runAs().gid()));
    }

    private EnvSource credentials() {
        return EnvSource.secret(settings.secret());
    }

    private static EnvSource parameters() {
        return EnvSource.configMap(PARAMETERS);
    }
}
