package dev.vixens.ls.lint;

import static dev.vixens.ls.lint.LintRun.files;
import static dev.vixens.ls.lint.LintRun.lint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format json} for scripts and {@code --format sarif} (SARIF 2.1.0) for code-scanning UIs. */
class LintFormatsTest {

    private static final String CONFIG = """
            dbs:
              - path: /data/store.kv
                replica:
                  url: s3://bucket/store.kv
                  retention: 24h
            """;

    @TempDir
    Path dir;

    @Test
    void jsonListsEveryFindingWithItsPositionAndCounts() throws Exception {
        LintRun run = lint(dir, "0.5.7", files("litestream.yml", CONFIG), "--format", "json");
        JsonNode report = new ObjectMapper().readTree(String.join("\n", run.lines()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(report.get("configs").asInt()).isEqualTo(1);
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        assertThat(report.get("warnings").asInt()).isEqualTo(1);
        JsonNode first = report.get("findings").get(0);
        assertThat(first.get("file").asText()).isEqualTo("litestream.yml");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(11);
        assertThat(first.get("severity").asText()).isEqualTo("warning");
        assertThat(first.get("rule").asText()).isEqualTo("not-sqlite-path");
        JsonNode second = report.get("findings").get(1);
        assertThat(second.get("rule").asText()).isEqualTo("ignored-key");
        assertThat(second.get("message").asText()).startsWith("retention under a replica is ignored");
        assertThat(second.get("line").asInt()).isEqualTo(5);
    }

    @Test
    void sarifCarriesRulesResultsAndRegions() throws Exception {
        LintRun run = lint(dir, "0.5.7", files("litestream.yml", CONFIG), "--format", "sarif");
        JsonNode sarif = new ObjectMapper().readTree(String.join("\n", run.lines()));

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        JsonNode run0 = sarif.get("runs").get(0);
        JsonNode driver = run0.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("vixens-ls");
        assertThat(driver.get("rules")).hasSize(Rule.values().length);
        assertThat(driver.get("rules").findValuesAsText("id"))
                .containsExactlyElementsOf(Arrays.stream(Rule.values()).map(Rule::id).toList());
        JsonNode ignored = run0.get("results").get(1);
        assertThat(ignored.get("ruleId").asText()).isEqualTo("ignored-key");
        assertThat(driver.get("rules").get(ignored.get("ruleIndex").asInt()).get("id").asText())
                .isEqualTo("ignored-key");
        assertThat(ignored.get("level").asText()).isEqualTo("error");
        assertThat(ignored.get("message").get("text").asText()).startsWith("retention under a replica");
        JsonNode location = ignored.get("locations").get(0).get("physicalLocation");
        // an absolute path is a file: URI (LintRun strips the temporary directory from the output)
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("file://litestream.yml");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(5);
        assertThat(location.get("region").get("startColumn").asInt()).isEqualTo(7);
        assertThat(run0.get("results").get(0).get("level").asText()).isEqualTo("warning");
    }

    @Test
    void sarifUrisOfRelativePathsStayRelative() {
        assertThat(ReportFormat.uri("apps/20-media/hydrus client/litestream.yml"))
                .isEqualTo("apps/20-media/hydrus%20client/litestream.yml");
        assertThat(ReportFormat.uri("/abs/a.yml")).isEqualTo("file:///abs/a.yml");
    }
}
