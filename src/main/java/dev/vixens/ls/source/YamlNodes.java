package dev.vixens.ls.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The one way to read a composed YAML node (snakeyaml-engine, which keeps the position of every key and value):
 * import, init, lint, the Kustomize readers and the locator of bound files all walk nodes through here, so a
 * repeated key or a value of an unexpected shape means the same thing everywhere. Binding a document to records
 * is Jackson's job ({@link YamlBinder}); this is for structure and positions.
 */
public final class YamlNodes {

    private YamlNodes() {
    }

    /** The entry for {@code key}; the last one when a key is repeated, as Go's YAML decoders keep. */
    public static Optional<NodeTuple> entry(Node mapping, String key) {
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

    /** The value under {@code key} of a mapping node. */
    public static Optional<Node> child(Node mapping, String key) {
        return entry(mapping, key).map(NodeTuple::getValueNode);
    }

    /** Follows a path of mapping keys. */
    public static Optional<Node> path(Node node, String... keys) {
        Optional<Node> current = Optional.of(node);
        for (String key : keys) {
            current = current.flatMap(n -> child(n, key));
        }
        return current;
    }

    public static Optional<String> text(Node node) {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /** The value of {@code key} when it is a scalar. */
    public static Optional<String> text(Node mapping, String key) {
        return child(mapping, key).flatMap(YamlNodes::text);
    }

    /** The key as text; null for a key that is not a scalar (YAML allows it, no file vixens-ls reads uses it). */
    public static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /** The entries of a mapping node with their key nodes, in order; none for anything else. */
    public static List<NodeTuple> entries(Node mapping) {
        return mapping instanceof MappingNode m ? m.getValue() : List.of();
    }

    public static List<Node> items(Node sequence) {
        return sequence instanceof SequenceNode s ? s.getValue() : List.of();
    }

    public static List<Node> items(Optional<Node> sequence) {
        return sequence.map(YamlNodes::items).orElse(List.of());
    }

    /** The mapping items of a sequence (other items are skipped; the caller reports them). */
    public static List<MappingNode> mappings(Node sequence) {
        List<MappingNode> out = new ArrayList<>();
        for (Node item : items(sequence)) {
            if (item instanceof MappingNode m) {
                out.add(m);
            }
        }
        return out;
    }

    /** The scalar items of a sequence, as text. */
    public static List<String> strings(Optional<Node> sequence) {
        List<String> out = new ArrayList<>();
        for (Node item : items(sequence)) {
            text(item).ifPresent(out::add);
        }
        return out;
    }
}
