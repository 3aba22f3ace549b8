package dev.vixens.ls.source;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Binds a small hand-written YAML file (descriptor, profile, repository config) to a record, strictly.
 *
 * <p>{@link YamlTree} first reads the file on the parser's events, refusing syntax errors, aliases, tags,
 * duplicate keys, extra documents, deep nesting and scalars that YAML 1.1 and 1.2 readers read differently;
 * binding then refuses unknown keys and values of the wrong type (no coercion: {@code 9090.5} is not a port,
 * {@code "true"} is not a boolean, a number too large for its key is a wrong value, not broken YAML). Each
 * problem is one {@link Problem} at the line and column of the offending key or value, named by its path
 * ({@code databases[0].profile}).
 */
public final class YamlBinder {

    /** What a value at a path should look like, when its type alone says too little ("text" for a duration). */
    public interface Expectations extends Function<YamlPath, String> {
        Expectations NONE = path -> null;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = createMapper();
    }

    private YamlBinder() {
    }

    private static ObjectMapper createMapper() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // an empty list item ("-" and nothing) is a missing value, not an item
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        ObjectMapper mapper = builder.build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Boolean, LogicalType.Float)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.POJO).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /** Binds the whole file; an empty file is a problem, not a null. */
    public static <T> T bind(SourceFile source, Class<T> type) {
        return bind(source, type, Expectations.NONE);
    }

    /** Binds the whole file, describing expected values at some paths more precisely than by type. */
    public static <T> T bind(SourceFile source, Class<T> type, Expectations expectations) {
        YamlTree.Result tree = YamlTree.read(source);
        if (tree.root().isEmpty()) {
            throw new InputException(source.start(), "the file is empty; expected a YAML mapping (key: value"
                    + " lines)");
        }
        return read(source, tree, type, expectations);
    }

    /** Binds the whole file, or returns {@code whenEmpty} when it holds nothing but comments. */
    public static <T> T bindOrDefault(SourceFile source, Class<T> type, T whenEmpty, Expectations expectations) {
        YamlTree.Result tree = YamlTree.read(source);
        return tree.root().isEmpty() ? whenEmpty : read(source, tree, type, expectations);
    }

    private static <T> T read(SourceFile source, YamlTree.Result tree, Class<T> type, Expectations expectations) {
        JsonNode root = tree.root().orElseThrow();
        // The parser is ours, not the reader's, so that a failure can still show the token the binder choked
        // on ("got a list").
        try (JsonParser parser = Holder.MAPPER.treeAsTokens(root)) {
            try {
                return Holder.MAPPER.readerFor(type).readValue(parser);
            } catch (UnrecognizedPropertyException e) {
                YamlPath path = pathOf(e);
                List<String> known = known(e.getKnownPropertyIds());
                throw new InputException(YamlLocator.locateKey(source, path), path + ": unknown key"
                        + Suggestions.didYouMean(e.getPropertyName(), known) + "; expected one of: "
                        + (known.isEmpty() ? "(none)" : String.join(", ", known)));
            } catch (MismatchedInputException e) {
                YamlPath path = pathOf(e);
                throw new InputException(YamlLocator.locate(source, path), mismatch(path, e, expectations,
                        tree.written()));
            } catch (JsonMappingException e) {
                if (!(e.getCause() instanceof InputCoercionException coercion)) {
                    throw e;
                }
                // a whole number too large for its key
                YamlPath path = pathOf(e);
                String text = tree.written().getOrDefault(YamlTree.pointer(path), "the number");
                throw new InputException(YamlLocator.locate(source, path), path + ": expected "
                        + expectedFor(path, coercion.getTargetType(), expectations) + ", got " + shortNumber(text)
                        + ", which is far too large");
            }
        } catch (IOException e) {
            throw new InputException(source.start(), "cannot read: " + YamlSyntax.firstLine(e.getMessage()));
        }
    }

    private static String expectedFor(YamlPath path, Class<?> target, Expectations expectations) {
        String expected = expectations.apply(path);
        return expected != null ? expected : expected(target);
    }

    private static String shortNumber(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "... (" + text.length() + " digits)";
    }

    private static String mismatch(YamlPath path, MismatchedInputException e, Expectations expectations,
            Map<String, String> written) {
        Found found = found(e, written.get(YamlTree.pointer(path)));
        String expected = expectations.apply(path);
        Class<?> target = e.getTargetType();
        String hint = "";
        if (expected == null) {
            expected = expected(target);
            if (target == String.class && found != null && found.scalar() && !found.text()) {
                hint = "; put it in quotes if it is meant as text";
            }
            if (isBoolean(target) && found != null && found.text()
                    && (found.value().equals("true") || found.value().equals("false"))) {
                hint = "; remove the quotes";
            }
        }
        return path + ": expected " + expected + (found == null ? "" : ", got " + found.description()) + hint;
    }

    /** What the file holds where the binder failed, as the user wrote it. */
    private record Found(String description, String value, boolean scalar, boolean text) {
    }

    /** @param written the scalar as written in the file, when it was a plain one */
    private static Found found(MismatchedInputException e, String written) {
        if (e instanceof InvalidFormatException format && format.getValue() != null) {
            Object value = format.getValue();
            if (value instanceof String s) {
                return s.isEmpty() ? new Found("nothing", s, true, true)
                        : new Found("the text " + Problem.quote(s), s, true, true);
            }
            String shown = value instanceof Number && written != null ? shortNumber(written) : String.valueOf(value);
            return new Found(value instanceof Number ? "the number " + shown : shown, shown, true, false);
        }
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        JsonToken token = parser.currentToken();
        if (token == null) {
            return null;
        }
        try {
            return switch (token) {
                case START_ARRAY -> new Found("a list", "", false, false);
                case START_OBJECT -> new Found("a mapping", "", false, false);
                case VALUE_STRING -> parser.getText().isEmpty() ? new Found("nothing", "", true, true)
                        : new Found("the text " + Problem.quote(parser.getText()), parser.getText(), true, true);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    String number = written != null ? shortNumber(written) : parser.getText();
                    yield new Found("the number " + number, number, true, false);
                }
                case VALUE_TRUE, VALUE_FALSE -> new Found(parser.getText(), parser.getText(), true, false);
                case VALUE_NULL -> new Found("nothing", "", true, false);
                default -> null;
            };
        } catch (IOException ignored) {
            return null;
        }
    }

    private static boolean isBoolean(Class<?> type) {
        return type == Boolean.class || type == boolean.class;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (isBoolean(type)) {
            return "true or false";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a mapping (key: value)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a different value";
    }

    private static List<String> known(Collection<Object> ids) {
        TreeSet<String> names = new TreeSet<>();
        if (ids != null) {
            ids.forEach(id -> names.add(String.valueOf(id)));
        }
        return List.copyOf(names);
    }

    private static YamlPath pathOf(JsonMappingException e) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                segments.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                segments.add(reference.getIndex());
            }
        }
        return new YamlPath(segments);
    }
}
