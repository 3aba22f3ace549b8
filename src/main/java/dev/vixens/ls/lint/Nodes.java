package dev.vixens.ls.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reading composed YAML nodes (snakeyaml-engine), which keep the position of every key and value. */
final class Nodes {

    private Nodes() {
    }

    /** The entry for {@code key}; the last one when a key is repeated, as Go's YAML decoder keeps. */
    static Optional<NodeTuple> entry(Node mapping, String key) {
        NodeTuple found = null;
        if (mapping instanceof MappingNode m) {
            for (NodeTuple tuple : m.getValue()) {
                if (key.equals(key(tuple))) {
                    found = tuple;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    static Optional<Node> value(Node mapping, String key) {
        return entry(mapping, key).map(NodeTuple::getValueNode);
    }

    /** The value of {@code key} when it is a scalar. */
    static Optional<String> text(Node mapping, String key) {
        return value(mapping, key).flatMap(Nodes::text);
    }

    static Optional<String> text(Node node) {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /** The key as text; null for a key that is not a scalar (YAML allows it, no Litestream config uses it). */
    static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    static List<NodeTuple> entries(Node mapping) {
        return mapping instanceof MappingNode m ? m.getValue() : List.of();
    }

    /** The mapping items of a sequence (other items are skipped; the caller reports them). */
    static List<MappingNode> mappings(Node sequence) {
        List<MappingNode> out = new ArrayList<>();
        if (sequence instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                if (item instanceof MappingNode m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    static List<Node> items(Node sequence) {
        return sequence instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** {@code $NAME} or {@code ${NAME}} and nothing else: Litestream takes the value from the environment. */
    static boolean isEnvReference(String value) {
        return value.matches("\\$(\\{[A-Za-z_][A-Za-z0-9_]*\\}|[A-Za-z_][A-Za-z0-9_]*)");
    }

    /** Whether the value is expanded from the environment, wholly or in part: its meaning is not in the file. */
    static boolean usesEnv(String value) {
        return value.matches(".*\\$(\\{[A-Za-z_][A-Za-z0-9_]*\\}|[A-Za-z_]).*");
    }
}
