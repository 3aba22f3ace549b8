package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.litestream.SqliteFiles;
import dev.vixens.ls.source.YamlNodes;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code not-sqlite-path}: Litestream replicates SQLite databases; a path such as {@code store.kv} or a
 * {@code -wal} file is worth a second look. {@code no-replica}: a database listed without any replica this
 * version reads is not backed up at all.
 */
final class DatabasePathRule implements ConfigRule {

    @Override
    public void check(LintedConfig config, List<Finding> out) {
        for (LintedConfig.Database db : config.databases()) {
            db.path().ifPresent(path -> {
                String text = path.getValue();
                if (EnvValues.usesEnv(text) || text.isBlank()) {
                    return;
                }
                if (SqliteFiles.isSideFile(text)) {
                    out.add(Finding.of(Rule.NOT_SQLITE_PATH, config.at(path), "'" + text + "' is a SQLite side"
                            + " file, not a database; list the database itself"));
                } else if (!SqliteFiles.hasSqliteExtension(text)) {
                    out.add(Finding.of(Rule.NOT_SQLITE_PATH, config.at(path), "'" + text + "' does not look like"
                            + " a SQLite database (" + String.join(", ", SqliteFiles.EXTENSIONS.subList(0, 3))
                            + "); Litestream replicates SQLite databases only: make sure this file is one"));
                }
            });
            // a replica under a key the release does not read is reported as an ignored key already
            boolean ignoredReplica = Stream.of("replica", "replicas")
                    .anyMatch(key -> !config.reads(Level.DATABASE, key) && YamlNodes.entry(db.node(), key).isPresent());
            if (db.replicas().isEmpty() && !ignoredReplica) {
                out.add(Finding.of(Rule.NO_REPLICA, config.at(db.node()), "database "
                        + db.pathText().map(p -> p + " ").orElse("") + "has no replica ("
                        + config.release().replicaKey() + ":): it is not backed up"));
            }
        }
    }
}
