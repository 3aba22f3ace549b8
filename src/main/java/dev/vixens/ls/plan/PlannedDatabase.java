package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor.Database;
import dev.vixens.ls.profile.IntegrityDepth;
import dev.vixens.ls.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/** A declared database with its profile applied. */
public record PlannedDatabase(Database database, Profile profile, BackupPolicy policy) {

    public String path() {
        return database.path();
    }

    public String name() {
        return database.name();
    }

    public boolean replicated() {
        return policy instanceof BackupPolicy.Replicated;
    }

    public BackupPolicy.Replicated replication() {
        if (policy instanceof BackupPolicy.Replicated replicated) {
            return replicated;
        }
        throw new IllegalStateException(path() + " is not replicated");
    }

    public boolean integrityChecked() {
        return integrityDepth() != IntegrityDepth.OFF;
    }

    /** The depth of its start-up check; off for a database that is not replicated. */
    public IntegrityDepth integrityDepth() {
        return policy instanceof BackupPolicy.Replicated r ? r.integrityCheck().value() : IntegrityDepth.OFF;
    }

    /** "retention 720h, integrityCheck full" for the overrides of this database, empty when none. */
    public List<String> overrideSummary() {
        List<String> out = new ArrayList<>();
        if (policy instanceof BackupPolicy.Replicated r) {
            if (r.syncInterval().overridden()) {
                out.add("syncInterval " + r.syncInterval().value());
            }
            if (r.snapshotInterval().overridden()) {
                out.add("snapshotInterval " + r.snapshotInterval().value());
            }
            if (r.retention().overridden()) {
                out.add("retention " + r.retention().value());
            }
            if (r.integrityCheck().overridden()) {
                out.add("integrityCheck " + r.integrityCheck().value());
            }
        }
        return out;
    }
}
