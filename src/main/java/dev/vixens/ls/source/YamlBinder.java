package dev.vixens.ls.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
import java.util.Locale;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Binds a small hand-written YAML file (descriptor, profile, repository config) to a record, strictly.
 *
 * <p>Unknown keys, duplicate keys, numbers where text is expected, alias bombs and trailing documents are
 * all refused, each as one {@link Problem} pointing at the line and column of the offending node.
 */
public final class YamlBinder {

    /** More aliases than this in one small config file is an expansion attack, not a config. */
    public static final int MAX_ALIASES = 20;

    private static final class Holder {
        static final ObjectMapper MAPPER = createMapper();
    }

    private YamlBinder() {
    }

    private static ObjectMapper createMapper() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setAllowDuplicateKeys(false);
        loader.setNestingDepthLimit(20);
        loader.setCodePointLimit(SourceFile.MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        ObjectMapper mapper = builder.build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /** Binds the whole file; an empty file is a problem, not a null. */
    public static <T> T bind(SourceFile source, Class<T> type) {
        ObjectReader reader = Holder.MAPPER.readerFor(type);
        T value;
        try {
            value = reader.readValue(source.text());
        } catch (UnrecognizedPropertyException e) {
            YamlPath path = pathOf(e);
            throw new InputException(YamlLocator.locateKey(source, path),
                    "unknown key '" + e.getPropertyName() + "'" + where(parentOf(path))
                            + "; expected one of: " + known(e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            YamlPath path = pathOf(e);
            throw new InputException(YamlLocator.locate(source, path),
                    path + ": expected " + describe(e.getTargetType()) + ", got '" + e.getValue() + "'");
        } catch (MismatchedInputException e) {
            YamlPath path = pathOf(e);
            throw new InputException(YamlLocator.locate(source, path), mismatch(path, e));
        } catch (JsonMappingException e) {
            throw new InputException(locationOf(source, e.getLocation()), cleanMessage(e));
        } catch (JsonProcessingException e) {
            throw new InputException(locationOf(source, e.getLocation()), cleanMessage(e));
        } catch (IOException e) {
            throw new InputException(source.start(), "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            // snakeyaml limits (aliases, nesting, size) surface as runtime exceptions from the parser
            throw new InputException(source.start(), cleanMessage(e));
        }
        if (value == null) {
            throw new InputException(source.start(), "file is empty; expected a YAML mapping");
        }
        return value;
    }

    private static String mismatch(YamlPath path, MismatchedInputException e) {
        String message = e.getOriginalMessage();
        Class<?> target = e.getTargetType();
        if (message != null && message.contains("Trailing token")) {
            return "more than one YAML document; a file holds exactly one";
        }
        if (target == null) {
            return path + ": " + firstLine(message);
        }
        if (target.isRecord() || java.util.Map.class.isAssignableFrom(target)) {
            return path + ": expected a mapping (key: value)";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return path + ": expected a list";
        }
        return path + ": expected " + describe(target);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class) {
            return "a string (quote values such as 0.5 or yes)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a mapping (key: value)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "(none)";
        }
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(id -> names.add(String.valueOf(id)));
        return String.join(", ", names);
    }

    private static String where(YamlPath parent) {
        return parent.segments().isEmpty() ? "" : " in " + parent;
    }

    private static YamlPath parentOf(YamlPath path) {
        List<Object> segments = path.segments();
        return segments.isEmpty() ? path : new YamlPath(segments.subList(0, segments.size() - 1));
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

    static String cleanMessage(Exception e) {
        String raw = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        String message = firstLine(raw == null ? e.getClass().getSimpleName() : raw);
        if (message.contains("Number of aliases")) {
            return "too many YAML aliases (more than " + MAX_ALIASES + "); alias expansion is refused";
        }
        if (message.contains("Nesting Depth") || message.contains("nesting depth")) {
            return "YAML nested too deeply";
        }
        if (message.startsWith("Duplicate field")) {
            return "duplicate key " + message.substring("Duplicate field ".length()).replace('"', '\'');
        }
        return "invalid YAML: " + message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
