package dev.vixens.ls.lint;

import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlNodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Two writers, one replica. {@code duplicate-replica}: two databases (in any linted configs) replicating
 * to the same bucket path overwrite each other's backups; paths that come from the environment are
 * templates and not compared. {@code duplicate-database}: one database listed twice in one config, or in
 * two configs of one pod (the same ConfigMap), is replicated by two loops into one history.
 */
final class DuplicateRule implements CorpusRule {

    private record Seen(Location location, String database) {
    }

    private record Listed(Location location, LintedConfig config) {
    }

    @Override
    public void check(List<LintedConfig> configs, List<Finding> out) {
        Map<String, Seen> targets = new HashMap<>();
        Map<String, Listed> databases = new HashMap<>();
        for (LintedConfig config : configs) {
            for (LintedConfig.Database db : config.databases()) {
                String name = db.pathText().orElse("a database");
                db.path().filter(p -> !EnvValues.usesEnv(p.getValue())).ifPresent(path -> {
                    Location here = config.at(path);
                    Listed first = databases.putIfAbsent(config.group() + "\n" + path.getValue(),
                            new Listed(here, config));
                    if (first != null) {
                        out.add(Finding.of(Rule.DUPLICATE_DATABASE, here, "database " + path.getValue()
                                + " is already listed at " + first.location() + (first.config() == config ? ""
                                : ", in another config of the same ConfigMap")
                                + "; two replication loops write one database's history"));
                    }
                });
                for (MappingNode replica : db.replicas()) {
                    Replicas.target(replica).ifPresent(target -> {
                        Node node = YamlNodes.child(replica, "url").or(() -> YamlNodes.child(replica, "path"))
                                .orElse(replica);
                        Location here = config.at(node);
                        Seen first = targets.putIfAbsent(target, new Seen(here, name));
                        if (first != null) {
                            out.add(Finding.of(Rule.DUPLICATE_REPLICA, here, "replica " + target + " of " + name
                                    + " is already the replica of " + first.database() + " at " + first.location()
                                    + "; two writers to one replica path overwrite each other's backups"));
                        }
                    });
                }
            }
        }
    }
}
