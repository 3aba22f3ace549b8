package dev.vixens.ls.source;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds the line and column of a value in a YAML file that has already been bound successfully.
 *
 * <p>Binding (Jackson) does not keep positions, and semantic checks (unknown profile, duplicate path) happen
 * after binding. Only when such a check fails is the text composed again, here, to point at the offending
 * node; the happy path never pays for it.
 */
public final class YamlLocator {

    private YamlLocator() {
    }

    /** The position of the value at {@code path}, or of its deepest existing ancestor. */
    public static Location locate(SourceFile source, YamlPath path) {
        return locate(source, path, false);
    }

    /** The position of the key that holds the value at {@code path} (for "unknown key" style messages). */
    public static Location locateKey(SourceFile source, YamlPath path) {
        return locate(source, path, true);
    }

    /** Whether the file has a key or item at exactly {@code path} (its value may be empty). */
    public static boolean has(SourceFile source, YamlPath path) {
        return find(source, path, false).depth() == path.segments().size();
    }

    private static Location locate(SourceFile source, YamlPath path, boolean key) {
        Found found = find(source, path, key);
        return found.node() == null ? source.start() : found.node().getStartMark()
                .map(mark -> toLocation(source, mark))
                .orElse(source.start());
    }

    /** The deepest node along {@code path} (or its key node), and how many segments of the path it matched. */
    private record Found(Node node, int depth) {
    }

    private static Found find(SourceFile source, YamlPath path, boolean key) {
        Optional<Node> root;
        try {
            root = Yaml.composeFirst(source.text(), source.displayName(), Yaml.Limits.OWN_FILE);
        } catch (RuntimeException e) {
            return new Found(null, -1);
        }
        if (root.isEmpty()) {
            return new Found(null, -1);
        }
        Node node = root.get();
        Node keyNode = null;
        int depth = 0;
        for (Object segment : path.segments()) {
            Node next = null;
            Node nextKey = null;
            if (segment instanceof Integer index && node instanceof SequenceNode sequence) {
                if (index < sequence.getValue().size()) {
                    next = sequence.getValue().get(index);
                }
            } else if (segment instanceof String name && node instanceof MappingNode mapping) {
                Optional<NodeTuple> tuple = YamlNodes.entry(mapping, name);
                next = tuple.map(NodeTuple::getValueNode).orElse(null);
                nextKey = tuple.map(NodeTuple::getKeyNode).orElse(null);
            }
            if (next == null) {
                break;
            }
            node = next;
            keyNode = nextKey;
            depth++;
        }
        return new Found(key && keyNode != null ? keyNode : node, depth);
    }

    private static Location toLocation(SourceFile source, Mark mark) {
        return source.at(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
