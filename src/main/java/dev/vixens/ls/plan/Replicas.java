package dev.vixens.ls.plan;

import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.descriptor.Settings;

/**
 * Each database's replica in the config: its {@link BucketKey}'s URL in the bucket (the Secret's variable, or
 * the descriptor's literal {@code bucket}), at {@code $ENDPOINT} (or the literal {@code endpoint}).
 */
final class Replicas {

    private Replicas() {
    }

    static LitestreamProcess.Replica of(PlannedDatabase db, Settings settings) {
        BackupPolicy.Replicated policy = db.replication();
        String url = BucketKey.of(settings, db.database()).url(settings.bucketReference());
        return new LitestreamProcess.Replica(db.path(), url, endpoint(settings), db.profile().name(),
                policy.syncInterval().value(), policy.snapshotInterval().value(), policy.retention().value(),
                db.overrideSummary());
    }

    static String endpoint(Settings settings) {
        return settings.endpointReference();
    }
}
