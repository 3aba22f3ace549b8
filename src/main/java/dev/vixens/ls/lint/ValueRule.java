package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.LitestreamVersion;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code unparseable-value}: values the version's decoder rejects, so Litestream does not start. Among
 * them the 0.5.8 trap: a top-level {@code retention: 72h}, valid before, is a parse error once top-level
 * {@code retention} became a block.
 */
final class ValueRule implements ConfigRule {

    @Override
    public void check(LintedConfig config, List<Finding> out) {
        Node root = config.root();
        if (!(root instanceof MappingNode)) {
            out.add(problem(config, root, "a Litestream config is a mapping (addr, dbs, ...)"));
            return;
        }
        expect(config, root, "dbs", SequenceNode.class, "a list of databases", out);
        for (Node db : Nodes.items(Nodes.value(root, "dbs").orElse(null))) {
            if (!(db instanceof MappingNode)) {
                out.add(problem(config, db, "a database is a mapping (path: ..., replicas: ...)"));
                continue;
            }
            expect(config, db, "path", ScalarNode.class, "a file path", out);
            expect(config, db, "replicas", SequenceNode.class, "a list of replicas", out);
            for (Node replica : Nodes.items(Nodes.value(db, "replicas").orElse(null))) {
                if (!(replica instanceof MappingNode)) {
                    out.add(problem(config, replica, "a replica is a mapping (url: ..., ...)"));
                }
            }
            if (config.is05()) {
                expect(config, db, "replica", MappingNode.class, "a mapping (url: ..., ...)", out);
            }
        }
        expect(config, root, "logging", MappingNode.class, "a mapping (level, type, stderr)", out);
        if (config.is05()) {
            expect(config, root, "snapshot", MappingNode.class, "a mapping (interval, retention)", out);
            expect(config, root, "validation", MappingNode.class, "a mapping (interval)", out);
            topLevelRetention(config, out);
        }
        for (LintedConfig.Scope scope : config.scopes()) {
            for (String key : KeyCatalog.durations(config.version(), scope.level())) {
                Optional<NodeTuple> entry = Nodes.entry(scope.node(), key);
                if (entry.isEmpty()) {
                    continue;
                }
                Node value = entry.get().getValueNode();
                Optional<String> text = Nodes.text(value);
                if (text.isEmpty()) {
                    out.add(problem(config, value, key + " " + scope.level().phrase() + " must be a duration such"
                            + " as 1h"));
                } else if (!Nodes.usesEnv(text.get())) {
                    Durations.problem(text.get()).ifPresent(why -> out.add(problem(config, value, key + " "
                            + scope.level().phrase() + ": " + why)));
                }
            }
        }
    }

    private static void topLevelRetention(LintedConfig config, List<Finding> out) {
        Optional<NodeTuple> retention = Nodes.entry(config.root(), "retention");
        if (retention.isPresent() && config.version() instanceof LitestreamVersion.V05 v
                && v.topLevelRetentionIsStruct() && retention.get().getValueNode() instanceof ScalarNode) {
            out.add(Finding.of(Rule.UNPARSEABLE_VALUE, config.at(retention.get().getValueNode()),
                    "retention at the top level is a block ({enabled: true|false}) from Litestream 0.5.8; "
                            + v.text() + " cannot parse a duration there and does not start; put the"
                            + " retention in snapshot.retention"));
        }
    }

    private static void expect(LintedConfig config, Node parent, String key, Class<? extends Node> type,
            String what, List<Finding> out) {
        Nodes.value(parent, key).filter(value -> !type.isInstance(value) && !isNull(value))
                .ifPresent(value -> out.add(problem(config, value, key + " must be " + what)));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && (scalar.getValue().isEmpty() || scalar.getValue().equals("~")
                || scalar.getValue().equals("null")) && scalar.isPlain();
    }

    private static Finding problem(LintedConfig config, Node node, String message) {
        return Finding.of(Rule.UNPARSEABLE_VALUE, config.at(node), message + "; Litestream "
                + config.version().text() + " cannot parse it and does not start");
    }
}
