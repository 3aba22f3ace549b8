package dev.vixens.ls.plan;

import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.IntegrityDepth;

/** What happens to one database: replicated with these values, or cleaned at start. */
public sealed interface BackupPolicy permits BackupPolicy.Replicated, BackupPolicy.Ephemeral {

    record Replicated(Setting<GoDuration> syncInterval, Setting<GoDuration> snapshotInterval,
            Setting<GoDuration> retention, Setting<IntegrityDepth> integrityCheck) implements BackupPolicy {
    }

    record Ephemeral() implements BackupPolicy {
    }
}
