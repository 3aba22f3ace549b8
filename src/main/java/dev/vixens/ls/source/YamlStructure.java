package dev.vixens.ls.source;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Checks the shape of a YAML file before it is bound, on the parser's event stream, where every node still
 * has its exact position: syntax, exactly one document, a mapping at the top, no duplicate keys, no aliases,
 * limited nesting.
 *
 * <p>Aliases are refused outright rather than limited: the binder reads {@code *name} as the text
 * {@code name} instead of the anchored value, so an alias would silently become a wrong value (and a
 * "billion laughs" file is only aliases). No vixens-ls file needs them.
 */
final class YamlStructure {

    /** A descriptor needs five levels (databases[0].overrides.key); twenty leaves room and stops abuse. */
    static final int MAX_DEPTH = 20;

    private final SourceFile source;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private int documents;
    private boolean content;

    private YamlStructure(SourceFile source) {
        this.source = source;
    }

    /**
     * @return true when the file holds a mapping, false when it holds no document at all (empty, only
     *     comments, or an empty document)
     * @throws InputException for anything else, at the offending node
     */
    static boolean check(SourceFile source) {
        return new YamlStructure(source).run();
    }

    private boolean run() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(SourceFile.MAX_BYTES);
        Parser parser = new ParserImpl(new StreamReader(source.text()), options);
        try {
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                visit(parser.getEvent());
            }
        } catch (MarkedYAMLException e) {
            throw YamlSyntax.problem(source, e);
        } catch (YAMLException e) {
            throw new InputException(source.start(), "invalid YAML: " + YamlSyntax.firstLine(e.getMessage()));
        }
        return content;
    }

    private void visit(Event event) {
        switch (event.getEventId()) {
            case DocumentStart -> {
                documents++;
                if (documents > 1) {
                    throw problem(event.getStartMark(), "a second YAML document starts here; a file holds exactly"
                            + " one (remove this '---' and what follows it)");
                }
            }
            case MappingEnd, SequenceEnd -> stack.pop();
            case Alias, Scalar, MappingStart, SequenceStart -> node(event);
            default -> {
                // stream and document ends, comments: nothing to check
            }
        }
    }

    private void node(Event event) {
        if (event instanceof AliasEvent alias) {
            throw problem(event.getStartMark(), "'*" + alias.getAnchor() + "' is a YAML alias; aliases are not"
                    + " supported in vixens-ls files, write the value out");
        }
        Frame parent = stack.peek();
        YamlPath path;
        if (parent == null) {
            if (event instanceof ScalarEvent scalar && scalar.getValue().isEmpty()
                    && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
                return; // "---" with nothing after it: an empty document
            }
            if (!(event instanceof MappingStartEvent)) {
                throw problem(event.getStartMark(), "the file must hold a YAML mapping (key: value lines), not "
                        + kind(event));
            }
            content = true;
            path = YamlPath.ROOT;
        } else if (parent.mapping && parent.expectKey) {
            if (!(event instanceof ScalarEvent scalar)) {
                throw problem(event.getStartMark(), where(parent.path) + "a key must be plain text, not "
                        + kind(event));
            }
            Mark first = parent.keys.putIfAbsent(scalar.getValue(), scalar.getStartMark());
            if (first != null) {
                throw problem(scalar.getStartMark(), parent.path.key(scalar.getValue()) + ": duplicate key; it is"
                        + " already set on line " + (first.getLine() + 1));
            }
            parent.expectKey = false;
            parent.currentKey = scalar.getValue();
            return;
        } else if (parent.mapping) {
            path = parent.path.key(parent.currentKey);
            parent.expectKey = true;
        } else {
            path = parent.path.index(parent.nextIndex++);
        }
        if (event instanceof MappingStartEvent || event instanceof SequenceStartEvent) {
            if (stack.size() >= MAX_DEPTH) {
                String top = path.segments().isEmpty() ? "" : path.segments().get(0) + ": ";
                throw problem(event.getStartMark(), top + "YAML nested more than " + MAX_DEPTH + " levels deep;"
                        + " a vixens-ls file needs only a few");
            }
            stack.push(new Frame(path, event instanceof MappingStartEvent));
        }
    }

    private static String where(YamlPath path) {
        return path.segments().isEmpty() ? "" : path + ": ";
    }

    private static String kind(Event event) {
        if (event instanceof SequenceStartEvent) {
            return "a list";
        }
        if (event instanceof MappingStartEvent) {
            return "a mapping";
        }
        if (event instanceof ScalarEvent scalar) {
            return "the value " + Problem.quote(scalar.getValue());
        }
        return "an alias";
    }

    private InputException problem(Mark mark, String message) {
        return new InputException(YamlSyntax.at(source, mark), message);
    }

    private static final class Frame {
        final YamlPath path;
        final boolean mapping;
        final Map<String, Mark> keys = new HashMap<>();
        boolean expectKey = true;
        String currentKey;
        int nextIndex;

        Frame(YamlPath path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }
}
