package dev.vixens.ls.analyze;

import dev.vixens.ls.analyze.AnalysisReport.DatabaseReport;
import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.descriptor.AppDescriptor.ExpectedSize;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.litestream.ReplicaLayout;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.recommend.Recommender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a bucket listing into per-database activity (ADR-014 Phase 2, "analyze & adjust"): snapshots, WAL or
 * LTX files and their rate, the profile that rate suggests (the decision tree's write-activity step) next to
 * the declared one, and the storage each profile would need at that rate.
 */
public final class BucketAnalyzer {

    private BucketAnalyzer() {
    }

    /**
     * A database some descriptor declares.
     *
     * @param key where its replica lives in the bucket
     * @param profile its profile (may be ephemeral)
     * @param expectedSize its {@code expectedSize}, when the descriptor declares one
     */
    public record Declared(String app, String path, BucketKey key, String profile,
            Optional<ExpectedSize> expectedSize) {

        public Declared(String app, String path, BucketKey key, String profile) {
            this(app, path, key, profile, Optional.empty());
        }
    }

    /**
     * Every database the repository's descriptors declare, with its bucket key and profile: in the app's own
     * environment and in each overlay's that replicates apart. An app whose descriptor names another bucket
     * literally ({@code bucket:}, one bucket per app) is not in this one, even when its key is the same.
     */
    public static List<Declared> declared(List<ResolvedApp> apps, String bucket) {
        List<Declared> out = new ArrayList<>();
        for (ResolvedApp app : apps) {
            for (ResolvedApp environment : app.environments()) {
                if (environment.app().settings().bucket().map(b -> !b.equals(bucket)).orElse(false)) {
                    continue;
                }
                for (PlannedDatabase db : environment.databases()) {
                    out.add(new Declared(app.app().app(), db.path(), environment.bucketKey(db), db.profile().name(),
                            db.database().expectedSize()));
                }
            }
        }
        return out;
    }

    public static AnalysisReport analyze(String bucket, String prefix, List<BucketObject> objects,
            List<Declared> declared, ProfileCatalog catalog) {
        Map<String, List<RestoreSize.Listed>> replicas = new TreeMap<>();
        int unrecognised = 0;
        int listed = 0;
        for (BucketObject object : objects) {
            if (object.key().endsWith("/")) {
                // a folder marker (some servers list directories): not an object anyone wrote
                continue;
            }
            listed++;
            Optional<ReplicaKey> key = ReplicaKey.parse(object.key());
            if (key.isEmpty()) {
                unrecognised++;
                continue;
            }
            replicas.computeIfAbsent(key.get().root(), r -> new ArrayList<>())
                    .add(new RestoreSize.Listed(key.get(), object));
        }
        List<DatabaseReport> reports = new ArrayList<>();
        Map<String, Declared> byReplica = new LinkedHashMap<>();
        for (Declared d : declared) {
            if (d.key().overlaps(prefix)) {
                byReplica.putIfAbsent(d.key().key(), d);
            }
        }
        for (Declared d : byReplica.values()) {
            List<RestoreSize.Listed> replica = replicas.remove(d.key().key());
            reports.add(report(d.app(), d.path(), d.key().key(), Optional.of(d.profile()), d.expectedSize(),
                    replica == null ? List.of() : replica, catalog));
        }
        for (Map.Entry<String, List<RestoreSize.Listed>> replica : replicas.entrySet()) {
            String root = replica.getKey();
            reports.add(report(undeclaredApp(root, declared), null, root, Optional.empty(), Optional.empty(),
                    replica.getValue(), catalog));
        }
        return new AnalysisReport(bucket, prefix, listed, reports, unrecognised);
    }

    /**
     * The app a replica no descriptor declares probably belongs to: the segment after a replica prefix some
     * declared database uses (generate lays keys out as {@code [<prefix>/]<app>/<file>}), else the first one.
     */
    static String undeclaredApp(String root, List<Declared> declared) {
        String rest = root;
        for (Declared d : declared) {
            String prefix = d.key().prefix();
            if (!prefix.isEmpty() && root.startsWith(prefix + "/") && root.length() - prefix.length() - 1
                    < rest.length()) {
                rest = root.substring(prefix.length() + 1);
            }
        }
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }

    private static DatabaseReport report(String app, String path, String replica, Optional<String> declared,
            Optional<ExpectedSize> declaredSize, List<RestoreSize.Listed> objects, ProfileCatalog catalog) {
        List<String> notes = new ArrayList<>();
        boolean ephemeral = declared.flatMap(catalog::find).map(p -> p instanceof Profile.Ephemeral).orElse(false);
        if (objects.isEmpty()) {
            if (!ephemeral) {
                notes.add("no replica in the bucket: is the sidecar running, and is this the right bucket?");
            }
            return new DatabaseReport(app, path, replica, "-", 0, 0, 0, 0, 0, 0, 0, null, null,
                    declared.orElse(null), null, false, Map.of(), RestoreSize.NONE,
                    DeclaredSize.of(declaredSize, RestoreSize.NONE), notes);
        }
        ReplicaActivity a = ReplicaActivity.of(replica, objects);
        RestoreSize restore = RestoreSize.of(objects);
        if (ephemeral) {
            notes.add("declared ephemeral, but the bucket holds " + (a.snapshots() + a.changeFiles() + a.otherFiles())
                    + " objects for it (from before?); the lifecycle rule or a manual delete removes them");
        }
        if (path == null) {
            notes.add("no descriptor declares this replica");
        }
        if (a.shortHistory()) {
            notes.add(String.format(Locale.ROOT, "only %s of history: the rate is extrapolated",
                    span(a)));
        }
        if (a.layouts().size() > 1) {
            String bridge = ReleaseTable.get().releases().stream()
                    .filter(r -> r.restoreReads().containsAll(a.layouts())).findFirst()
                    .map(r -> "a restore by Litestream " + r.version() + " or later reads the "
                            + ReplicaLayout.GENERATIONS.description() + " while they are newer than the "
                            + ReplicaLayout.LTX.description())
                    .orElse("no Litestream release restores both");
            notes.add("holds both " + String.join(" and ", a.layouts().stream().map(ReplicaLayout::description)
                    .toList()) + ": " + bridge + "; the counts and rates mix both");
        }
        if (a.generations().size() > 1) {
            notes.add(a.generations().size() + " generations: Litestream started a new one after a restore or a"
                    + " lost position; old ones go when their retention ends");
        }
        String recommended = ephemeral ? null
                : Recommender.recommend(Answers.writesPerHour(a.changeFilesPerHour()), catalog).profile();
        boolean mismatch = declared.isPresent() && recommended != null && !declared.get().equals(recommended);
        Map<String, Long> projected = new LinkedHashMap<>();
        for (Profile profile : catalog.all()) {
            if (profile instanceof Profile.BackedUp p) {
                projected.put(p.name(), projection(a, p));
            }
        }
        return new DatabaseReport(app, path, replica, a.format(), a.generations().size(), a.snapshots(),
                a.snapshotBytes(), a.averageSnapshotBytes(), a.changeFiles(), a.changeBytes(),
                a.changeFilesPerHour() * 24, a.oldest().toString(), a.newest().toString(), declared.orElse(null),
                recommended, mismatch, projected, restore, DeclaredSize.of(declaredSize, restore), notes);
    }

    /**
     * Storage a profile keeps at the measured rate: the snapshots inside its retention (plus the one the window
     * starts from) at the average snapshot size, and the WAL/LTX bytes of retention plus one snapshot interval.
     */
    static long projection(ReplicaActivity a, Profile.BackedUp p) {
        long snapshots = p.retention().millis() / p.snapshotInterval().millis() + 1;
        double hours = (p.retention().millis() + p.snapshotInterval().millis()) / 3_600_000.0;
        return Math.round(snapshots * (double) a.averageSnapshotBytes() + a.changeBytesPerHour() * hours);
    }

    private static String span(ReplicaActivity a) {
        long seconds = java.time.Duration.between(a.oldest(), a.newest()).getSeconds();
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds / 3600 + "h";
    }
}
