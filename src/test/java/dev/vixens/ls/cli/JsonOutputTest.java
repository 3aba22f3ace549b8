package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output json} of apps, profiles, explain and check, each validated by a real JSON Schema validator
 * against its documented schema in schema/, and its values checked against what the text says.
 */
class JsonOutputTest {

    @TempDir
    Path repo;

    private static JsonNode valid(CliRun run, String kind) throws Exception {
        Path schemaFile = ProjectFiles.root().resolve("schema/" + kind + ".output.schema.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemaFile.toUri(), new ObjectMapper().readTree(schemaFile.toFile()));
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(schema.validate(document)).as(kind + " output against its schema:\n" + run.out()).isEmpty();
        assertThat(document.get("kind").asText()).isEqualTo(kind);
        assertThat(document.get("version").asInt()).isEqualTo(1);
        return document;
    }

    @Test
    void everyAppOfTheExampleRepository() throws Exception {
        CliRun run = CliRun.inRepo(ProjectFiles.root(), "apps", "--output", "json");

        JsonNode apps = valid(run, "apps").get("apps");
        assertThat(run.exitCode()).isZero();
        assertThat(apps.size()).isEqualTo(CliRun.inRepo(ProjectFiles.root(), "apps").out().lines().count());
        assertThat(apps.get(0).get("name").asText()).isEqualTo("adguard-home");
        assertThat(apps.get(0).get("descriptor").asText())
                .isEqualTo("apps/10-home/adguard-home/vixens-backup.yaml");
    }

    @Test
    void profilesOfTheRepositoryWithItsOverridesWhateverTheCaseOfTheFormatName() throws Exception {
        JsonNode json = valid(CliRun.inRepo(ProjectFiles.root(), "profiles", "-o", "json"), "profiles");
        // in-process the working directory is the project, itself a repository: this is the same run, spelt JSON
        JsonNode upperCase = valid(CliRun.run("profiles", "-o", "JSON"), "profiles");

        assertThat(json.get("inRepository").asBoolean()).isTrue();
        assertThat(json.get("profiles").get(0).get("name").asText()).isEqualTo("critical");
        assertThat(json.get("profiles").get(0).get("retention").asText()).isEqualTo("336h");
        assertThat(json.get("profiles").findValuesAsText("name")).contains("ephemeral");
        assertThat(json.get("overrides").size()).isPositive();
        assertThat(upperCase).isEqualTo(json);
    }

    @Test
    void explainOfAMultiDatabaseApp() throws Exception {
        CliRun run = CliRun.inRepo(ProjectFiles.root(), "explain", "hydrus-client", "-o", "json");

        JsonNode explain = valid(run, "explain");
        assertThat(explain.get("databases").size()).isEqualTo(4);
        assertThat(explain.get("databases").get(3).get("backedUp").asBoolean()).isFalse();
        assertThat(explain.get("databases").get(0).get("replica").asText())
                .isEqualTo("s3://${LITESTREAM_BUCKET}/hydrus-client/client.db");
        assertThat(explain.get("initContainers").get(0).get("name").asText()).isEqualTo("fix-permissions");
        assertThat(explain.get("initContainers").get(0).get("uid").asLong()).isZero();
        assertThat(explain.get("secret").asText()).isEqualTo("litestream-shared-secrets");
        JsonNode estimate = explain.get("startupEstimate");
        assertThat(estimate.get("seconds").asLong()).isEqualTo(9762);
        assertThat(estimate.get("databases").get(1).get("restoreSeconds").asLong()).isEqualTo(2480);
        assertThat(estimate.get("databases").get(1).get("checkSeconds").asLong()).isEqualTo(1654);
        assertThat(explain.get("startupBudgets").get(0).get("verdict").asText()).isEqualTo("fits");
        assertThat(explain.get("startupBudgets").get(0).get("bounds").get(0).get("seconds").asLong()).isEqualTo(14400);
        assertThat(valid(CliRun.inRepo(ProjectFiles.root(), "explain", "vaultwarden", "-o", "json"), "explain")
                .get("drill").get("cronJob").asText()).isEqualTo("vaultwarden-drill");
    }

    @Test
    void checkCurrentAndNot() throws Exception {
        ProjectFiles.copyExampleRepository(repo, "vaultwarden");
        JsonNode current = valid(CliRun.inRepo(repo, "check", "-o", "json"), "check");
        ProjectFiles.write(repo.resolve("apps/60-services/vaultwarden/litestream/litestream.yml"), "mine: true\n");

        CliRun stale = CliRun.inRepo(repo, "check", "-o", "json");

        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(current.get("overlaysVerified").asInt()).isEqualTo(1);
        assertThat(stale.exitCode()).isEqualTo(1);
        JsonNode document = valid(stale, "check");
        assertThat(document.get("current").asBoolean()).isFalse();
        assertThat(document.get("differences").get(0).get("kind").asText()).isEqualTo("changed");
        assertThat(document.get("differences").get(0).get("path").asText())
                .isEqualTo("apps/60-services/vaultwarden/litestream/litestream.yml");
        assertThat(document.get("notVerified").get(0).asText()).isEqualTo("vaultwarden");
    }

    @Test
    void checkCarriesTheStartUpWarningLocated() throws Exception {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client");
        Path deployment = repo.resolve("apps/20-media/hydrus-client/base/deployment.yaml");
        ProjectFiles.write(deployment, Files.readString(deployment).replaceAll("(?m)^  progressDeadlineSeconds: .*\n",
                ""));

        CliRun run = CliRun.inRepo(repo, "check", "-o", "json");

        JsonNode check = valid(run, "check");
        assertThat(run.exitCode()).as("a warning does not fail the check").isZero();
        assertThat(check.get("current").asBoolean()).isTrue();
        JsonNode warning = check.get("startupWarnings").get(0);
        assertThat(warning.get("file").asText()).isEqualTo("apps/20-media/hydrus-client/base/deployment.yaml");
        assertThat(warning.get("line").asInt()).isEqualTo(4);
        assertThat(warning.get("message").asText()).startsWith("warning: start-up budget:")
                .endsWith("Set progressDeadlineSeconds: 9780 or more in the Deployment's spec");
        assertThat(check.get("warnings").toString()).contains("start-up budget");
        assertThat(run.err()).contains("deployment.yaml:4:9: warning: start-up budget:");
    }

    @Test
    void lintTakesTheSameOption() throws Exception {
        CliRun run = CliRun.run("lint", "-C", ProjectFiles.root().toString(), "-o", "json",
                "apps/60-services/vaultwarden/litestream");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("configs").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownFormatIsOneLine() {
        CliRun run = CliRun.run("apps", "-o", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("vixens-ls: Invalid value for option '--output': expected one of [TEXT, JSON]"
                + " (case-insensitive) but was 'yaml'; see 'vixens-ls apps --help'\n");
    }
}
