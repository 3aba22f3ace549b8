package dev.vixens.ls.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.vixens.ls.descriptor.Documents.DescriptorDocument;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.YamlJson;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The JSON Schema shipped for editors describes exactly the keys the loader accepts. */
class DescriptorSchemaTest {

    private static JsonNode schemaNode() throws IOException {
        return new ObjectMapper().readTree(ProjectFiles.root().resolve("schema/vixens-backup.schema.json").toFile());
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode());
    }

    @Test
    void schemaKeysEqualTheDescriptorKeysAtEveryLevel() throws IOException {
        List<String> mismatches = new ArrayList<>();
        compare(DescriptorDocument.class, schemaNode(), schemaNode(), "", mismatches);

        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyExampleDescriptorValidatesAgainstTheSchema() throws IOException {
        JsonSchema schema = schema();
        Repository repo = Repository.open(ProjectFiles.root());
        assertThat(repo.apps()).isNotEmpty();
        for (AppRef app : repo.apps()) {
            JsonNode descriptor = YamlJson.read(Files.readString(app.descriptor()));
            Set<ValidationMessage> errors = schema.validate(descriptor);
            assertThat(errors).as(app.directory()).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
        JsonSchema schema = schema();
        String valid = """
                app: a
                namespace: n
                workload: {kind: Deployment, name: a, container: a}
                volume: {name: data, mountPath: /data}
                databases: [{path: /data/a.db, profile: standard}]
                """;
        assertThat(schema.validate(YamlJson.read(valid))).isEmpty();
        for (String bad : List.of(valid.replace("profile: standard", "profile: standard, typo: 1"),
                valid.replace("/data/a.db", "/data/$(rm -rf).db"),
                valid.replace("databases: [{path: /data/a.db, profile: standard}]", "databases: []"),
                valid.replace("kind: Deployment", "kind: DaemonSet"),
                valid + "retention: 72h\n")) {
            assertThat(schema.validate(YamlJson.read(bad))).as(bad).isNotEmpty();
        }
    }

    private static void compare(Class<?> type, JsonNode node, JsonNode root, String at, List<String> out) {
        JsonNode resolved = resolve(node, root);
        Set<String> javaKeys = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            javaKeys.add(component.getName());
        }
        Set<String> schemaKeys = new TreeSet<>();
        resolved.path("properties").fieldNames().forEachRemaining(schemaKeys::add);
        if (!javaKeys.equals(schemaKeys)) {
            out.add(at + ": descriptor keys " + javaKeys + " but schema keys " + schemaKeys);
            return;
        }
        if (!resolved.path("additionalProperties").isBoolean() || resolved.path("additionalProperties").asBoolean()) {
            out.add(at + ": schema must set additionalProperties: false");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode property = resolved.path("properties").path(component.getName());
            Class<?> nested = component.getType();
            if (List.class.isAssignableFrom(nested)) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> c && c.isRecord()) {
                    compare(c, resolve(property, root).path("items"), root, at + component.getName() + "[].", out);
                }
            } else if (Map.class.isAssignableFrom(nested)) {
                Type value = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1];
                if (value instanceof Class<?> c && c.isRecord()) {
                    compare(c, resolve(property, root).path("additionalProperties"), root,
                            at + component.getName() + ".*.", out);
                }
            } else if (nested.isRecord()) {
                compare(nested, property, root, at + component.getName() + ".", out);
            }
        }
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = root.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
