package dev.vixens.ls.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Binds a small hand-written YAML file (descriptor, profile, repository config) to a record, strictly.
 *
 * <p>{@link YamlStructure} first refuses syntax errors, aliases, duplicate keys, extra documents and deep
 * nesting on the parser's events; binding then refuses unknown keys and values of the wrong type (no
 * coercion: {@code 9090.5} is not a port, {@code "true"} is not a boolean). Each problem is one
 * {@link Problem} at the line and column of the offending key or value, named by its path
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
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setNestingDepthLimit(YamlStructure.MAX_DEPTH + 2);
        loader.setCodePointLimit(SourceFile.MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(YamlStructure.MAX_DEPTH + 2).build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
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
        if (!YamlStructure.check(source)) {
            throw new InputException(source.start(), "the file is empty; expected a YAML mapping (key: value"
                    + " lines)");
        }
        return read(source, type, expectations);
    }

    /** Binds the whole file, or returns {@code whenEmpty} when it holds nothing but comments. */
    public static <T> T bindOrDefault(SourceFile source, Class<T> type, T whenEmpty, Expectations expectations) {
        return YamlStructure.check(source) ? read(source, type, expectations) : whenEmpty;
    }

    private static <T> T read(SourceFile source, Class<T> type, Expectations expectations) {
        JsonParser parser;
        try {
            parser = Holder.MAPPER.createParser(source.text());
        } catch (IOException e) {
            throw new InputException(source.start(), "cannot read: " + e.getMessage());
        }
        // The parser is ours, not the reader's, and is closed only after the catch blocks, so that a failure
        // can still show the token the binder choked on ("got a list").
        try {
            T value = Holder.MAPPER.readerFor(type).readValue(parser);
            if (value == null) {
                throw new InputException(source.start(), "the file is empty; expected a YAML mapping (key: value"
                        + " lines)");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            YamlPath path = pathOf(e);
            List<String> known = known(e.getKnownPropertyIds());
            throw new InputException(YamlLocator.locateKey(source, path), path + ": unknown key"
                    + Suggestions.didYouMean(e.getPropertyName(), known) + "; expected one of: "
                    + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        } catch (MismatchedInputException e) {
            YamlPath path = pathOf(e);
            throw new InputException(YamlLocator.locate(source, path), mismatch(path, e, expectations));
        } catch (JsonProcessingException e) {
            throw new InputException(locationOf(source, e.getLocation()), "invalid YAML: "
                    + YamlSyntax.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(source.start(), "cannot read: " + e.getMessage());
        } catch (YAMLException e) {
            // YamlStructure has parsed the same text with the same parser; this is a safety net, not a path
            throw new InputException(source.start(), "invalid YAML: " + YamlSyntax.firstLine(e.getMessage()));
        } finally {
            try {
                parser.close();
            } catch (IOException ignored) {
                // reading from a string: nothing to release
            }
        }
    }

    private static String mismatch(YamlPath path, MismatchedInputException e, Expectations expectations) {
        Found found = found(e);
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

    private static Found found(MismatchedInputException e) {
        if (e instanceof InvalidFormatException format && format.getValue() != null) {
            Object value = format.getValue();
            if (value instanceof String s) {
                return s.isEmpty() ? new Found("nothing", s, true, true)
                        : new Found("the text " + Problem.quote(s), s, true, true);
            }
            return new Found(value instanceof Number ? "the number " + value : String.valueOf(value),
                    String.valueOf(value), true, false);
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
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Found("the number " + parser.getText(),
                        parser.getText(), true, false);
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

    private static Location locationOf(SourceFile source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return source.start();
        }
        return source.at(location.getLineNr(), location.getColumnNr());
    }
}
