package dev.vixens.ls.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The one quoting rule of generated YAML: a string comes out plain only when a YAML 1.2 reader
 * (snakeyaml-engine) and a YAML 1.1 reader (SnakeYAML, which reads like kubectl's Go library) both read it
 * back as that very string; anything else is double-quoted, and then both read it back too.
 */
class YamlScalarsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hydrus-client", "litestream/litestream:0.3.13", "keinos/sqlite3:3.46.1", "1s", "24h",
        "1h30m", "Deployment", "prometheus.io/scrape", "ls.vixens.dev/app", "../../litestream", "workload-patch.yaml",
        "litestream-1.yml", "a@sha256:0123", "/metrics", "secretRef", "0.3.13", "x1", "app.db"})
    void keepsSafeStringsPlainSoTheCommittedExamplesDoNotChange(String value) {
        assertThat(YamlScalars.scalar(value)).isEqualTo(value);
        assertReadBackByBothVersions(value);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"123", "0", "-1", "+5", "1.5", "1e3", "1.0e+3", ".inf", "-.Inf", ".NaN", "010", "0x1F",
        "0o17", "0b101", "1_000", "1:30", "2024-01-31", "2024-01-31T10:00:00Z", "true", "True", "FALSE", "yes", "No",
        "on", "OFF", "y", "N", "null", "Null", "~", "", "<<", "=", "with space", ":colon", "colon:", "-dash", "@at",
        "a: b", "a #b", "...", "---", "'quoted'", "\"dq\"", "tab\there", "new\nline", "back\\slash", "\u2028",
        "[list]", "{map}", "!tag", "&anchor", "*alias", "%directive", "|block", ">folded", "#comment", "?key"})
    void quotesEverythingAReaderCouldTakeForSomethingElse(String value) {
        assertThat(YamlScalars.scalar(value)).startsWith("\"").endsWith("\"");
        assertReadBackByBothVersions(value);
    }

    static Stream<Arguments> quoted() {
        return Stream.of(
                Arguments.of("123", "\"123\""),
                Arguments.of("a\"b\\c", "\"a\\\"b\\\\c\""),
                Arguments.of("new\nline\ttab", "\"new\\nline\\ttab\""),
                Arguments.of("bell\u0007", "\"bell\\u0007\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quoted")
    void escapesWhatADoubleQuotedScalarCannotHold(String value, String yaml) {
        assertThat(YamlScalars.quoted(value)).isEqualTo(yaml);
    }

    private static void assertReadBackByBothVersions(String value) {
        String document = "key: " + YamlScalars.scalar(value) + "\n";
        Object yaml12 = ((Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(document)).get("key");
        Object yaml11 = ((Map<?, ?>) new org.yaml.snakeyaml.Yaml().load(document)).get("key");
        assertThat(yaml12).as("YAML 1.2 reads %s", document).isEqualTo(value);
        assertThat(yaml11).as("YAML 1.1 reads %s", document).isEqualTo(value);
    }
}
