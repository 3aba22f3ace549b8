package dev.vixens.ls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** schema/vixens-backup.schema.json, checked by a real JSON Schema validator (draft 2020-12). */
public final class DescriptorSchema {

    private DescriptorSchema() {
    }

    /** Validates a descriptor file against the project's schema. */
    public static void assertValid(Path descriptor) {
        try {
            Path schemaFile = ProjectFiles.root().resolve("schema/vixens-backup.schema.json");
            JsonNode schema = new ObjectMapper().readTree(schemaFile.toFile());
            // The schema's $id is relative; it resolves against the file's own location.
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schemaFile.toUri(), schema);
            JsonNode document = YamlJson.read(Files.readString(descriptor));
            Set<ValidationMessage> errors = validator.validate(document);
            assertThat(errors).as(descriptor + " against the schema").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
