package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A Litestream config as the version that will read it sees it: which mappings it reads at which level,
 * and which databases and replicas it replicates (a 0.3 {@code replica:} is not one of them).
 *
 * @param group configs of one group share a pod (one ConfigMap)
 */
record LintedConfig(FoundConfig found, LitestreamVersion version, String group) {

    /** A mapping the version reads, and its level. */
    record Scope(Level level, MappingNode node) {
    }

    /** A database entry with what the version reads of it. */
    record Database(MappingNode node, Optional<ScalarNode> path, List<MappingNode> replicas,
            Optional<MappingNode> snapshot) {

        Optional<String> pathText() {
            return path.map(ScalarNode::getValue);
        }
    }

    Location at(Node node) {
        return found.positions().of(node);
    }

    Node root() {
        return found.root();
    }

    /** The release whose facts apply (the newest known of its line for a newer one allowed by the opt-in). */
    Release release() {
        return version.release();
    }

    /** Whether the release reads {@code key} at {@code level}. */
    boolean reads(Level level, String key) {
        return release().reads(level, key);
    }

    /** Every mapping the version reads, from the top level down to the replicas. */
    List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>();
        if (!(root() instanceof MappingNode top)) {
            return scopes;
        }
        scopes.add(new Scope(Level.TOP, top));
        block(top, Level.LOGGING, scopes);
        block(top, Level.SNAPSHOT, scopes);
        block(top, Level.VALIDATION, scopes);
        block(top, Level.RETENTION, scopes);
        for (Database db : databases()) {
            scopes.add(new Scope(Level.DATABASE, db.node()));
            db.snapshot().ifPresent(m -> scopes.add(new Scope(Level.SNAPSHOT, m)));
            for (MappingNode replica : db.replicas()) {
                scopes.add(new Scope(Level.REPLICA, replica));
            }
        }
        return scopes;
    }

    List<Database> databases() {
        List<Database> databases = new ArrayList<>();
        for (MappingNode db : YamlNodes.mappings(YamlNodes.child(root(), "dbs").orElse(null))) {
            Optional<ScalarNode> path = YamlNodes.child(db, "path")
                    .filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
            List<MappingNode> replicas = new ArrayList<>();
            if (reads(Level.DATABASE, "replica")) {
                mapping(db, "replica").ifPresent(replicas::add);
            }
            if (reads(Level.DATABASE, "replicas")) {
                replicas.addAll(YamlNodes.mappings(YamlNodes.child(db, "replicas").orElse(null)));
            }
            Optional<MappingNode> snapshot = reads(Level.DATABASE, "snapshot")
                    ? mapping(db, "snapshot") : Optional.empty();
            databases.add(new Database(db, path, replicas, snapshot));
        }
        return databases;
    }

    /** A top-level block named like its level ({@code logging:}, {@code snapshot:}, ...), when the release reads it. */
    private void block(MappingNode top, Level level, List<Scope> scopes) {
        if (reads(Level.TOP, level.tableName())) {
            mapping(top, level.tableName()).ifPresent(m -> scopes.add(new Scope(level, m)));
        }
    }

    static Optional<MappingNode> mapping(Node parent, String key) {
        return YamlNodes.child(parent, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    static Optional<NodeTuple> entry(Node parent, String key) {
        return YamlNodes.entry(parent, key);
    }
}
