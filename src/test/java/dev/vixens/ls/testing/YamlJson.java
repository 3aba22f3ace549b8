package dev.vixens.ls.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A YAML document as a JSON tree, for the JSON Schema validator: read by snakeyaml-engine (YAML 1.2, the parser
 * the tool itself uses), so a test never reads a descriptor with a YAML 1.1 reader's guesses.
 */
public final class YamlJson {

    private YamlJson() {
    }

    public static JsonNode read(String yaml) {
        return new ObjectMapper().valueToTree(new Load(LoadSettings.builder().build()).loadFromString(yaml));
    }
}
