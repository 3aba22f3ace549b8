package dev.vixens.ls.examples;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.AppDescriptor.Database;
import dev.vixens.ls.descriptor.AppDescriptor.Overrides;
import dev.vixens.ls.litestream.SnapshotPlacement;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.IntegrityDepth;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One example app of this repository: its descriptor, what its profiles promise for each database, and
 * the real {@code kubectl kustomize} builds of its prod overlay and of its base.
 *
 * <p>The expectations are computed here from the descriptor and the profile files, not taken from the
 * planner, so a planner that applies a profile wrongly fails the tests instead of agreeing with itself.
 */
record ExampleApp(AppDescriptor descriptor, List<ExpectedDatabase> databases, List<Map<String, Object>> objects,
        Map<String, Object> workload, Map<String, Object> baseWorkload) {

    static final String CONFIG_VOLUME = "litestream-config";
    static final String CONFIG_DIR = "/etc/litestream";

    private static final Repository REPO = Repository.open(ProjectFiles.root());
    private static final Map<String, ExampleApp> BUILT = new ConcurrentHashMap<>();

    /** Every app with a descriptor under the project's {@code apps/}, so a new example is tested too. */
    static List<String> names() {
        return REPO.apps().stream().map(AppRef::name).toList();
    }

    /** The app, built once per test run (kustomize is the slow part). */
    static ExampleApp named(String name) {
        return BUILT.computeIfAbsent(name, ExampleApp::build);
    }

    private static ExampleApp build(String name) {
        AppRef ref = REPO.app(name);
        AppDescriptor descriptor = REPO.load(ref);
        ProfileCatalog profiles = REPO.profiles();
        List<ExpectedDatabase> databases = new ArrayList<>();
        for (Database db : descriptor.databases()) {
            databases.add(ExpectedDatabase.of(db, profiles));
        }
        Path dir = REPO.resolve(ref.directory());
        String kind = descriptor.workload().kind().kind();
        String workloadName = descriptor.workload().name();
        List<Map<String, Object>> objects = Kustomize.build(dir.resolve("overlays/prod"));
        Map<String, Object> workload = Kustomize.find(objects, kind, workloadName);
        Map<String, Object> base = Kustomize.find(Kustomize.build(dir.resolve("base")), kind, workloadName);
        return new ExampleApp(descriptor, databases, objects, workload, base);
    }

    /**
     * The replicated databases grouped as Litestream processes must serve them: one group on 0.3 (per-replica
     * values); on 0.5 one group per distinct (snapshot interval, retention), compared by duration.
     */
    List<List<ExpectedDatabase>> processGroups() {
        if (replicated().isEmpty()) {
            return List.of();
        }
        if (descriptor.settings().litestreamVersion().release().snapshotPlacement() == SnapshotPlacement.REPLICA) {
            return List.of(replicated());
        }
        Map<List<Long>, List<ExpectedDatabase>> groups = new LinkedHashMap<>();
        for (ExpectedDatabase db : replicated()) {
            List<Long> key = List.of(GoDuration.parse(db.snapshot().orElseThrow()).millis(),
                    GoDuration.parse(db.retention().orElseThrow()).millis());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(db);
        }
        return List.copyOf(groups.values());
    }

    /** The replica path in the bucket, after the repository's or descriptor's replicaPrefix. */
    String bucketPath(ExpectedDatabase db) {
        String prefix = descriptor.settings().replicaPrefix();
        return (prefix.isEmpty() ? "" : prefix + "/") + db.replicaPath();
    }

    List<ExpectedDatabase> replicated() {
        return databases.stream().filter(ExpectedDatabase::replicated).toList();
    }

    List<String> checkedPaths() {
        return databases.stream().filter(ExpectedDatabase::checked).map(ExpectedDatabase::path).toList();
    }

    List<String> ephemeralPaths() {
        return databases.stream().filter(db -> !db.replicated()).map(ExpectedDatabase::path).toList();
    }

    /** The init containers the start-up sequence adds, in the order ADR-014 requires. */
    List<String> generatedInitContainers() {
        List<String> names = new ArrayList<>();
        if (descriptor.settings().fixPermissions()) {
            names.add("fix-permissions");
        }
        if (!checkedPaths().isEmpty()) {
            names.add("check-integrity");
        }
        replicated().forEach(db -> names.add("restore-" + db.name()));
        if (!ephemeralPaths().isEmpty()) {
            names.add("cleanup-ephemeral");
        }
        return names;
    }

    List<Map<String, Object>> initContainers() {
        return Kustomize.containers(workload, "initContainers");
    }

    List<Map<String, Object>> containers() {
        return Kustomize.containers(workload, "containers");
    }

    Map<String, Object> initContainer(String name) {
        return byName(initContainers(), name);
    }

    Map<String, Object> container(String name) {
        return byName(containers(), name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> spec() {
        return (Map<String, Object>) workload.get("spec");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Map<String, Object> workload) {
        return (Map<String, Object>) workload.get("spec");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> podAnnotations(Map<String, Object> workload) {
        Map<String, Object> template = (Map<String, Object>) spec(workload).get("template");
        Map<String, Object> metadata = (Map<String, Object>) template.get("metadata");
        Object annotations = metadata == null ? null : metadata.get("annotations");
        return annotations == null ? Map.of() : (Map<String, Object>) annotations;
    }

    /** A YAML mapping, or an empty one where the key is absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    static Map<String, Object> byName(List<Map<String, Object>> items, String name) {
        return items.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + Kustomize.names(items)));
    }

    /** {@code /bin/sh -c SCRIPT NAME ARGS...}: the script text. */
    @SuppressWarnings("unchecked")
    static String script(Map<String, Object> container) {
        return String.valueOf(((List<Object>) container.get("command")).get(2));
    }

    /** {@code /bin/sh -c SCRIPT NAME ARGS...}: everything after the script, starting with NAME ($0). */
    @SuppressWarnings("unchecked")
    static List<String> scriptArguments(Map<String, Object> container) {
        List<Object> command = (List<Object>) container.get("command");
        return command.subList(3, command.size()).stream().map(String::valueOf).toList();
    }

    /**
     * One declared database and what its profile (and overrides) promise.
     *
     * @param sync the effective sync-interval as written in the profile or override, empty when ephemeral
     */
    record ExpectedDatabase(String path, String name, String replicaPath, String profile, boolean replicated,
            boolean checked, Optional<String> sync, Optional<String> snapshot, Optional<String> retention) {

        static ExpectedDatabase of(Database db, ProfileCatalog profiles) {
            Profile profile = profiles.find(db.profile())
                    .orElseThrow(() -> new AssertionError("unknown profile " + db.profile()));
            if (profile instanceof Profile.BackedUp backedUp) {
                Overrides o = db.overrides();
                boolean checked = o.integrityCheck().orElse(backedUp.integrityCheck().depth()) != IntegrityDepth.OFF;
                return new ExpectedDatabase(db.path(), db.name(), db.replicaPath(), profile.name(), true, checked,
                        Optional.of(either(o.syncInterval(), backedUp.syncInterval().text())),
                        Optional.of(either(o.snapshotInterval(), backedUp.snapshotInterval().text())),
                        Optional.of(either(o.retention(), backedUp.retention().text())));
            }
            return new ExpectedDatabase(db.path(), db.name(), db.replicaPath(), profile.name(), false, false,
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        private static String either(String override, String profileValue) {
            return override != null ? override : profileValue;
        }
    }
}
