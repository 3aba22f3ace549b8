package dev.vixens.ls.lint;

import dev.vixens.ls.lint.LintedConfig.Scope;
import dev.vixens.ls.litestream.KeyType;
import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.source.YamlNodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code unparseable-value}: values the release's decoder rejects, so Litestream does not start: a key of the
 * release table read with a value of the wrong shape (a mapping where a list goes, a list where a duration
 * goes), and a duration Go cannot parse. Among them the 0.5.8 trap: a top-level {@code retention: 72h}, ignored
 * before, is a parse error once top-level {@code retention} became a block.
 */
final class ValueRule implements ConfigRule {

    /** How messages describe the shapes the config's structure needs. */
    private static final Map<String, String> SHAPES = Map.of(
            "dbs", "a list of databases",
            "replicas", "a list of replicas",
            "replica", "a mapping (url: ..., ...)",
            "path", "a file path");

    @Override
    public void check(LintedConfig config, List<Finding> out) {
        Node root = config.root();
        if (!(root instanceof MappingNode)) {
            out.add(problem(config, root, "a Litestream config is a mapping (addr, dbs, ...)"));
            return;
        }
        for (Node db : YamlNodes.items(YamlNodes.child(root, "dbs").orElse(null))) {
            if (!(db instanceof MappingNode)) {
                out.add(problem(config, db, "a database is a mapping (path: ..., replicas: ...)"));
                continue;
            }
            for (Node replica : YamlNodes.items(YamlNodes.child(db, "replicas").orElse(null))) {
                if (!(replica instanceof MappingNode)) {
                    out.add(problem(config, replica, "a replica is a mapping (url: ..., ...)"));
                }
            }
        }
        topLevelRetention(config, out);
        for (Scope scope : config.scopes()) {
            for (NodeTuple entry : scope.node().getValue()) {
                String key = YamlNodes.key(entry);
                Optional<KeyType> type = key == null ? Optional.empty() : config.release().type(scope.level(), key);
                if (type.isPresent() && !(scope.level() == Level.TOP && key.equals("retention"))) {
                    shape(config, scope.level(), key, type.get(), entry.getValueNode(), out);
                }
            }
        }
    }

    private static void shape(LintedConfig config, Level level, String key, KeyType type, Node value,
            List<Finding> out) {
        if (isNull(value)) {
            return;
        }
        switch (type) {
            case MAPPING -> {
                if (!(value instanceof MappingNode)) {
                    out.add(problem(config, value, key + " must be " + SHAPES.getOrDefault(key, mapping(config, key))));
                }
            }
            case LIST -> {
                if (!(value instanceof SequenceNode)) {
                    out.add(problem(config, value, key + " must be " + SHAPES.getOrDefault(key, "a list")));
                }
            }
            case DURATION -> {
                Optional<String> text = YamlNodes.text(value);
                if (text.isEmpty()) {
                    out.add(problem(config, value, key + " " + level.phrase() + " must be a duration such as 1h"));
                } else if (!EnvValues.usesEnv(text.get())) {
                    Durations.problem(text.get()).ifPresent(why -> out.add(problem(config, value, key + " "
                            + level.phrase() + ": " + why)));
                }
            }
            default -> {
                if (!(value instanceof ScalarNode)) {
                    out.add(problem(config, value, key + " must be " + SHAPES.getOrDefault(key, "a single value")));
                }
            }
        }
    }

    /** {@code a mapping (level, type, stderr)}: a block's keys as the release reads them. */
    private static String mapping(LintedConfig config, String key) {
        for (Level level : Level.values()) {
            if (level.tableName().equals(key) && !config.release().keys(level).isEmpty()) {
                return "a mapping (" + String.join(", ", config.release().keys(level)) + ")";
            }
        }
        return "a mapping";
    }

    private static void topLevelRetention(LintedConfig config, List<Finding> out) {
        Optional<NodeTuple> retention = YamlNodes.entry(config.root(), "retention");
        if (retention.isEmpty() || config.release().type(Level.TOP, "retention").orElse(null) != KeyType.MAPPING) {
            return;
        }
        Node value = retention.get().getValueNode();
        if (value instanceof ScalarNode && !isNull(value)) {
            String since = ReleaseTable.get().readers(Level.TOP, "retention").get(0).version();
            out.add(Finding.of(Rule.UNPARSEABLE_VALUE, config.at(value),
                    "retention at the top level is a block ({enabled: true|false}) from Litestream " + since + "; "
                            + config.version().text() + " cannot parse a duration there and does not start; put the"
                            + " retention in snapshot.retention"));
        } else if (!(value instanceof MappingNode) && !isNull(value)) {
            out.add(problem(config, value, "retention must be " + mapping(config, "retention")));
        }
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
