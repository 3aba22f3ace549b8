package dev.vixens.ls.descriptor;

import dev.vixens.ls.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * One application's backup descriptor after validation: every name and path checked, defaults applied.
 *
 * @param directory the app's directory, relative to the repository root, '/'-separated
 * @param overlays the overlays that replicate with settings of their own, by overlay directory name
 */
public record AppDescriptor(String app, String namespace, Workload workload, DataVolume volume,
        List<Database> databases, Settings settings, SourceFile source, String directory, Optional<Drill> drill,
        List<OverlaySettings> overlays) {

    public AppDescriptor {
        databases = List.copyOf(databases);
        overlays = List.copyOf(overlays);
    }

    /** The app as one of its overlays runs it: that overlay's settings, and no overlays of its own. */
    public AppDescriptor forOverlay(OverlaySettings overlay) {
        return new AppDescriptor(app, namespace, workload, volume, databases, overlay.settings(), source, directory,
                drill, List.of());
    }

    /**
     * An overlay that replicates apart from the others (descriptor key {@code overlays.<name>}).
     *
     * @param name the overlay directory's name
     * @param settings the app's settings with the overlay's replica prefix, Secret and bucket variable applied
     */
    public record OverlaySettings(String name, Settings settings) {
    }

    public enum WorkloadKind {
        DEPLOYMENT("Deployment"), STATEFUL_SET("StatefulSet");

        private final String kind;

        WorkloadKind(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    /** The restore drill's CronJob schedule (standard five-field cron, or a macro such as {@code @weekly}). */
    public record Drill(String schedule) {
    }

    /** The Deployment or StatefulSet in the app's base that runs the application. */
    public record Workload(WorkloadKind kind, String name, String container) {
    }

    /** The volume in the base workload that holds the databases, and where it is mounted. */
    public record DataVolume(String name, String mountPath) {
    }

    /**
     * One declared SQLite database.
     *
     * @param index position in the descriptor's list, for messages
     * @param name short DNS-safe name used in container names ({@code restore-<name>})
     * @param replicaPath key prefix in the bucket, relative to the bucket root
     * @param expectedSize how large the database is expected to grow ({@code expectedSize}), for the start-up
     *     estimate; empty when the descriptor does not say
     */
    public record Database(int index, String path, String name, String replicaPath, String profile,
            Overrides overrides, Optional<ExpectedSize> expectedSize) {
    }

    /**
     * A database's declared size, as written ({@code 2Gi}) and in bytes: what the start-up estimate
     * (docs/startup-budget.md) multiplies by the time a restore and an integrity check take per MiB.
     */
    public record ExpectedSize(String text, long bytes) {
    }

    /** Per-database changes to its profile's values, kept as written so outputs can show them. */
    public record Overrides(String syncInterval, String snapshotInterval, String retention,
            java.util.Optional<dev.vixens.ls.profile.IntegrityDepth> integrityCheck) {

        public static final Overrides NONE = new Overrides(null, null, null, java.util.Optional.empty());

        public boolean isEmpty() {
            return this.equals(NONE);
        }
    }
}
