package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.source.Location;
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

    boolean is05() {
        return version instanceof LitestreamVersion.V05;
    }

    /** Every mapping the version reads, from the top level down to the replicas. */
    List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>();
        if (!(root() instanceof MappingNode top)) {
            return scopes;
        }
        scopes.add(new Scope(Level.TOP, top));
        mapping(top, "logging").ifPresent(m -> scopes.add(new Scope(Level.LOGGING, m)));
        if (is05()) {
            mapping(top, "snapshot").ifPresent(m -> scopes.add(new Scope(Level.SNAPSHOT, m)));
            mapping(top, "validation").ifPresent(m -> scopes.add(new Scope(Level.VALIDATION, m)));
            if (KeyCatalog.known(version, Level.TOP).contains("retention")) {
                mapping(top, "retention").ifPresent(m -> scopes.add(new Scope(Level.RETENTION, m)));
            }
        }
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
        for (MappingNode db : Nodes.mappings(Nodes.value(root(), "dbs").orElse(null))) {
            Optional<ScalarNode> path = Nodes.value(db, "path")
                    .filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
            List<MappingNode> replicas = new ArrayList<>();
            if (is05()) {
                mapping(db, "replica").ifPresent(replicas::add);
            }
            replicas.addAll(Nodes.mappings(Nodes.value(db, "replicas").orElse(null)));
            Optional<MappingNode> snapshot = KeyCatalog.known(version, Level.DATABASE).contains("snapshot")
                    ? mapping(db, "snapshot") : Optional.empty();
            databases.add(new Database(db, path, replicas, snapshot));
        }
        return databases;
    }

    static Optional<MappingNode> mapping(Node parent, String key) {
        return Nodes.value(parent, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    static Optional<NodeTuple> entry(Node parent, String key) {
        return Nodes.entry(parent, key);
    }
}
