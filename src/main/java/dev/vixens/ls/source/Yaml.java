package dev.vixens.ls.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Every YAML text vixens-ls parses goes through here (its own files, and the manifests {@code lint} and
 * {@code import} read), with explicit limits: a size in code points, at most 50 aliases per collection, and a
 * nesting depth. The parser is YAML 1.2 (snakeyaml-engine), so positions, line ends and scalars mean the same
 * everywhere; the depth is counted on the parser's events, before the recursive composer could run out of
 * stack on a file nested thousands of levels deep.
 */
public final class Yaml {

    /**
     * Limits for one kind of input.
     *
     * @param maxDepth mappings and lists nested deeper than this are refused
     * @param maxCodePoints the largest text parsed
     */
    public record Limits(int maxDepth, int maxCodePoints) {
        /** vixens-ls's own files need five levels; the structure check refuses more than twenty first. */
        public static final Limits OWN_FILE = new Limits(YamlTree.MAX_DEPTH + 2, SourceFile.MAX_BYTES);
        /** Kubernetes manifests (a CRD's schema included) nest a few dozen levels, never near a hundred. */
        public static final Limits MANIFEST = new Limits(100, SourceFile.MAX_MANIFEST_BYTES);
    }

    /** A file nested deeper than its limit: valid YAML, refused before it is composed. */
    public static final class TooDeep extends MarkedYamlEngineException {
        private static final long serialVersionUID = 1L;

        TooDeep(int maxDepth, Optional<Mark> mark) {
            super("", Optional.empty(), "YAML nested more than " + maxDepth + " levels deep", mark);
        }
    }

    private Yaml() {
    }

    static LoadSettings settings(String label, Limits limits) {
        return LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(50)
                .setCodePointLimit(limits.maxCodePoints())
                .build();
    }

    /** The parser's events, refusing nesting beyond the limit. */
    public static Parser parser(String text, String label, Limits limits) {
        LoadSettings settings = settings(label, limits);
        return new DepthLimited(new ParserImpl(settings, new StreamReader(settings, text)), limits.maxDepth());
    }

    /** Every document of {@code text} as nodes with positions (an empty document is an empty scalar). */
    public static List<Node> composeAll(String text, String label, Limits limits) {
        LoadSettings settings = settings(label, limits);
        Composer composer = new Composer(settings, parser(text, label, limits));
        List<Node> documents = new ArrayList<>();
        while (composer.hasNext()) {
            documents.add(composer.next());
        }
        return documents;
    }

    /** The first document of {@code text}, if it has one. */
    public static Optional<Node> composeFirst(String text, String label, Limits limits) {
        LoadSettings settings = settings(label, limits);
        Composer composer = new Composer(settings, parser(text, label, limits));
        return composer.hasNext() ? Optional.of(composer.next()) : Optional.empty();
    }

    /** Counts open mappings and lists as the composer consumes events. */
    private static final class DepthLimited implements Parser {
        private final Parser parser;
        private final int maxDepth;
        private int depth;

        DepthLimited(Parser parser, int maxDepth) {
            this.parser = parser;
            this.maxDepth = maxDepth;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > maxDepth) {
                        throw new TooDeep(maxDepth, event.getStartMark());
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                    // scalars, aliases, document and stream events do not nest
                }
            }
            return event;
        }
    }
}
