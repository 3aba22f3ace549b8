package dev.vixens.ls.plan;

import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.descriptor.AppDescriptor.WorkloadKind;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ComponentPlan.ConfigMapGenerator;
import dev.vixens.ls.plan.ComponentPlan.Patch;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.profile.IntegrityDepth;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans ADR-014's Phase-3 building blocks for apps written by hand: the same steps, scripts and config
 * template as the per-app output, with the database given at deploy time instead of generation time. A
 * hand-written overlay includes the pieces it needs as Components and provides:
 * <ul>
 *   <li>a ConfigMap {@value #PARAMETERS} with {@code LITESTREAM_DB_PATH}, {@code LITESTREAM_REPLICA_PATH}
 *       (and {@code LITESTREAM_EPHEMERAL_DB_PATH} for the cleanup piece);</li>
 *   <li>a pod volume named {@value #DATA_VOLUME} holding the database, which the pieces mount at
 *       {@value #DATA_DIR}.</li>
 * </ul>
 * Kubernetes expands {@code $(VAR)} in the container arguments; Litestream expands {@code ${VAR}} in its
 * config. Each pod piece is the contribution of the same {@link StartupStep}s an app's Component folds, over
 * one database named {@code db} whose path is such a variable.
 */
public final class SharedPlanner {

    public static final String PARAMETERS = "litestream-db";
    public static final String DATA_VOLUME = "data";
    public static final String DATA_DIR = "/data";
    public static final String CONFIG_MAP = "litestream-config";
    static final String DB_PATH = "LITESTREAM_DB_PATH";
    static final String REPLICA_PATH = "LITESTREAM_REPLICA_PATH";
    static final String EPHEMERAL_DB_PATH = "LITESTREAM_EPHEMERAL_DB_PATH";
    private static final String CONFIG_FILE = "litestream.yml";
    private static final List<String> TARGET_KINDS = List.of("Deployment", "StatefulSet");

    private final String dir;
    private final Settings settings;
    private final List<EmittedFile> files = new ArrayList<>();

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
        StepInput.Database checked = new StepInput.Database("db", ref(DB_PATH), Optional.of(CONFIG_FILE), IntegrityDepth.FULL,
                Optional.empty());
        StepInput.Database restored = new StepInput.Database("db", ref(DB_PATH), Optional.of(CONFIG_FILE), IntegrityDepth.OFF,
                Optional.empty());
        StepInput.Database ephemeral = new StepInput.Database("db", ref(EPHEMERAL_DB_PATH), Optional.empty(), IntegrityDepth.OFF,
                Optional.empty());
        podPiece("integrity-check-init", List.of(new IntegrityCheckStep()), input(checked, List.of()));
        podPiece("restore-init", List.of(new RestoreStep()), input(restored, List.of()));
        podPiece("ephemeral-cleanup-init", List.of(new EphemeralCleanupStep()), input(ephemeral, List.of()));
        // Kustomize puts each patch's init containers before those already there: list restore first so
        // that the integrity check runs before it.
        ComponentPlan failSafe = new ComponentPlan(List.of("../restore-init", "../integrity-check-init"), List.of(),
                List.of(), List.of());
        files.add(new EmittedFile.Kustomization(dir + "/fail-safe-init/kustomization.yaml", failSafe));
        // a regular container whatever defaults.nativeSidecar says: the piece's name promises one
        podPiece("sidecar-container", List.of(new SingleWriterGuard(), new LitestreamSidecarStep(), new MetricsStep()),
                input(restored, List.of(process(Optional.empty()))));
        files.sort(Comparator.comparing(EmittedFile::path));
        return new SharedPlan(dir, files);
    }

    /** The steps' input for one piece: one database, and the deploy-time parameters beside the Secret. */
    private StepInput input(StepInput.Database database, List<LitestreamProcess> processes) {
        // no app, namespace or app container: the overlay's target selects the workload
        StepInput.Target target = new StepInput.Target("", "", WorkloadKind.DEPLOYMENT, "", "", dir,
                CONFIG_MAP);
        return new StepInput(target, settings.withNativeSidecar(false), new Mount(DATA_VOLUME, DATA_DIR, false),
                List.of(database), processes, List.of(EnvSource.configMap(PARAMETERS)), Optional.empty(),
                Monitoring.DEFAULT);
    }

    private void profileConfig(Profile.BackedUp profile) {
        String piece = profile.name() + "-profile-config";
        LitestreamProcess process = process(Optional.of(profile));
        ConfigDialect dialect = ConfigDialect.of(settings.litestreamVersion());
        ComponentPlan component = new ComponentPlan(List.of(), List.of(),
                List.of(new ConfigMapGenerator(CONFIG_MAP, Optional.empty(), List.of(process.configFile()))), List.of());
        files.add(new EmittedFile.Kustomization(dir + "/" + piece + "/kustomization.yaml", component));
        files.add(new EmittedFile.LitestreamConfig(dir + "/" + piece + "/" + process.configFile(),
                dialect.config(process)));
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
        return new LitestreamProcess("litestream", "metrics", CONFIG_FILE, settings.metricsPort(), replicas);
    }

    /**
     * One piece: the steps' contribution as a patch of every Deployment and StatefulSet the overlay's target
     * selects. The single-writer guard's {@code Recreate} strategy exists for Deployments only, so it goes in a
     * patch of its own that targets them.
     */
    private void podPiece(String piece, List<StartupStep> steps, StepInput input) {
        Contribution all = AppPlanner.contributions(steps, input);
        PodPatch patch = new PodPatch("Deployment", "selected-by-target", all.replicas(), false, all.annotations(),
                all.initContainers(), all.containers(), PodVolumes.of(all.allContainers(), CONFIG_MAP));
        List<Patch> patches = new ArrayList<>();
        for (String kind : TARGET_KINDS) {
            patches.add(new Patch(piece + ".yaml", Optional.of(kind)));
        }
        if (all.recreate()) {
            PodPatch guard = new PodPatch("Deployment", "selected-by-target", Optional.empty(), true, Map.of(),
                    List.of(), List.of(), List.of());
            patches.add(new Patch("single-writer-deployment.yaml", Optional.of("Deployment")));
            files.add(new EmittedFile.WorkloadPatch(dir + "/" + piece + "/single-writer-deployment.yaml", guard));
        }
        ComponentPlan component = new ComponentPlan(List.of(), patches, List.of(), List.of());
        files.add(new EmittedFile.Kustomization(dir + "/" + piece + "/kustomization.yaml", component));
        files.add(new EmittedFile.WorkloadPatch(dir + "/" + piece + "/" + piece + ".yaml", patch));
    }

    /** How Kubernetes expands a variable of the container's environment in its arguments. */
    private static String ref(String variable) {
        return "$(" + variable + ")";
    }
}
