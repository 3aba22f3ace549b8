package dev.vixens.ls.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON document a command prints for scripts ({@code --output json}). Each starts with {@code kind} and
 * {@code version}: the version of its schema ({@code schema/<kind>.output.schema.json}), raised only when a
 * field changes meaning or goes away, so that a script written against it keeps working; new fields may appear.
 */
public final class JsonDocument {

    /** The version of every output schema; one number, so a script checks one thing. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private JsonDocument(String kind) {
        fields.put("kind", kind);
        fields.put("version", VERSION);
    }

    public static JsonDocument of(String kind) {
        return new JsonDocument(kind);
    }

    public JsonDocument put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    public void print(PrintWriter out) {
        out.println(text(fields));
    }

    /** Ordered map from alternating keys and values: JSON objects keep the order the schema documents. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON output", e);
        }
    }
}
