package dev.vixens.ls.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Reads one of vixens-ls's own files (descriptor, profile, repository config) into a tree for binding, on the
 * parser's event stream, where every node still has its exact position: syntax, exactly one document, a
 * mapping at the top, plain-text keys, no duplicate keys, no aliases, no tags, limited nesting, and scalars
 * typed the way every YAML reader types them ({@link YamlScalars}): a value that YAML 1.1 and 1.2 readers
 * read differently ({@code yes}, {@code 010}, {@code 1_000}) is refused here, where it was written.
 *
 * <p>Aliases are refused outright rather than limited: no vixens-ls file needs them, and a "billion laughs"
 * file is only aliases. Tags ({@code !!binary}, {@code !foo}) are refused too: they would change what a value
 * means without anything else in the file saying so; {@code !!str} (text) is the one accepted.
 */
final class YamlTree {

    /** A descriptor needs five levels (databases[0].overrides.key); twenty leaves room and stops abuse. */
    static final int MAX_DEPTH = 20;
    private static final String STR_TAG = "tag:yaml.org,2002:str";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * The file's content, and each scalar's text as written (keyed by JSON pointer), so that a message about
     * a value of the wrong type shows {@code .inf}, not Java's {@code Infinity}.
     */
    record Result(Optional<JsonNode> root, Map<String, String> written) {
    }

    private final SourceFile source;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, String> written = new HashMap<>();
    private JsonNode root;
    private int documents;

    private YamlTree(SourceFile source) {
        this.source = source;
    }

    /**
     * @return the mapping the file holds, or empty when it holds no document at all (empty, only comments,
     *     or an empty document)
     * @throws InputException for anything else, at the offending node
     */
    static Result read(SourceFile source) {
        return new YamlTree(source).run();
    }

    private Result run() {
        Parser parser = Yaml.parser(source.text(), source.displayName(), Yaml.Limits.OWN_FILE);
        try {
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                visit(parser.next());
            }
        } catch (MarkedYamlEngineException e) {
            throw YamlSyntax.problem(source, e);
        } catch (YamlEngineException e) {
            throw new InputException(source.start(), "invalid YAML: " + YamlSyntax.firstLine(e.getMessage()));
        }
        return new Result(Optional.ofNullable(root), written);
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
            throw problem(event.getStartMark(), "'*" + alias.getAlias() + "' is a YAML alias; aliases are not"
                    + " supported in vixens-ls files, write the value out");
        }
        Frame parent = stack.peek();
        YamlPath path;
        if (parent == null) {
            if (event instanceof ScalarEvent scalar && scalar.getValue().isEmpty() && scalar.isPlain()) {
                return; // "---" with nothing after it: an empty document
            }
            if (!(event instanceof MappingStartEvent)) {
                throw problem(event.getStartMark(), "the file must hold a YAML mapping (key: value lines), not "
                        + kind(event));
            }
            path = YamlPath.ROOT;
        } else if (parent.mapping() && parent.expectKey) {
            if (!(event instanceof ScalarEvent scalar)) {
                throw problem(event.getStartMark(), where(parent.path) + "a key must be plain text, not "
                        + kind(event));
            }
            refuseTag(scalar.getTag(), event, parent.path.key(scalar.getValue()));
            if (parent.keys.containsKey(scalar.getValue())) {
                Optional<Mark> first = parent.keys.get(scalar.getValue());
                throw problem(scalar.getStartMark(), parent.path.key(scalar.getValue()) + ": duplicate key; it is"
                        + " already set" + first.map(m -> " on line " + (m.getLine() + 1)).orElse(""));
            }
            parent.keys.put(scalar.getValue(), scalar.getStartMark());
            parent.expectKey = false;
            parent.currentKey = scalar.getValue();
            return;
        } else if (parent.mapping()) {
            path = parent.path.key(parent.currentKey);
        } else {
            path = parent.path.index(parent.array().size());
        }
        JsonNode value;
        if (event instanceof CollectionStartEvent collection) {
            refuseTag(collection.getTag(), event, path);
            if (stack.size() >= MAX_DEPTH) {
                String top = path.segments().isEmpty() ? "" : path.segments().get(0) + ": ";
                throw problem(event.getStartMark(), top + "YAML nested more than " + MAX_DEPTH + " levels deep;"
                        + " a vixens-ls file needs only a few");
            }
            value = event instanceof MappingStartEvent ? NODES.objectNode() : NODES.arrayNode();
        } else {
            value = scalar((ScalarEvent) event, path);
        }
        if (parent == null) {
            root = value;
        } else if (parent.mapping()) {
            parent.object().set(parent.currentKey, value);
            parent.expectKey = true;
        } else {
            parent.array().add(value);
        }
        if (event instanceof CollectionStartEvent) {
            stack.push(new Frame(path, value));
        }
    }

    private JsonNode scalar(ScalarEvent scalar, YamlPath path) {
        String text = scalar.getValue();
        boolean explicitText = refuseTag(scalar.getTag(), scalar, path);
        if (!scalar.isPlain() || explicitText) {
            return NODES.textNode(text);
        }
        YamlScalars.Reading reading = YamlScalars.read(text);
        if (reading.ambiguous()) {
            throw problem(scalar.getStartMark(), path + ": " + Problem.quote(text) + " " + reading.ambiguity());
        }
        written.put(pointer(path), text);
        return switch (reading.type()) {
            case NULL -> NODES.nullNode();
            case BOOLEAN -> NODES.booleanNode(text.equalsIgnoreCase("true"));
            case INTEGER -> integer(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
            case FLOAT -> floating(text);
            case STRING -> NODES.textNode(text);
        };
    }

    private static JsonNode integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    private static JsonNode floating(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return NODES.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (lower.equals(".nan")) {
            return NODES.numberNode(Double.NaN);
        }
        return NODES.numberNode(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    }

    /** Refuses every explicit tag but {@code !!str}; true when the value is tagged as text. */
    private boolean refuseTag(Optional<String> tag, Event event, YamlPath path) {
        if (tag.isEmpty() || tag.get().equals("!")) {
            return false;
        }
        if (tag.get().equals(STR_TAG) && event instanceof ScalarEvent) {
            return true;
        }
        String shown = tag.get().startsWith("tag:yaml.org,2002:") ? "!!" + tag.get().substring(18) : tag.get();
        throw problem(event.getStartMark(), where(path) + "the YAML tag " + Problem.quote(shown) + " is not"
                + " supported in vixens-ls files; remove it (and quote the value if it is meant as text)");
    }

    /** The JSON pointer Jackson reports for a path ({@code /databases/0/path}). */
    static String pointer(YamlPath path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path.segments()) {
            out.append('/').append(String.valueOf(segment).replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
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

    private InputException problem(Optional<Mark> mark, String message) {
        return new InputException(YamlSyntax.at(source, mark), message);
    }

    private static final class Frame {
        final YamlPath path;
        final JsonNode node;
        final Map<String, Optional<Mark>> keys = new HashMap<>();
        boolean expectKey = true;
        String currentKey;

        Frame(YamlPath path, JsonNode node) {
            this.path = path;
            this.node = node;
        }

        boolean mapping() {
            return node instanceof ObjectNode;
        }

        ObjectNode object() {
            return (ObjectNode) node;
        }

        ArrayNode array() {
            return (ArrayNode) node;
        }
    }
}
