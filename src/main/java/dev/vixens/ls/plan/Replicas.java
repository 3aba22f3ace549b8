package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;

/**
 * Where each database is replicated: {@code s3://$BUCKET/[<replicaPrefix>/]<replicaPath>} at
 * {@code $ENDPOINT} (or the descriptor's literal {@code bucket} and {@code endpoint}).
 */
final class Replicas {

    private Replicas() {
    }

    static LitestreamProcess.Replica of(PlannedDatabase db, Settings settings) {
        BackupPolicy.Replicated policy = db.replication();
        return new LitestreamProcess.Replica(db.path(), url(settings, db.database().replicaPath()),
                endpoint(settings), db.profile().name(), policy.syncInterval().value(),
                policy.snapshotInterval().value(), policy.retention().value(), db.overrideSummary());
    }

    /** Spaces are the only allowed path character a URL cannot carry as is; Litestream decodes %20. */
    static String url(Settings settings, String replicaPath) {
        return "s3://" + settings.bucketReference() + "/" + prefixed(settings, replicaPath.replace(" ", "%20"));
    }

    static String prefixed(Settings settings, String path) {
        String prefix = settings.replicaPrefix().replace(" ", "%20");
        return prefix.isEmpty() ? path : prefix + "/" + path;
    }

    static String endpoint(Settings settings) {
        return settings.endpointReference();
    }
}
