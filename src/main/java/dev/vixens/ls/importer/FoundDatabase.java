package dev.vixens.ls.importer;

import dev.vixens.ls.importer.OldLitestreamConfig.OldReplica;
import dev.vixens.ls.source.Location;
import java.util.Optional;

/**
 * A database import found, and where.
 *
 * @param foundBy empty for a database the old config replicates; else what named it (a cleanup container's
 *     name, or {@code --profile})
 */
record FoundDatabase(String path, Location at, Optional<OldReplica> replica, String foundBy) {

    boolean replicated() {
        return foundBy.isEmpty();
    }
}
