package dev.vixens.ls.importer.dataangel;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.descriptor.Documents.SettingsDocument;
import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.draft.DescriptorDraft.DatabaseDraft;
import dev.vixens.ls.draft.DescriptorDraft;
import dev.vixens.ls.draft.DraftRenderer;
import dev.vixens.ls.draft.ObservedSettings;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.importer.Finding;
import dev.vixens.ls.importer.ImportPlan.DatabaseChoice;
import dev.vixens.ls.importer.ImportPlan;
import dev.vixens.ls.importer.ImportRequest;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.MountView;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.recommend.Recommendation;
import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code import} of an app backed up by DataAngel: the descriptor takes over DataAngel's SQLite role and
 * keeps its backup history (one bucket per app, written literally; replica path = the database's file name;
 * Litestream 0.3.13's layout, which is what DataAngel runs), and with {@code --rewrite-kustomization} the
 * overlays keep DataAngel for files only: its {@code sqlite-paths} annotation emptied where it is written, the
 * rest (fs-paths, its {@code *.db*} exclusion, its probes) untouched, so no file backup is ever dropped.
 *
 * <p>DataAngel is configured per overlay (pod annotations in an overlay patch, read through a shared
 * Component), so this reads what the cluster would run: each overlay built with the real kustomize.
 */
public final class DataAngelImport {

    /** What DataAngel's Litestream is: the replica layout its backups have. */
    static final String LITESTREAM_VERSION = "0.3.13";
    private static final List<String> TEMPORARY = List.of("/tmp/", "/var/tmp/", "/run/", "/dev/shm/");
    /** Annotations DataAngel reads that the descriptor has no place for, and why. */
    private static final Map<String, String> NOT_CARRIED = new LinkedHashMap<>();

    static {
        NOT_CARRIED.put("restore-timeout", "the generated restore init containers have no deadline of their own"
                + " (the pod waits for them; a Deployment reports no progress after progressDeadlineSeconds)");
        NOT_CARRIED.put("lock-enabled", "Litestream takes no lock; the generated setup keeps one writer with"
                + " replicas: 1 and the Recreate strategy");
        NOT_CARRIED.put("lock-ttl", "Litestream takes no lock; the generated setup keeps one writer with"
                + " replicas: 1 and the Recreate strategy");
        NOT_CARRIED.put("snapshot-interval", "each database's profile sets its snapshot interval and retention");
        NOT_CARRIED.put("full-logs", "Litestream logs at its own level");
        NOT_CARRIED.put("aws-region", "the generated config sets the endpoint only (MinIO ignores the region)");
        NOT_CARRIED.put("deployment-name", "Litestream needs no deployment name");
    }

    private final Repository repo;

    public DataAngelImport(Repository repo) {
        this.repo = repo;
    }

    /**
     * Whether an app directory is wired for DataAngel: cheap (a text search of its overlays' and base's YAML
     * files), so that every other import pays nothing for it.
     */
    public boolean applies(Path appDir) {
        return DataAngelOverlays.mentioned(repo, appDir);
    }

    public ImportPlan plan(ImportRequest request) {
        return new Run(request).plan();
    }

    private final class Run {
        private final ImportRequest request;
        private final List<Finding> findings = new ArrayList<>();

        Run(ImportRequest request) {
            this.request = request;
        }

        ImportPlan plan() {
            Path appDir = request.appDir().toAbsolutePath().normalize();
            if (!appDir.startsWith(repo.root()) || appDir.equals(repo.root())) {
                throw new InputException(Location.startOf(appDir.toString()), "not inside the repository "
                        + repo.root() + "; run import from the repository or pass --repo");
            }
            String dir = repo.display(appDir);
            String app = appDir.getFileName().toString();
            String descriptorPath = dir + "/" + DescriptorLoader.FILE_NAME;
            if (Files.exists(appDir.resolve(DescriptorLoader.FILE_NAME)) && !request.force()) {
                throw new InputException(Location.startOf(descriptorPath), "a descriptor already exists; pass"
                        + " --force to replace it");
            }
            List<DataAngelPod> pods = DataAngelOverlays.built(repo, appDir, dir);
            DataAngelPod main = pods.stream().filter(p -> p.overlay().endsWith("/prod")).findFirst()
                    .orElse(pods.get(0));
            Location at = annotationAt(appDir, main, "sqlite-paths");
            List<String> paths = main.list("sqlite-paths");
            if (paths.isEmpty()) {
                String why = main.annotations().containsKey("sqlite-paths") && !main.mapped().containsKey("sqlite-paths")
                        ? "its dataangel.io/sqlite-paths annotation is mapped to no env var by the Component, so"
                                + " DataAngel reads none"
                        : "it has no SQLite path (dataangel.io/sqlite-paths), only files";
                throw new InputException(at, "DataAngel backs up no SQLite database of " + app + " in "
                        + main.overlay() + ": " + why + "; nothing to import (its file backups stay as they are)");
            }
            for (String name : main.unmapped()) {
                findings.add(new Finding(Kind.NOT_CARRIED, annotationAt(appDir, main, name), "annotation "
                        + DataAngelPod.PREFIX + name + " is mapped to no env var by the DataAngel Component: DataAngel"
                        + " never read it, so import does not trust it either"));
            }
            String bucket = main.setting("bucket").orElseThrow(() -> new InputException(annotationAt(appDir, main,
                    "bucket"), "DataAngel reads no bucket for " + app + " (dataangel.io/bucket missing or not"
                    + " mapped by the Component): import cannot tell where its backups are"));
            if (!Names.isBucketName(bucket)) {
                throw new InputException(annotationAt(appDir, main, "bucket"), "dataangel.io/bucket '" + bucket
                        + "' is not an S3 bucket name");
            }
            Settings defaults = SettingsResolver.resolve(List.of(repo.config().defaults()));
            String endpoint = main.setting("s3-endpoint").orElse(null);
            if (endpoint != null && !Names.isEndpointUrl(endpoint)) {
                throw new InputException(annotationAt(appDir, main, "s3-endpoint"), "dataangel.io/s3-endpoint '"
                        + endpoint + "' is not an endpoint URL such as http://minio.lan:9000");
            }
            if (endpoint == null) {
                findings.add(new Finding(Kind.REVIEW, at, "DataAngel reads no s3-endpoint: the generated config"
                        + " reads the endpoint from ${" + defaults.endpointEnv() + "} of the Secret"));
            }

            ContainerView angel = main.container();
            MountView data = dataMount(main, paths, at);
            String mountPath = trimSlash(data.mountPath());
            List<String> databases = new ArrayList<>();
            Set<String> fileNames = new HashSet<>();
            for (String path : paths) {
                boolean temporary = TEMPORARY.stream().anyMatch(path::startsWith);
                if (temporary) {
                    findings.add(new Finding(Kind.REVIEW, at, path + " looks temporary (under "
                            + TEMPORARY.stream().filter(path::startsWith).findFirst().orElseThrow() + "): a database"
                            + " there is usually rebuilt by the app; declare it only if it holds data"));
                }
                if (!path.startsWith(mountPath + "/")) {
                    findings.add(new Finding(Kind.NOT_CARRIED, at, path + ": not on the data volume '" + data.volume()
                            + "' (" + mountPath + "); a descriptor backs up one volume's databases, so this one is no"
                            + " longer backed up once DataAngel's sqlite-paths are emptied"));
                    continue;
                }
                if (!fileNames.add(fileName(path))) {
                    throw new InputException(at, path + ": a second database named " + fileName(path) + "; DataAngel"
                            + " refuses two SQLite paths with one file name (they share a replica path)");
                }
                databases.add(path);
            }
            ContainerView appContainer = appContainer(main, data.volume());

            List<DatabaseChoice> choices = new ArrayList<>();
            List<DatabaseDraft> drafts = new ArrayList<>();
            Optional<String> labelled = labelledProfile(main, at);
            for (String path : databases) {
                DatabaseChoice choice = choose(path, labelled, at);
                choices.add(choice);
                drafts.add(new DatabaseDraft(path, choice.profile(), null, fileName(path), choice.why()));
            }
            findings.add(new Finding(Kind.REPLACED, at, "DataAngel's SQLite role (" + String.join(", ", databases)
                    + "): the generated restores and Litestream sidecar read and write the same replicas,"
                    + " s3://" + bucket + "/<file name> (Litestream " + LITESTREAM_VERSION + " layout)"));
            notCarried(appDir, main);
            main.setting("fs-paths").ifPresentOrElse(fs -> findings.add(new Finding(Kind.KEPT,
                    annotationAt(appDir, main, "fs-paths"), "DataAngel's file backups (" + fs + ", with rclone; its"
                    + " *.db* exclusion keeps the databases out): DataAngel stays for them")),
                    () -> findings.add(new Finding(Kind.REVIEW, at, "DataAngel backs up no files here (no fs-paths):"
                            + " once its sqlite-paths are emptied it has nothing left to do; remove its Component and"
                            + " patch from the overlay when the migration is done")));
            DataAngelContainer.probes(angel, findings);

            String secret = DataAngelContainer.secret(angel, defaults, findings);
            int port = DataAngelContainer.metricsPort(main.pod(), defaults.metricsPort(), findings);
            Long uid = angel.runAsUser().or(main.pod()::podRunAsUser).orElse(null);
            Long gid = angel.runAsGroup().or(main.pod()::podRunAsGroup).orElse(null);
            if (uid == null) {
                findings.add(new Finding(Kind.REVIEW, angel.at(), "DataAngel ran with the image's user (no"
                        + " runAsUser): the generated containers run as " + defaults.runAs().uid() + ":"
                        + defaults.runAs().gid() + " (runAs): check the owner of the database files"));
            } else if (gid == null) {
                gid = main.pod().fsGroup().orElse(uid);
            }
            if (uid != null && uid == 0) {
                findings.add(new Finding(Kind.REVIEW, angel.at(), "DataAngel ran as root (uid 0): the descriptor"
                        + " keeps runAs.uid 0 with podSecurity: baseline"));
            }
            String namespace = request.namespace().or(() -> main.pod().namespace()).orElseThrow(() ->
                    new InputException(Location.startOf(main.overlay()), "cannot tell the app's namespace (the built"
                            + " overlay sets none); pass --namespace NAME"));
            ObservedSettings observed = new ObservedSettings(null, LITESTREAM_VERSION, secret, null, null, port, null,
                    null, null, null, uid, gid, null, bucket, endpoint);
            DescriptorDraft draft = new DescriptorDraft(List.of(
                    "Backup descriptor for " + app + ", written by `vixens-ls import` from its DataAngel setup ("
                            + main.overlay() + ").",
                    "The replicas stay where DataAngel wrote them: s3://" + bucket + "/<file name>.",
                    "Review the import report, then run: vixens-ls generate " + app),
                    app, namespace, main.pod().kind(), main.pod().name(), appContainer.name(), data.volume(),
                    mountPath, fsGroup(observed.against(defaults), main.pod(), uid, gid), observed.podSecurity(), drafts);
            String descriptor = DraftRenderer.render(draft, repo, dir);
            Map<String, String> files = new LinkedHashMap<>();
            files.put(descriptorPath, descriptor);
            List<String> next = new ArrayList<>();
            next.add("vixens-ls generate " + app);
            if (request.rewriteKustomization()) {
                DataAngelRewrite.rewrite(repo, appDir, pods, bucket, namespace, files, findings);
                next.add("kubectl kustomize " + main.overlay() + "   # DataAngel keeps the files, Litestream the"
                        + " databases");
            } else {
                next.add("in each overlay: set dataangel.io/sqlite-paths to \"\" (DataAngel keeps its fs-paths) and"
                        + " add ../../" + AppPlanner.COMPONENT_DIR + " to its components (or run import again with"
                        + " --rewrite-kustomization --force to do both)");
            }
            return new ImportPlan(app, dir, descriptorPath, choices, findings, files, next);
        }

        /**
         * A pod without fsGroup leaves a new volume root's: DataAngel had the same gap, but the generated restore
         * runs as the app's user and must create the databases there, so the group is handed over (what
         * {@code check} asks for).
         */
        private SettingsDocument fsGroup(SettingsDocument settings, PodView pod, Long uid, Long gid) {
            if (pod.fsGroup().isPresent() || uid == null || uid == 0 || gid == null) {
                return settings;
            }
            findings.add(new Finding(Kind.REVIEW, pod.at(), "fsGroup: " + gid + " (the pod sets none): the kubelet"
                    + " gives a new data volume to that group, so the restore after a lost disk can create the"
                    + " databases"));
            SettingsDocument s = settings;
            return new SettingsDocument(s.litestream(), s.images(), s.secret(), s.bucketEnv(), s.endpointEnv(),
                    s.metrics(), s.resources(), s.runAs(), s.fixPermissions(), s.nativeSidecar(), s.initResources(),
                    gid, s.bucket(), s.endpoint());
        }

        private MountView dataMount(DataAngelPod main, List<String> paths, Location at) {
            for (String path : paths) {
                if (TEMPORARY.stream().anyMatch(path::startsWith)) {
                    continue;
                }
                Optional<MountView> mount = main.container().mounts().stream()
                        .filter(m -> path.startsWith(trimSlash(m.mountPath()) + "/"))
                        .max((a, b) -> Integer.compare(a.mountPath().length(), b.mountPath().length()));
                if (mount.isPresent()) {
                    return mount.get();
                }
                throw new InputException(at, path + " is not below any volume the DataAngel container mounts, so"
                        + " DataAngel could not have backed it up; fix its volumeMounts or its sqlite-paths");
            }
            throw new InputException(at, "every SQLite path of DataAngel looks temporary (" + String.join(", ", paths)
                    + "); nothing to import");
        }

        private ContainerView appContainer(DataAngelPod main, String volume) {
            List<ContainerView> others = main.pod().containers().stream()
                    .filter(c -> c.mountOf(volume).isPresent()).toList();
            if (others.isEmpty()) {
                throw new InputException(main.pod().at(), "no container of " + main.pod().name() + " mounts the data"
                        + " volume '" + volume + "' besides DataAngel");
            }
            return others.get(0);
        }

        private Optional<String> labelledProfile(DataAngelPod main, Location at) {
            if (main.label().isEmpty()) {
                return Optional.empty();
            }
            String profile = main.label().get();
            if (repo.profiles().find(profile).isEmpty()) {
                findings.add(new Finding(Kind.REVIEW, at, "label " + DataAngelPod.PROFILE_LABEL + ": " + profile
                        + " is no profile of this repository (" + String.join(", ", repo.profiles().names())
                        + "); ignored"));
                return Optional.empty();
            }
            return Optional.of(profile);
        }

        private DatabaseChoice choose(String path, Optional<String> labelled, Location at) {
            for (String key : List.of(path, fileName(path), DescriptorLoader.defaultName(path))) {
                if (request.profiles().containsKey(key)) {
                    String profile = request.profiles().get(key);
                    if (repo.profiles().find(profile).isEmpty()) {
                        throw new InputException(Location.commandLine(), "--profile " + key + "=" + profile
                                + ": unknown profile; known profiles: " + String.join(", ", repo.profiles().names()));
                    }
                    return new DatabaseChoice(path, profile, "from --profile");
                }
            }
            if (Recommender.looksLikeCache(path)) {
                findings.add(new Finding(Kind.REVIEW, at, path + ": its name looks like cache data; DataAngel backed"
                        + " it up, so it stays backed up (--profile " + fileName(path) + "=ephemeral stops that)"));
            }
            if (labelled.isPresent()) {
                return new DatabaseChoice(path, labelled.get(), "label " + DataAngelPod.PROFILE_LABEL);
            }
            Recommendation recommendation = Recommender.recommend(request.answers(), repo.profiles());
            if (recommendation.guessed()) {
                findings.add(new Finding(Kind.REVIEW, at, path + ": profile " + recommendation.profile() + " by"
                        + " default (no " + DataAngelPod.PROFILE_LABEL + " label, nothing told otherwise); choose"
                        + " with --profile " + fileName(path) + "=PROFILE"));
                return new DatabaseChoice(path, recommendation.profile(), "default, see the report");
            }
            return new DatabaseChoice(path, recommendation.profile(), "decision tree");
        }

        private void notCarried(Path appDir, DataAngelPod main) {
            for (Map.Entry<String, String> entry : NOT_CARRIED.entrySet()) {
                main.setting(entry.getKey()).ifPresent(value -> findings.add(new Finding(Kind.NOT_CARRIED,
                        annotationAt(appDir, main, entry.getKey()), DataAngelPod.PREFIX + entry.getKey() + ": "
                        + value + ": " + entry.getValue())));
            }
        }

        /** Where the overlay's files write an annotation (for the report), else the overlay itself. */
        private Location annotationAt(Path appDir, DataAngelPod pod, String name) {
            return SqlitePathsEdit.locate(repo, List.of(repo.resolve(pod.overlay()), appDir.resolve("base")),
                    DataAngelPod.PREFIX + name).orElse(Location.startOf(pod.overlay()));
        }
    }

    private static String trimSlash(String path) {
        String out = path;
        while (out.length() > 1 && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
