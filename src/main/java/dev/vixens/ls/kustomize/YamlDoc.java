package dev.vixens.ls.kustomize;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.Yaml;
import dev.vixens.ls.source.YamlSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One YAML document of a hand-written manifest, read at node level (snakeyaml-engine) so that everything
 * import reports points at the line and column it came from. A document may be embedded in another file
 * (a {@code litestream.yml} inside a ConfigMap's block scalar); positions are then shifted into that file.
 * Its nodes are read with {@link dev.vixens.ls.source.YamlNodes}.
 *
 * @param lineOffset lines before the document's first line in {@code source} (0 for a whole file)
 * @param columnOffset indentation of an embedded block scalar (0 for a whole file)
 */
public record YamlDoc(SourceFile source, Node root, int lineOffset, int columnOffset) {

    /** Every document of a (multi-document) file; empty documents are skipped. */
    public static List<YamlDoc> readAll(SourceFile source) {
        List<YamlDoc> docs = new ArrayList<>();
        try {
            for (Node node : Yaml.composeAll(source.text(), source.displayName(), Yaml.Limits.MANIFEST)) {
                if (node != null) {
                    docs.add(new YamlDoc(source, node, 0, 0));
                }
            }
        } catch (YamlEngineException e) {
            throw problem(source, 0, 0, e);
        }
        return docs;
    }

    /** The text of a block scalar (a file inside a ConfigMap), read as its own document. */
    public YamlDoc embedded(ScalarNode scalar) {
        int line = 0;
        int column = 0;
        Optional<Mark> mark = scalar.getStartMark();
        if (mark.isPresent() && (scalar.getScalarStyle() == ScalarStyle.LITERAL
                || scalar.getScalarStyle() == ScalarStyle.FOLDED)) {
            // The scalar starts at its '|' indicator; its content starts on the next line, indented.
            line = lineOffset + mark.get().getLine() + 1;
            column = indentationFrom(source.text(), line);
        } else if (mark.isPresent()) {
            line = lineOffset + mark.get().getLine();
            column = columnOffset + mark.get().getColumn();
        }
        try {
            Optional<Node> node = Yaml.composeFirst(scalar.getValue(), source.displayName(), Yaml.Limits.MANIFEST);
            return new YamlDoc(source, node.orElse(new MappingNode(org.snakeyaml.engine.v2.nodes.Tag.MAP,
                    List.of(), org.snakeyaml.engine.v2.common.FlowStyle.BLOCK)), line, column);
        } catch (YamlEngineException e) {
            throw problem(source, line, column, e);
        }
    }

    public Location at(Node node) {
        return node.getStartMark()
                .map(mark -> source.at(lineOffset + mark.getLine() + 1, columnOffset + mark.getColumn() + 1))
                .orElse(source.at(lineOffset + 1, columnOffset + 1));
    }

    private static int indentationFrom(String text, int fromLine) {
        List<String> lines = SourceFile.lines(text);
        for (int i = fromLine; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                int indent = 0;
                while (indent < line.length() && line.charAt(indent) == ' ') {
                    indent++;
                }
                return indent;
            }
        }
        return 0;
    }

    private static InputException problem(SourceFile source, int lineOffset, int columnOffset,
            YamlEngineException e) {
        Location at = source.start();
        if (e instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
            Mark mark = marked.getProblemMark().get();
            at = source.at(lineOffset + mark.getLine() + 1, columnOffset + mark.getColumn() + 1);
        }
        String message = e instanceof MarkedYamlEngineException marked ? marked.getProblem() : e.getMessage();
        return new InputException(at, (e instanceof Yaml.TooDeep ? "" : "invalid YAML: ")
                + YamlSyntax.firstLine(message));
    }
}
