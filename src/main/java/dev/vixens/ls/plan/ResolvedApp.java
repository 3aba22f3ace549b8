package dev.vixens.ls.plan;

import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.litestream.Command;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One app with every fact decided before a start-up step runs: each database's effective profile values, the
 * Litestream dialect of its release, the Litestream processes that replicate it, where each backed-up database
 * lives in the bucket, and the environments of the overlays that replicate apart. It is the planner's input,
 * and what {@code explain}, {@code profiles}, {@code lifecycle} and {@code analyze} read, so that none of them
 * plans a pod to learn a database's profile or bucket key.
 *
 * @param overlay for the environment of an overlay with settings of its own: that overlay's name
 * @param overlays the environments of the app's overlays with settings of their own (none for those)
 */
public record ResolvedApp(AppDescriptor app, List<PlannedDatabase> databases, ConfigDialect dialect,
        List<LitestreamProcess> processes, Optional<String> overlay, List<ResolvedApp> overlays) {

    public ResolvedApp {
        databases = List.copyOf(databases);
        processes = List.copyOf(processes);
        overlays = List.copyOf(overlays);
    }

    /** The app, and one environment more for each overlay with settings of its own ({@code overlays:}). */
    public static ResolvedApp resolve(AppDescriptor app, ProfileCatalog catalog) {
        List<ResolvedApp> overlays = new ArrayList<>();
        for (AppDescriptor.OverlaySettings overlay : app.overlays()) {
            overlays.add(resolve(app.forOverlay(overlay), catalog, Optional.of(overlay.name()), List.of()));
        }
        return resolve(app, catalog, Optional.empty(), overlays);
    }

    private static ResolvedApp resolve(AppDescriptor app, ProfileCatalog catalog, Optional<String> overlay,
            List<ResolvedApp> overlays) {
        List<PlannedDatabase> databases = ProfileResolver.resolve(app, catalog);
        ConfigDialect dialect = ConfigDialect.of(app.settings().litestreamVersion());
        List<LitestreamProcess.Replica> replicas = databases.stream()
                .filter(PlannedDatabase::replicated)
                .map(db -> Replicas.of(db, app.settings()))
                .toList();
        List<LitestreamProcess> processes;
        try {
            processes = dialect.processes(replicas, app.settings().metricsPort());
        } catch (IllegalArgumentException e) {
            throw new InputException(YamlLocator.locate(app.source(), YamlPath.of("metrics", "port")),
                    e.getMessage());
        }
        return new ResolvedApp(app, databases, dialect, processes, overlay, overlays);
    }

    /** The release whose rules apply (the dialect's version, which may be one configured past the table). */
    public Release release() {
        return dialect.version().release();
    }

    /**
     * Whether this release's restore checks the database it restored ({@code -integrity-check}, 0.5.10 and
     * later), at the database's depth, on top of the check-integrity step.
     */
    public boolean restoreChecksIntegrity() {
        return release().has(Command.RESTORE, RestoreStep.INTEGRITY_CHECK);
    }

    /** Where a database of this environment lives in the bucket. */
    public BucketKey bucketKey(PlannedDatabase database) {
        return BucketKey.of(app.settings(), database.database());
    }

    /** This environment, then each overlay's: every place the app's databases are replicated to. */
    public List<ResolvedApp> environments() {
        List<ResolvedApp> all = new ArrayList<>(List.of(this));
        all.addAll(overlays);
        return all;
    }
}
