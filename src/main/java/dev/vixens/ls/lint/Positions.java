package dev.vixens.ls.lint;

import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Turns positions inside a parsed config into positions in the file the user opens. A config embedded in a
 * ConfigMap as a literal block ({@code |}) keeps its lines: line {@code n} of the config is line
 * {@code n} after the block's header, indented by the block's indentation. Any other scalar style folds or
 * escapes the text, so its findings point at the start of the value.
 */
final class Positions {

    /** A literal block header: {@code |}, optional chomping and optional explicit indentation, either order. */
    private static final Pattern BLOCK_HEADER = Pattern.compile("^\\|[+-]?([1-9])?[+-]?");

    private final SourceFile file;
    private final int lineOffset;
    private final int columnOffset;
    private final Location fixed;

    private Positions(SourceFile file, int lineOffset, int columnOffset, Location fixed) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.columnOffset = columnOffset;
        this.fixed = fixed;
    }

    /** A config that is the file itself (or one document of it). */
    static Positions direct(SourceFile file) {
        return new Positions(file, 0, 0, null);
    }

    /**
     * A config held in {@code value}, the scalar under {@code keyNode} (e.g. {@code litestream.yml:} in a
     * ConfigMap's data).
     */
    static Positions embedded(SourceFile file, Node keyNode, ScalarNode value) {
        Positions outer = direct(file);
        Location start = outer.of(value);
        Optional<Mark> mark = value.getStartMark();
        if (value.getScalarStyle() != ScalarStyle.LITERAL || mark.isEmpty()) {
            return new Positions(file, 0, 0, start);
        }
        List<String> lines = file.lines();
        int headerLine = mark.get().getLine();
        if (headerLine >= lines.size()) {
            return new Positions(file, 0, 0, start);
        }
        String headerText = lines.get(headerLine);
        String header = headerText.substring(Math.min(mark.get().getColumn(), headerText.length()));
        Matcher explicit = BLOCK_HEADER.matcher(header);
        int indent = -1;
        if (explicit.find() && explicit.group(1) != null) {
            int parent = keyNode.getStartMark().map(Mark::getColumn).orElse(0);
            indent = parent + Integer.parseInt(explicit.group(1));
        } else {
            for (int i = headerLine + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.isBlank()) {
                    indent = line.length() - line.stripLeading().length();
                    break;
                }
            }
        }
        if (indent < 0) {
            return new Positions(file, 0, 0, start);
        }
        return new Positions(file, headerLine + 1, indent, null);
    }

    Location of(Node node) {
        return node.getStartMark().map(this::of).orElse(start());
    }

    /** Where the config starts: the first line of the block, or the value it could not be mapped into. */
    Location start() {
        return fixed != null ? fixed : file.at(lineOffset + 1, columnOffset + 1);
    }

    Location of(Mark mark) {
        if (fixed != null) {
            return fixed;
        }
        return file.at(lineOffset + mark.getLine() + 1, columnOffset + mark.getColumn() + 1);
    }

    SourceFile file() {
        return file;
    }
}
