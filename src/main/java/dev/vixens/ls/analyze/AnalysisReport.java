package dev.vixens.ls.analyze;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code analyze}, shaped for both the table and {@code --format json}: plain values only,
 * times as ISO-8601 text, sizes in bytes.
 *
 * @param unrecognised objects under the prefix that belong to no Litestream replica
 * @param versioning the bucket's versioning state ({@link BucketVersioning}); {@link BucketVersioning#NOT_CHECKED} until set
 */
public record AnalysisReport(String bucket, String prefix, int objects, List<DatabaseReport> databases,
        int unrecognised, BucketVersioning versioning) {

    public AnalysisReport {
        databases = List.copyOf(databases);
    }

    public AnalysisReport(String bucket, String prefix, int objects, List<DatabaseReport> databases,
            int unrecognised) {
        this(bucket, prefix, objects, databases, unrecognised, BucketVersioning.NOT_CHECKED);
    }

    public AnalysisReport withVersioning(BucketVersioning checked) {
        return new AnalysisReport(bucket, prefix, objects, databases, unrecognised, checked);
    }

    /**
     * One replica (or one declared database without objects).
     *
     * @param app the app (from its descriptor, else the replica root's first segment)
     * @param database the database path from the descriptor, null for replicas no descriptor declares
     * @param declaredProfile null when no descriptor declares it
     * @param recommendedProfile from the measured write activity, null when there is none
     * @param projectedBytes projected storage under each backed-up profile, in the catalog's order
     * @param restore what a restore downloads now (compressed: less than the database file it writes)
     * @param declaredSize the descriptor's {@code expectedSize}, null when it declares none
     */
    public record DatabaseReport(String app, String database, String replica, String format, int generations,
            int snapshots, long snapshotBytes, long averageSnapshotBytes, int changeFiles, long changeBytes,
            double changeFilesPerDay, String oldest, String newest, String declaredProfile,
            String recommendedProfile, boolean mismatch, Map<String, Long> projectedBytes, RestoreSize restore,
            DeclaredSize declaredSize, List<String> notes) {

        public DatabaseReport {
            projectedBytes = Collections.unmodifiableMap(new LinkedHashMap<>(projectedBytes));
            notes = List.copyOf(notes);
        }
    }
}
