package dev.vixens.ls.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed alert rules of the example apps, judged by the real promtool: every file passes
 * {@code promtool check rules}, and the unit tests of src/test/resources/alerts/ (synthetic series, written by
 * hand per rule) prove that each alert fires on the failure it names and stays silent on a healthy series, for
 * a Litestream 0.3 app, a 0.5 app with a PodMonitor, and an app with a restore drill.
 */
class AlertRulesPromtoolTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyCommittedRulesFilePassesPromtoolCheckRules(@TempDir Path tmp) throws IOException {
        List<Path> files = committedRulesFiles();
        assertThat(files).as("every example app ships rules").hasSizeGreaterThanOrEqualTo(18);
        for (Path file : files) {
            Path rules = groups(file, tmp.resolve("rules.yaml"));
            Processes.Result result = Processes.run(new ProcessBuilder(TestTools.promtool().toString(), "check",
                    "rules", rules.toString()));
            assertThat(result.exitCode()).as(file + ": " + result.output()).isZero();
        }
    }

    /** Every rules file committed under apps/ and examples/, sorted. */
    static List<Path> committedRulesFiles() throws IOException {
        try (Stream<Path> walk = Stream.concat(Files.walk(ProjectFiles.root().resolve("apps")),
                Files.walk(ProjectFiles.root().resolve("examples")))) {
            return walk.filter(p -> p.endsWith("litestream/" + AlertRuleFile.PROMETHEUS_RULE_FILE)
                    || p.getFileName().toString().equals(AlertRuleFile.RULES_FILE)).sorted().toList();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "apps/20-media/hydrus-client/litestream/prometheusrule.yaml, hydrus-client.test.yaml",
        "apps/30-lab/hydrus-client-v05/litestream/prometheusrule.yaml, hydrus-client-v05.test.yaml",
        "apps/60-services/vaultwarden/litestream/prometheusrule.yaml, vaultwarden.test.yaml",
        "examples/apps/vaultwarden/litestream/alert-rules.yaml, vaultwarden.test.yaml",
    })
    void eachAlertFiresOnItsFailureAndNotOnAHealthySeries(String rulesFile, String testFile, @TempDir Path tmp)
            throws IOException {
        Processes.Result result = promtoolTest(ProjectFiles.root().resolve(rulesFile), testFile, tmp);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    /** The unit tests can fail: the same series against a rule that waits longer than they last. */
    @Test
    void aUnitTestFailsWhenTheRuleDoesNotFire(@TempDir Path tmp) throws IOException {
        Path rules = ProjectFiles.root().resolve("apps/20-media/hydrus-client/litestream/prometheusrule.yaml");
        Path slower = tmp.resolve("slower.yaml");
        Files.writeString(slower, Files.readString(rules).replace("for: 5m", "for: 2h"));
        Processes.Result result = promtoolTest(slower, "hydrus-client.test.yaml", tmp.resolve("run"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("LitestreamSyncErrors");
    }

    private static Processes.Result promtoolTest(Path rulesFile, String testFile, Path dir) throws IOException {
        Files.createDirectories(dir);
        groups(rulesFile, dir.resolve("rules.yaml"));
        Path test = dir.resolve(testFile);
        Files.copy(ProjectFiles.root().resolve("src/test/resources/alerts").resolve(testFile), test);
        return Processes.run(Processes.command(List.of(TestTools.promtool().toString(), "test", "rules",
                test.getFileName().toString()), java.util.Map.of(), dir));
    }

    /** The groups document promtool reads: the file itself, or a PrometheusRule's spec. */
    static Path groups(Path file, Path out) throws IOException {
        JsonNode doc = YAML.readTree(file.toFile());
        if (doc.has("kind")) {
            assertThat(doc.path("kind").asText()).isEqualTo("PrometheusRule");
            doc = doc.path("spec");
        }
        YAML.writeValue(out.toFile(), doc);
        return out;
    }
}
