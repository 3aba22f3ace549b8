package dev.vixens.ls.importer;

import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.draft.DescriptorDraft;
import dev.vixens.ls.draft.DescriptorDraft.DatabaseDraft;
import dev.vixens.ls.draft.DraftRenderer;
import dev.vixens.ls.draft.ObservedSettings;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.importer.ImportPlan.DatabaseChoice;
import dev.vixens.ls.importer.OldLitestreamConfig.OldDatabase;
import dev.vixens.ls.importer.dataangel.DataAngelImport;
import dev.vixens.ls.importer.OldLitestreamConfig.OldReplica;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.EnvVar;
import dev.vixens.ls.kustomize.PodView.MountView;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.litestream.ReleaseNumber;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.FileSpec;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.recommend.Recommendation;
import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.render.Renderer;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code import}: reads an app whose Litestream setup is written by hand (a Kustomize base whose workload has
 * restore init containers and a Litestream sidecar, and a ConfigMap with {@code litestream.yml}) and plans
 * the descriptor that describes it, the report of everything that could not be carried over, and, when
 * asked, the migration Component and overlay edits that take the hand-written parts out.
 */
public final class Importer {

    /** The migration Component, next to the descriptor (user-owned, not generated). */
    public static final String MIGRATION_DIR = "litestream-migration";
    static final String WORKLOAD_PATCH = "remove-hand-written-litestream.yaml";
    static final String CONFIG_PATCH = "remove-hand-written-litestream-config.yaml";
    private static final Set<String> SIDECAR_KEYS_READ = Set.of("name", "image", "args", "command", "env",
            "envFrom", "volumeMounts", "resources", "securityContext", "ports", "imagePullPolicy");

    private final Repository repo;

    public Importer(Repository repo) {
        this.repo = repo;
    }

    public ImportPlan plan(ImportRequest request) {
        DataAngelImport dataAngel = new DataAngelImport(repo);
        if (dataAngel.applies(request.appDir())) {
            return dataAngel.plan(request);
        }
        return new Run(request).plan();
    }

    /** Where the old Litestream config lives. */
    private record ConfigSource(YamlDoc doc, String volume, String configMap, String source) {
    }

    /** A database import found, and where. */
    private record FoundDatabase(String path, Location at, Optional<OldReplica> replica, String foundBy) {
        boolean replicated() {
            return foundBy.isEmpty();
        }
    }

    private final class Run {
        private final ImportRequest request;
        private final List<Finding> findings = new ArrayList<>();
        private final Set<String> usedProfileKeys = new HashSet<>();

        Run(ImportRequest request) {
            this.request = request;
        }

        ImportPlan plan() {
            Path root = repo.root();
            Path appDir = request.appDir().toAbsolutePath().normalize();
            Location commandLine = Location.startOf(appDir.toString());
            if (!appDir.startsWith(root) || appDir.equals(root)) {
                throw new InputException(commandLine, "not inside the repository " + root
                        + "; give an app directory inside it (with -C/--repo, a relative path is read against the"
                        + " repository root)");
            }
            if (!Files.isDirectory(appDir)) {
                throw new InputException(commandLine, "not a directory");
            }
            String dir = repo.display(appDir);
            if (repo.config().appDirs().stream().noneMatch(apps -> dir.startsWith(apps + "/"))) {
                throw new InputException(Location.startOf(dir), "is not below the repository's app directories ("
                        + String.join(", ", repo.config().appDirs()) + "), so generate would not find its descriptor");
            }
            String app = appDir.getFileName().toString();
            String descriptorPath = dir + "/" + DescriptorLoader.FILE_NAME;
            if (Files.exists(appDir.resolve(DescriptorLoader.FILE_NAME)) && !request.force()) {
                throw new InputException(Location.startOf(descriptorPath), "a descriptor already exists; pass"
                        + " --force to replace it");
            }
            Path baseDir = KustomizeBase.kustomizationIn(appDir.resolve("base")).isPresent()
                    ? appDir.resolve("base") : appDir;
            KustomizeBase base = KustomizeBase.read(baseDir, repo.paths());
            base.notes().forEach(note -> findings.add(new Finding(Kind.REVIEW, note.at(), note.message())));

            PodView pod = workload(base);
            ContainerView sidecar = sidecar(pod);
            ConfigSource config = config(pod, sidecar, base);
            OldLitestreamConfig old = OldLitestreamConfig.read(config.doc());
            if (old.databases().isEmpty()) {
                throw new InputException(config.doc().at(config.doc().root()), "the Litestream config lists no"
                        + " databases; nothing to import");
            }
            MountView data = dataMount(sidecar, old, config);
            String mountPath = trimSlash(data.mountPath());
            ContainerView appContainer = appContainer(pod, sidecar, data.volume());

            Set<String> replicatedPaths = new LinkedHashSet<>();
            old.databases().forEach(db -> replicatedPaths.add(db.path()));
            Map<ContainerView, ContainerRole> roles = new LinkedHashMap<>();
            for (ContainerView c : pod.initContainers()) {
                roles.put(c, ContainerRole.ofInit(c, replicatedPaths, data.volume(), config.volume()));
            }
            List<FoundDatabase> databases = databases(old, roles, mountPath);
            reportContainers(roles, sidecar, config, mountPath);
            findings.addAll(old.findings());

            Settings defaults = SettingsResolver.resolve(List.of(repo.config().defaults()));
            List<DatabaseChoice> choices = new ArrayList<>();
            List<DatabaseDraft> drafts = new ArrayList<>();
            for (FoundDatabase db : databases) {
                DatabaseChoice choice = choose(db);
                choices.add(choice);
                String replicaPath = db.replica().flatMap(replica -> keptReplicaPath(db, replica, app, mountPath,
                        defaults.replicaPrefix())).orElse(null);
                drafts.add(new DatabaseDraft(db.path(), choice.profile(), null, replicaPath, choice.why()));
            }
            for (String key : request.profiles().keySet()) {
                if (!usedProfileKeys.contains(key)) {
                    throw new InputException(Location.commandLine(), "--profile " + key + "="
                            + request.profiles().get(key) + ": no database of " + app + " is called '" + key
                            + "'; known: " + String.join(", ", databases.stream().map(FoundDatabase::path).toList()));
                }
            }

            ObservedSettings observed = settings(pod, sidecar, roles, old, databases, defaults);
            String namespace = namespace(base, pod, appDir);
            String baseName = repo.display(baseDir);
            DescriptorDraft draft = new DescriptorDraft(List.of(
                    "Backup descriptor for " + app + ", written by `vixens-ls import` from " + baseName + "/.",
                    "Review the import report, then run: vixens-ls generate " + app),
                    app, namespace, pod.kind(), pod.name(), appContainer.name(), data.volume(), mountPath,
                    observed.against(defaults), observed.podSecurity(), drafts);
            String descriptor = DraftRenderer.render(draft, repo, dir);

            Map<String, String> files = new LinkedHashMap<>();
            files.put(descriptorPath, descriptor);
            List<String> nextSteps = new ArrayList<>();
            List<String> removedInit = roles.entrySet().stream().filter(e -> e.getValue().replaced())
                    .map(e -> e.getKey().name()).toList();
            boolean configStays = roles.entrySet().stream()
                    .anyMatch(e -> !e.getValue().replaced() && e.getKey().mountOf(config.volume()).isPresent())
                    || pod.containers().stream().anyMatch(c -> c != sidecar && c.mountOf(config.volume()).isPresent());
            if (configStays) {
                findings.add(new Finding(Kind.KEPT, config.doc().at(config.doc().root()), "the old Litestream config"
                        + " (ConfigMap " + config.configMap() + ") stays: a kept container still mounts it"));
            }
            MigrationModel migration = new MigrationModel(appDir.relativize(baseDir).toString().replace('\\', '/'),
                    AppPlanner.COMPONENT_DIR,
                    configStays ? List.of(WORKLOAD_PATCH) : List.of(WORKLOAD_PATCH, CONFIG_PATCH),
                    pod.kind(), pod.name(), pod.doc().source().displayName(), removedInit, List.of(sidecar.name()),
                    configStays ? List.of() : List.of(config.volume()), config.source(),
                    configStays ? null : config.configMap());
            if (migration.base().isEmpty()) {
                throw new InputException(base.kustomization().start(), "the app directory is itself the Kustomize"
                        + " base; import needs the layout <app>/base and <app>/overlays/<env>");
            }
            if (request.rewriteKustomization()) {
                rewrite(appDir, dir, migration, files, nextSteps, app, namespace);
            } else {
                manualSteps(appDir, migration, nextSteps, app, namespace);
            }
            return new ImportPlan(app, dir, descriptorPath, choices, findings, files, nextSteps);
        }

        private PodView workload(KustomizeBase base) {
            List<PodView> pods = PodView.workloads(base.objects()).stream()
                    .filter(p -> p.containers().stream().anyMatch(ContainerRole::isSidecar))
                    .toList();
            if (pods.isEmpty()) {
                throw new InputException(base.kustomization().start(), "no Deployment or StatefulSet of this base runs"
                        + " a Litestream sidecar (a litestream container with 'replicate'); nothing to import");
            }
            if (pods.size() > 1) {
                throw new InputException(pods.get(1).at(), "a second workload with a Litestream sidecar ("
                        + pods.get(0).name() + " and " + pods.get(1).name() + "); a descriptor describes one");
            }
            return pods.get(0);
        }

        private ContainerView sidecar(PodView pod) {
            List<ContainerView> sidecars = pod.containers().stream().filter(ContainerRole::isSidecar).toList();
            if (sidecars.size() > 1) {
                throw new InputException(sidecars.get(1).at(), "a second Litestream sidecar; import handles one"
                        + " Litestream process per pod");
            }
            return sidecars.get(0);
        }

        private ConfigSource config(PodView pod, ContainerView sidecar, KustomizeBase base) {
            List<String> words = new ArrayList<>(sidecar.command());
            words.addAll(sidecar.args());
            String configPath = "/etc/litestream.yml";
            for (int i = 0; i + 1 < words.size(); i++) {
                if (words.get(i).equals("-config") || words.get(i).equals("--config")) {
                    configPath = words.get(i + 1);
                }
            }
            for (MountView mount : sidecar.mounts()) {
                String mountPath = trimSlash(mount.mountPath());
                String key = null;
                if (mountPath.equals(configPath)) {
                    key = mount.subPath().orElse(null);
                } else if (configPath.startsWith(mountPath + "/") && mount.subPath().isEmpty()) {
                    key = configPath.substring(mountPath.length() + 1);
                }
                if (key == null) {
                    continue;
                }
                PodView.VolumeView volume = pod.volumes().get(mount.volume());
                if (volume == null || volume.configMap().isEmpty()) {
                    throw new InputException(mount.at(), "the Litestream config " + configPath + " comes from volume '"
                            + mount.volume() + "', which is not a ConfigMap volume; import reads the config from a"
                            + " ConfigMap of the base");
                }
                String name = volume.configMap().get();
                return configMap(base, name, key, mount.volume(), volume.at());
            }
            throw new InputException(sidecar.at(), "cannot find the Litestream config " + configPath + ": no volume"
                    + " mount of the sidecar provides it");
        }

        private ConfigSource configMap(KustomizeBase base, String name, String key, String volume, Location at) {
            for (YamlDoc doc : base.objects()) {
                boolean isIt = YamlDoc.text(doc.root(), "kind").map("ConfigMap"::equals).orElse(false)
                        && YamlDoc.path(doc.root(), "metadata", "name").flatMap(YamlDoc::text).map(name::equals)
                                .orElse(false);
                if (!isIt) {
                    continue;
                }
                Optional<Node> value = YamlDoc.path(doc.root(), "data", key);
                if (value.isEmpty() || !(value.get() instanceof ScalarNode scalar)) {
                    throw new InputException(doc.at(doc.root()), "ConfigMap " + name + " has no data key '" + key
                            + "' holding the Litestream config");
                }
                return new ConfigSource(doc.embedded(scalar), volume, name, doc.source().displayName());
            }
            for (KustomizeBase.GeneratedConfigMap generator : base.configMaps()) {
                if (generator.name().equals(name) && generator.files().containsKey(key)) {
                    SourceFile file = generator.files().get(key);
                    List<YamlDoc> docs = YamlDoc.readAll(file);
                    if (docs.isEmpty()) {
                        throw new InputException(file.start(), "the Litestream config is empty");
                    }
                    return new ConfigSource(docs.get(0), volume, name, file.displayName());
                }
            }
            throw new InputException(at, "ConfigMap '" + name + "' (the Litestream config) is not in the base:"
                    + " neither a resource nor a configMapGenerator with key '" + key + "'");
        }

        private MountView dataMount(ContainerView sidecar, OldLitestreamConfig old, ConfigSource config) {
            MountView best = null;
            for (MountView mount : sidecar.mounts()) {
                if (mount.volume().equals(config.volume())) {
                    continue;
                }
                String prefix = trimSlash(mount.mountPath()) + "/";
                boolean holdsAll = old.databases().stream().allMatch(db -> db.path().startsWith(prefix));
                if (holdsAll && (best == null || mount.mountPath().length() > best.mountPath().length())) {
                    best = mount;
                }
            }
            if (best != null) {
                return best;
            }
            for (OldDatabase db : old.databases()) {
                boolean mounted = sidecar.mounts().stream()
                        .anyMatch(m -> db.path().startsWith(trimSlash(m.mountPath()) + "/"));
                if (!mounted) {
                    throw new InputException(db.at(), db.path() + " is not below any volume the sidecar mounts");
                }
            }
            throw new InputException(old.databases().get(0).at(), "the databases are on different volumes; a"
                    + " descriptor has one data volume (import one volume's databases, the rest by hand)");
        }

        private ContainerView appContainer(PodView pod, ContainerView sidecar, String dataVolume) {
            List<ContainerView> others = pod.containers().stream().filter(c -> c != sidecar).toList();
            if (others.isEmpty()) {
                throw new InputException(pod.at(), pod.kind() + " " + pod.name() + " has no container besides the"
                        + " Litestream sidecar");
            }
            List<ContainerView> withData = others.stream().filter(c -> c.mountOf(dataVolume).isPresent()).toList();
            ContainerView chosen = withData.isEmpty() ? others.get(0) : withData.get(0);
            if (others.size() > 1) {
                findings.add(new Finding(Kind.REVIEW, chosen.at(), "workload.container: chose '" + chosen.name()
                        + "' (of " + String.join(", ", others.stream().map(ContainerView::name).toList())
                        + ") as the app's own container"));
            }
            return chosen;
        }

        private List<FoundDatabase> databases(OldLitestreamConfig old, Map<ContainerView, ContainerRole> roles,
                String mountPath) {
            List<FoundDatabase> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (OldDatabase db : old.databases()) {
                if (!seen.add(db.path())) {
                    throw new InputException(db.at(), db.path() + " is listed twice in the Litestream config");
                }
                out.add(new FoundDatabase(db.path(), db.at(), db.replica(), ""));
            }
            for (Map.Entry<ContainerView, ContainerRole> entry : roles.entrySet()) {
                if (entry.getValue() != ContainerRole.EPHEMERAL_CLEANUP) {
                    continue;
                }
                ContainerView c = entry.getKey();
                for (String path : ScriptFacts.of(c.script()).databases()) {
                    if (path.startsWith(mountPath + "/") && seen.add(path)) {
                        out.add(new FoundDatabase(path, c.at(), Optional.empty(), c.name()));
                    }
                }
            }
            for (String key : request.profiles().keySet()) {
                if (key.startsWith("/") && !seen.contains(key)) {
                    if (!key.startsWith(mountPath + "/")) {
                        throw new InputException(Location.commandLine(), "--profile " + key + ": not below"
                                + " the data volume mounted at " + mountPath);
                    }
                    seen.add(key);
                    out.add(new FoundDatabase(key, Location.commandLine(), Optional.empty(), "--profile"));
                }
            }
            return out;
        }

        private DatabaseChoice choose(FoundDatabase db) {
            Optional<String> explicit = explicitProfile(db.path());
            if (explicit.isPresent()) {
                if (repo.profiles().find(explicit.get()).isEmpty()) {
                    throw new InputException(Location.commandLine(), "--profile " + db.path() + "="
                            + explicit.get() + ": unknown profile; known profiles: "
                            + String.join(", ", repo.profiles().names()));
                }
                return new DatabaseChoice(db.path(), explicit.get(), "from --profile");
            }
            if (!db.replicated()) {
                return new DatabaseChoice(db.path(), Recommender.EPHEMERAL, "deleted at start by " + db.foundBy()
                        + ", not backed up");
            }
            if (Recommender.looksLikeCache(db.path())) {
                findings.add(new Finding(Kind.REVIEW, db.at(), db.path() + ": proposed ephemeral because its name"
                        + " looks like cache data; it was backed up until now (--profile " + fileName(db.path())
                        + "=standard keeps backing it up)"));
                return new DatabaseChoice(db.path(), Recommender.EPHEMERAL, "name looks like a cache");
            }
            Optional<Profile.BackedUp> same = db.replica().flatMap(this::sameValues);
            if (same.isPresent()) {
                return new DatabaseChoice(db.path(), same.get().name(), "the old intervals are this profile's");
            }
            Recommendation recommendation = Recommender.recommend(request.answers(), repo.profiles());
            String profile = recommendation.profile();
            if (recommendation.guessed()) {
                findings.add(new Finding(Kind.REVIEW, db.at(), db.path() + ": profile " + profile + " by default"
                        + " (nothing told otherwise); choose with --profile " + fileName(db.path())
                        + "=PROFILE, answer --criticality/--loss-tolerance, or measure with vixens-ls analyze"));
            }
            db.replica().ifPresent(replica -> intervalsChange(db, replica, profile));
            String why = recommendation.guessed() ? "default, see the report" : "decision tree: " + String.join("; ",
                    recommendation.steps().stream().filter(s -> s.demands().isPresent())
                            .map(s -> s.answer() + " -> " + s.demands().get()).toList());
            return new DatabaseChoice(db.path(), profile, why);
        }

        private Optional<String> explicitProfile(String path) {
            String file = fileName(path);
            String name = DescriptorLoader.defaultName(path);
            for (String key : List.of(path, file, name)) {
                if (request.profiles().containsKey(key)) {
                    usedProfileKeys.add(key);
                    return Optional.of(request.profiles().get(key));
                }
            }
            return Optional.empty();
        }

        private Optional<Profile.BackedUp> sameValues(OldReplica replica) {
            if (replica.snapshotInterval().isEmpty() || replica.retention().isEmpty()) {
                return Optional.empty();
            }
            long sync = replica.syncInterval().map(GoDuration::millis).orElse(1000L);
            for (Profile profile : repo.profiles().all()) {
                if (profile instanceof Profile.BackedUp p && p.syncInterval().millis() == sync
                        && p.snapshotInterval().millis() == replica.snapshotInterval().get().millis()
                        && p.retention().millis() == replica.retention().get().millis()) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        private void intervalsChange(FoundDatabase db, OldReplica replica, String profileName) {
            if (repo.profiles().find(profileName).orElse(null) instanceof Profile.BackedUp p) {
                String before = "snapshot-interval " + replica.snapshotInterval().map(GoDuration::text)
                        .orElse("none (Litestream's default)") + ", retention " + replica.retention()
                        .map(GoDuration::text).orElse("24h (Litestream's default)");
                findings.add(new Finding(Kind.REVIEW, replica.intervalsAt(), db.path() + ": " + before
                        + " become profile " + p.name() + "'s snapshot interval " + p.snapshotInterval()
                        + ", retention " + p.retention()));
            }
        }

        private void reportContainers(Map<ContainerView, ContainerRole> roles, ContainerView sidecar,
                ConfigSource config, String mountPath) {
            for (Map.Entry<ContainerView, ContainerRole> entry : roles.entrySet()) {
                ContainerView c = entry.getKey();
                ContainerRole role = entry.getValue();
                switch (role) {
                    case UNRELATED -> findings.add(new Finding(Kind.KEPT, c.at(), "init container " + c.name()
                            + ": not Litestream's; it now runs after the generated init containers"));
                    case UNRECOGNISED -> findings.add(new Finding(Kind.KEPT, c.at(), "init container " + c.name()
                            + " touches the databases or the Litestream config in a way import does not recognise;"
                            + " kept, and it now runs after the generated start-up sequence: review it"));
                    default -> {
                        findings.add(new Finding(Kind.REPLACED, c.at(), "init container " + c.name() + " ("
                                + role.text() + ")"));
                        defects(c, role, mountPath);
                    }
                }
            }
            findings.add(new Finding(Kind.REPLACED, sidecar.at(), "container " + sidecar.name()
                    + " (the Litestream sidecar)"));
            findings.add(new Finding(Kind.REPLACED, config.doc().at(config.doc().root()), "ConfigMap "
                    + config.configMap() + " (litestream.yml), by the generated config"));
            for (NodeTuple entry : YamlDoc.entries(sidecar.node())) {
                String key = YamlDoc.text(entry.getKeyNode()).orElse("");
                if (!SIDECAR_KEYS_READ.contains(key)) {
                    findings.add(new Finding(Kind.NOT_CARRIED, sidecar.doc().at(entry.getKeyNode()), "container "
                            + sidecar.name() + ": " + key));
                }
            }
            YamlDoc.child(sidecar.node(), "securityContext").ifPresent(ctx -> {
                for (NodeTuple entry : YamlDoc.entries(ctx)) {
                    String key = YamlDoc.text(entry.getKeyNode()).orElse("");
                    if (!key.equals("runAsUser") && !key.equals("runAsGroup")) {
                        findings.add(new Finding(Kind.NOT_CARRIED, sidecar.doc().at(entry.getKeyNode()),
                                "container " + sidecar.name() + ": securityContext." + key));
                    }
                }
            });
        }

        private void defects(ContainerView c, ContainerRole role, String mountPath) {
            String script = c.script();
            ScriptFacts facts = ScriptFacts.of(script);
            if (role == ContainerRole.INTEGRITY_CHECK) {
                if (script.matches("(?s).*grep\\s+-q\\s+[\"']?ok[\"']?.*")) {
                    findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": `| grep -q ok` calls a corrupted"
                            + " database healthy whenever an error line contains \"ok\" (e.g. \"row 1 missing from"
                            + " index books_title\"); the generated check accepts only an output of exactly ok"));
                }
                for (String glob : facts.globs()) {
                    findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": checks every file matching "
                            + glob + " instead of the declared databases (and misses other extensions); the"
                            + " generated check runs on the declared databases only"));
                }
                if (script.matches("(?s).*rm\\s+-f\\s+\"?\\$db\"?.*")) {
                    findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": deletes a database that fails the"
                            + " check; the generated check moves it aside as <file>.corrupt-<time>"));
                }
            }
            if (role == ContainerRole.RESTORE && facts.globs().stream().anyMatch(g -> g.endsWith("-wal"))) {
                findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": `rm -f " + mountPath + "/*-wal` deletes"
                        + " the -wal of every database before the restore, losing the committed transactions of a"
                        + " healthy database that were not checkpointed yet; the generated restore keeps a local"
                        + " database with its -wal"));
            }
            if (role == ContainerRole.EPHEMERAL_CLEANUP) {
                for (String glob : facts.globs()) {
                    findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": deletes every file matching "
                            + glob + ", declared or not; the generated cleanup deletes the declared ephemeral"
                            + " databases by exact path (declare others with --profile PATH=ephemeral)"));
                }
            }
            if (c.imageTag().isEmpty() || c.imageTag().get().equals("latest")) {
                findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": image " + c.image() + " is not pinned;"
                        + " the generated containers use pinned images"));
            }
        }

        /**
         * The release the descriptor names for the sidecar's image tag: the tag itself when vixens-ls can generate
         * for it; else, for review, the nearest later release of the same line that it can generate for (an older
         * 0.3 patch becomes 0.3.13, 0.5.0 becomes 0.5.1); anything else is refused with the release table's reason.
         */
        private String release(ContainerView sidecar, String tag) {
            ReleaseTable table = ReleaseTable.get();
            try {
                return table.forGenerate(tag, false, null).text();
            } catch (IllegalArgumentException refused) {
                Optional<Release> nearest = ReleaseNumber.parse(tag).flatMap(number -> table.line(number.line())
                        .stream().filter(r -> r.number().compareTo(number) > 0 && r.tellsMissingReplicaApart())
                        .findFirst());
                if (nearest.isEmpty()) {
                    throw new InputException(sidecar.at(), "image " + sidecar.image() + ": " + refused.getMessage());
                }
                findings.add(new Finding(Kind.REVIEW, sidecar.at(), "Litestream " + tag + " becomes "
                        + nearest.get().version() + ", the nearest later release vixens-ls generates for ("
                        + refused.getMessage() + ")"));
                return nearest.get().version();
            }
        }

        /**
         * The replica path that keeps an existing replica where it is once the repository's replica prefix is
         * put before it ({@link BucketKey} is where the two meet); empty when the default path does that.
         */
        private Optional<String> keptReplicaPath(FoundDatabase db, OldReplica old, String app, String mountPath,
                String prefix) {
            String defaultPath = Names.defaultReplicaPath(app, mountPath, db.path());
            if (new BucketKey(prefix, defaultPath).key().equals(old.replicaPath())) {
                return Optional.empty();
            }
            Optional<String> kept = BucketKey.pathFor(prefix, old.replicaPath());
            if (kept.isEmpty()) {
                findings.add(new Finding(Kind.REVIEW, old.at(), db.path() + ": the existing replica '"
                        + old.replicaPath() + "' is not under the repository's replica prefix '" + prefix + "/': the"
                        + " generated config writes to '" + new BucketKey(prefix, defaultPath).key() + "' and would"
                        + " not restore the existing backups; copy them there, or give this app a replica prefix"
                        + " that holds them"));
                return Optional.empty();
            }
            findings.add(new Finding(Kind.REVIEW, old.at(), db.path() + ": kept the old replica"
                    + " path '" + kept.get() + "' (replicaPath), so the existing backups stay restorable"));
            return kept;
        }

        private ObservedSettings settings(PodView pod, ContainerView sidecar, Map<ContainerView, ContainerRole> roles,
                OldLitestreamConfig old, List<FoundDatabase> databases, Settings defaults) {
            String image = sidecar.imageRepository();
            String version = null;
            Optional<String> tag = sidecar.imageTag();
            if (tag.isEmpty() || tag.get().equals("latest")) {
                findings.add(new Finding(Kind.REPLACED, sidecar.at(), "image " + sidecar.image() + " is not pinned;"
                        + " the descriptor uses Litestream " + defaults.litestreamVersion().text()));
            } else {
                version = release(sidecar, tag.get());
            }
            String secret = secret(sidecar);
            OldReplica first = databases.stream().filter(FoundDatabase::replicated)
                    .map(FoundDatabase::replica).flatMap(Optional::stream).findFirst().orElse(null);
            String bucketEnv = null;
            String endpointEnv = null;
            if (first != null) {
                bucketEnv = variable(sidecar, first.bucket(), first.bucketVariable(), "bucket", first.at(),
                        defaults.bucketEnv());
                endpointEnv = first.endpoint().isEmpty() ? null : variable(sidecar, first.endpoint().get(),
                        first.endpointVariable(), "endpoint", first.at(), defaults.endpointEnv());
                if (first.endpoint().isEmpty()) {
                    findings.add(new Finding(Kind.REVIEW, first.at(), "the old replica has no endpoint (AWS S3?);"
                            + " the generated config sets endpoint ${" + defaults.endpointEnv() + "}"));
                }
                for (FoundDatabase db : databases) {
                    OldReplica r = db.replica().orElse(null);
                    if (r != null && r != first && (!r.bucket().equals(first.bucket())
                            || !r.endpoint().equals(first.endpoint()))) {
                        findings.add(new Finding(Kind.NOT_CARRIED, r.at(), db.path() + ": bucket " + r.bucket()
                                + " / endpoint " + r.endpoint().orElse("-") + " differ from the first database's;"
                                + " the descriptor has one bucket and endpoint for the app"));
                    }
                }
            }
            reportEnv(sidecar, old);
            if (old.metricsPort().isEmpty()) {
                findings.add(new Finding(Kind.REVIEW, old.doc().at(old.doc().root()), "metrics were off (no addr);"
                        + " the generated sidecar serves them on port " + defaults.metricsPort()));
            }
            Optional<PodView.Resources> r = sidecar.resources();
            Long uid = sidecar.runAsUser().or(pod::podRunAsUser).orElse(null);
            Long gid = sidecar.runAsGroup().or(pod::podRunAsGroup).orElse(null);
            Boolean fixPermissions = null;
            for (Map.Entry<ContainerView, ContainerRole> entry : roles.entrySet()) {
                if (entry.getValue() != ContainerRole.FIX_PERMISSIONS) {
                    continue;
                }
                fixPermissions = true;
                Optional<long[]> owner = ScriptFacts.of(entry.getKey().script()).chown();
                if (owner.isPresent()) {
                    if (uid == null) {
                        uid = owner.get()[0];
                    }
                    if (gid == null) {
                        gid = owner.get()[1];
                    }
                    if (uid != owner.get()[0] || gid != owner.get()[1]) {
                        findings.add(new Finding(Kind.REVIEW, entry.getKey().at(), entry.getKey().name() + " gives"
                                + " the files to " + owner.get()[0] + ":" + owner.get()[1] + " but Litestream ran as "
                                + uid + ":" + gid + "; the descriptor uses " + uid + ":" + gid + " for both"));
                    }
                }
            }
            if (uid != null && uid == 0) {
                findings.add(new Finding(Kind.REVIEW, sidecar.at(), "Litestream ran as root (uid 0): the descriptor"
                        + " keeps runAs.uid 0 with podSecurity: baseline, and a namespace that enforces Pod Security"
                        + " \"restricted\" rejects the pod; run the app and Litestream as a non-root user to remove"
                        + " both"));
            }
            if (uid == null) {
                findings.add(new Finding(Kind.REVIEW, sidecar.at(), "no uid found (no runAsUser, no chown); the"
                        + " generated containers run as " + defaults.runAs().uid() + ":" + defaults.runAs().gid()
                        + " (runAs): check the owner of the database files, or set fixPermissions: true"));
            } else if (gid == null) {
                gid = pod.fsGroup().orElse(uid);
            }
            return new ObservedSettings(image, version, secret, bucketEnv, endpointEnv, old.metricsPort().orElse(null),
                    r.flatMap(PodView.Resources::requestsCpu).orElse(null),
                    r.flatMap(PodView.Resources::requestsMemory).orElse(null),
                    r.flatMap(PodView.Resources::limitsCpu).orElse(null),
                    r.flatMap(PodView.Resources::limitsMemory).orElse(null), uid, gid, fixPermissions);
        }

        private String secret(ContainerView sidecar) {
            Set<String> secrets = new LinkedHashSet<>(sidecar.envFromSecrets());
            sidecar.env().forEach(e -> e.secret().ifPresent(secrets::add));
            if (secrets.isEmpty()) {
                findings.add(new Finding(Kind.REVIEW, sidecar.at(), "the sidecar reads no Secret; the generated"
                        + " containers read the credentials, bucket and endpoint from the Secret named by 'secret'"));
                return null;
            }
            String secret = secrets.iterator().next();
            if (secrets.size() > 1) {
                findings.add(new Finding(Kind.NOT_CARRIED, sidecar.at(), "the sidecar reads several Secrets ("
                        + String.join(", ", secrets) + "); the descriptor names one: " + secret));
            }
            if (sidecar.envFromSecrets().isEmpty()) {
                findings.add(new Finding(Kind.REVIEW, sidecar.at(), "the generated containers read the whole Secret "
                        + secret + " with envFrom: its keys become the variable names"));
            }
            return secret;
        }

        /** The variable (a key of the Secret) the generated config should read a bucket or endpoint from. */
        private String variable(ContainerView sidecar, String written, Optional<String> variable, String what,
                Location at, String fallback) {
            if (variable.isEmpty()) {
                findings.add(new Finding(Kind.REVIEW, at, "the " + what + " is written literally ('" + written
                        + "'); the generated config reads it from ${" + fallback + "}: make sure the Secret has"
                        + " that key"));
                return null;
            }
            Optional<EnvVar> env = sidecar.envVar(variable.get());
            if (env.isPresent() && env.get().secretKey().isPresent()) {
                String key = env.get().secretKey().get();
                if (!key.equals(variable.get())) {
                    findings.add(new Finding(Kind.REPLACED, env.get().at(), "env " + variable.get() + " (Secret key "
                            + key + "): the generated config reads ${" + key + "} directly, the Secret being read"
                            + " with envFrom"));
                }
                return key;
            }
            if (env.isPresent()) {
                findings.add(new Finding(Kind.REVIEW, env.get().at(), "the " + what + " variable " + variable.get()
                        + " is set in the sidecar, not in the Secret; the generated containers read it from the"
                        + " Secret: add it there"));
            }
            return variable.get();
        }

        private void reportEnv(ContainerView sidecar, OldLitestreamConfig old) {
            Set<String> carried = new HashSet<>();
            old.databases().stream().map(OldDatabase::replica).flatMap(Optional::stream).findFirst().ifPresent(r -> {
                r.bucketVariable().ifPresent(carried::add);
                r.endpointVariable().ifPresent(carried::add);
            });
            for (EnvVar env : sidecar.env()) {
                if (carried.contains(env.name())) {
                    continue;
                }
                String source = env.value().map(v -> "= '" + v + "'")
                        .orElse(env.secretKey().map(k -> "from Secret key " + k).orElse("from another source"));
                findings.add(new Finding(Kind.NOT_CARRIED, env.at(), "container " + sidecar.name() + ": env "
                        + env.name() + " " + source + "; the generated sidecar's environment is the Secret only"));
            }
        }

        private String namespace(KustomizeBase base, PodView pod, Path appDir) {
            if (request.namespace().isPresent()) {
                return request.namespace().get();
            }
            if (base.namespace().isPresent()) {
                return base.namespace().get();
            }
            if (pod.namespace().isPresent()) {
                return pod.namespace().get();
            }
            Set<String> found = new LinkedHashSet<>();
            for (Path overlay : overlays(appDir)) {
                Optional<Path> file = KustomizeBase.kustomizationIn(overlay);
                if (file.isPresent()) {
                    List<YamlDoc> docs = YamlDoc.readAll(repo.paths().read(file.get(), SourceFile.MAX_MANIFEST_BYTES));
                    if (!docs.isEmpty()) {
                        YamlDoc.text(docs.get(0).root(), "namespace").ifPresent(found::add);
                    }
                }
            }
            if (found.size() == 1) {
                return found.iterator().next();
            }
            throw new InputException(base.kustomization().start(), "cannot tell the app's namespace ("
                    + (found.isEmpty() ? "none set in the base or the overlays" : "the overlays set " + found)
                    + "); pass --namespace NAME");
        }

        private void rewrite(Path appDir, String dir, MigrationModel m, Map<String, String> files,
                List<String> nextSteps, String app, String namespace) {
            String migrationDir = dir + "/" + MIGRATION_DIR;
            Map<String, String> migration = new LinkedHashMap<>();
            Map<String, Object> model = Map.of("m", m);
            migration.put(migrationDir + "/kustomization.yaml", Renderer.renderUserFile(new FileSpec(migrationDir
                    + "/kustomization.yaml", "import/migration-kustomization.yaml.ftl", model)));
            migration.put(migrationDir + "/" + WORKLOAD_PATCH, Renderer.renderUserFile(new FileSpec(migrationDir
                    + "/" + WORKLOAD_PATCH, "import/remove-workload-parts.yaml.ftl", model)));
            if (m.configMap() != null) {
                migration.put(migrationDir + "/" + CONFIG_PATCH, Renderer.renderUserFile(new FileSpec(migrationDir
                        + "/" + CONFIG_PATCH, "import/remove-configmap.yaml.ftl", model)));
            }
            for (Map.Entry<String, String> file : migration.entrySet()) {
                Path existing = repo.resolve(file.getKey());
                if (Files.exists(existing, LinkOption.NOFOLLOW_LINKS) && !request.force()
                        && !repo.paths().read(existing).text().equals(file.getValue())) {
                    throw new InputException(Location.startOf(file.getKey()), "exists with other content; pass"
                            + " --force to replace it");
                }
            }
            files.putAll(migration);
            List<Path> overlays = overlays(appDir);
            for (Path overlay : overlays) {
                Optional<Path> file = KustomizeBase.kustomizationIn(overlay);
                if (file.isEmpty()) {
                    continue;
                }
                String rel = relative(overlay, appDir.resolve(MIGRATION_DIR));
                String component = relative(overlay, appDir.resolve(AppPlanner.COMPONENT_DIR));
                String shown = repo.display(file.get());
                SourceFile source = repo.paths().read(file.get(), SourceFile.MAX_MANIFEST_BYTES);
                Optional<String> text = OverlayEditor.include(source, List.of(rel, component),
                        "added by vixens-ls import");
                SourceFile edited = text.map(t -> SourceFile.fromBytes(shown, t.getBytes(StandardCharsets.UTF_8)))
                        .orElse(source);
                Optional<String> withNamespace = OverlayEditor.ensureNamespace(edited, namespace);
                if (withNamespace.isPresent()) {
                    findings.add(new Finding(Kind.REVIEW, source.start(), "added 'namespace: " + namespace + "' to"
                            + " this overlay: without it the generated ConfigMap has no namespace, and Kustomize"
                            + " does not rewrite the workload's reference to its hashed name"));
                    text = withNamespace;
                }
                if (text.isPresent()) {
                    files.put(shown, text.get());
                }
            }
            nextSteps.add("vixens-ls generate " + app);
            if (overlays.isEmpty()) {
                nextSteps.add("no overlays under " + dir + "/overlays: list ../" + MIGRATION_DIR + " and then ../"
                        + AppPlanner.COMPONENT_DIR + " (in that order) in the components of whatever deploys " + app);
            } else {
                nextSteps.add("kubectl kustomize " + repo.display(overlays.get(0)) + "   # the hand-written"
                        + " Litestream parts are gone, the generated ones are there");
            }
            nextSteps.add("later, delete the hand-written parts from " + dir + "/" + m.base() + "/, then "
                    + migrationDir + "/ and its line in each overlay");
        }

        private void manualSteps(Path appDir, MigrationModel m, List<String> nextSteps, String app,
                String namespace) {
            List<String> parts = new ArrayList<>();
            m.initContainers().forEach(n -> parts.add("init container " + n));
            m.containers().forEach(n -> parts.add("container " + n));
            m.volumes().forEach(n -> parts.add("volume " + n));
            if (m.configMap() != null) {
                parts.add("ConfigMap " + m.configMap());
            }
            nextSteps.add("vixens-ls generate " + app);
            nextSteps.add("remove from " + m.workloadSource() + " and the base: " + String.join(", ", parts)
                    + " (or run import again with --rewrite-kustomization --force to do it with a patch)");
            nextSteps.add("add the generated Component to each overlay: components: [" + relative(
                    overlays(appDir).stream().findFirst().orElse(appDir.resolve("overlays/prod")),
                    appDir.resolve(AppPlanner.COMPONENT_DIR)) + "], and 'namespace: " + namespace + "' if the overlay"
                    + " sets none (the generated ConfigMap needs it to be found under its hashed name)");
        }

        private List<Path> overlays(Path appDir) {
            Path overlays = appDir.resolve("overlays");
            if (!Files.isDirectory(overlays)) {
                return List.of();
            }
            try (Stream<Path> list = Files.list(overlays)) {
                return list.filter(p -> Files.isDirectory(p) && KustomizeBase.kustomizationIn(p).isPresent())
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String relative(Path from, Path to) {
        return from.relativize(to).toString().replace('\\', '/');
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
