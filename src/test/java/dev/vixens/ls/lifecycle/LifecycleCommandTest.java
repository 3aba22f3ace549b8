package dev.vixens.ls.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Layer-2 lifecycle rule and its guard against expiring what a profile still keeps. */
class LifecycleCommandTest {

    @TempDir
    Path repo;

    @Test
    void defaultRuleExpiresEverythingAfter30DaysInMcIlmJson() throws Exception {
        CliRun run = CliRun.inRepo(ProjectFiles.root(), "lifecycle");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "Rules": [
                    {
                      "ID": "vixens-ls-expire-after-30-days",
                      "Status": "Enabled",
                      "Filter": {
                        "Prefix": ""
                      },
                      "Expiration": {
                        "Days": 30
                      }
                    }
                  ]
                }
                """);
        JsonNode rule = new ObjectMapper().readTree(run.out()).get("Rules").get(0);
        assertThat(rule.get("Expiration").get("Days").asInt()).isEqualTo(30);
    }

    @Test
    void refusesAnExpiryInsideTheLongestRetentionInUse() {
        CliRun fourteen = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--expiry-days", "14");
        CliRun fifteen = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--expiry-days", "15");

        assertThat(fourteen.exitCode()).isEqualTo(2);
        assertThat(fourteen.out()).isEmpty();
        assertThat(fourteen.err()).isEqualTo("apps/20-media/frigate/vixens-backup.yaml:21:14: an expiry after 14"
                + " days would delete objects Litestream still needs: frigate /config/frigate.db (profile critical)"
                + " keeps 336h of history and restores it from a snapshot up to 1h older (337h in all), and 2 more"
                + " database(s); use --expiry-days 15 or more\n");
        assertThat(fifteen.exitCode()).isZero();
    }

    /**
     * Regression (issue 12 item 6): the v05 example replicates under {@code litestream.replicaPrefix: v05}, so a
     * rule for {@code v05/} covers its databases; it used to exit 0 and print a rule deleting backups kept 336h.
     */
    @Test
    void aPrefixRuleCoversTheDatabasesOfAnAppWithAReplicaPrefix() {
        CliRun underPrefix = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--expiry-days", "1", "--prefix", "v05/");
        CliRun app = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--expiry-days", "7", "--prefix",
                "v05/hydrus-client-v05/client.mappings.db/");
        CliRun withoutPrefix = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--expiry-days", "1", "--prefix",
                "hydrus-client-v05/");

        assertThat(underPrefix.exitCode()).isEqualTo(2);
        assertThat(underPrefix.out()).isEmpty();
        assertThat(underPrefix.err()).isEqualTo("apps/30-lab/hydrus-client-v05/vixens-backup.yaml:21:14: an expiry"
                + " after 1 days would delete objects Litestream still needs: hydrus-client-v05 /opt/hydrus/db/client.db"
                + " (profile critical) keeps 336h of history and restores it from a snapshot up to 1h older (337h in"
                + " all), and 2 more database(s); use --expiry-days 15 or more\n");
        assertThat(app.exitCode()).isEqualTo(2);
        assertThat(app.err()).contains("hydrus-client-v05 /opt/hydrus/db/client.mappings.db (profile standard)"
                + " keeps 168h of history");
        assertThat(withoutPrefix.exitCode()).as("no database lives under hydrus-client-v05/: the prefix comes first")
                .isZero();
    }

    @Test
    void countsOverridesAndOnlyTheDatabasesThePrefixCovers() throws Exception {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client");
        Path descriptor = repo.resolve("apps/20-media/hydrus-client/vixens-backup.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace(
                "  - path: /opt/hydrus/db/client.mappings.db\n    profile: standard\n",
                "  - path: /opt/hydrus/db/client.mappings.db\n    profile: standard\n"
                        + "    overrides: {retention: 720h}\n"));

        CliRun thirty = CliRun.inRepo(repo, "lifecycle");
        CliRun otherApp = CliRun.inRepo(repo, "lifecycle", "--prefix", "vaultwarden/", "--expiry-days", "2");
        CliRun deeper = CliRun.inRepo(repo, "lifecycle", "--prefix", "hydrus-client/client.db/generations/",
                "--expiry-days", "14");
        CliRun bad = CliRun.inRepo(repo, "lifecycle", "--expiry-days", "0");

        assertThat(thirty.exitCode()).isEqualTo(2);
        assertThat(thirty.err()).contains("hydrus-client /opt/hydrus/db/client.mappings.db (profile standard,"
                + " overridden: retention 720h) keeps 720h of history and restores it from a snapshot up to 6h older"
                + " (726h in all); use --expiry-days 31 or more");
        assertThat(CliRun.inRepo(repo, "lifecycle", "--expiry-days", "31").exitCode()).isZero();
        assertThat(otherApp.exitCode()).as(otherApp.err()).isZero();
        assertThat(otherApp.out()).contains("\"Prefix\": \"vaultwarden/\"").contains("\"Days\": 2");
        assertThat(deeper.exitCode()).isEqualTo(2);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--expiry-days 0 must be at least 1");
    }

    @Test
    void aVersionedBucketAlsoExpiresNoncurrentVersionsAndBareDeleteMarkers() throws Exception {
        CliRun run = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--versioned", "--noncurrent-days", "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "Rules": [
                    {
                      "ID": "vixens-ls-expire-after-30-days",
                      "Status": "Enabled",
                      "Filter": {
                        "Prefix": ""
                      },
                      "Expiration": {
                        "Days": 30
                      },
                      "NoncurrentVersionExpiration": {
                        "NoncurrentDays": 20
                      }
                    },
                    {
                      "ID": "vixens-ls-remove-expired-delete-markers",
                      "Status": "Enabled",
                      "Filter": {
                        "Prefix": ""
                      },
                      "Expiration": {
                        "ExpiredObjectDeleteMarker": true
                      }
                    }
                  ]
                }
                """);
        JsonNode rules = new ObjectMapper().readTree(run.out()).get("Rules");
        // S3 refuses ExpiredObjectDeleteMarker next to Days in one Expiration element
        rules.forEach(rule -> assertThat(rule.get("Expiration").size()).isEqualTo(1));
        JsonNode byDefault = new ObjectMapper().readTree(CliRun.inRepo(ProjectFiles.root(), "lifecycle",
                "--versioned", "--expiry-days", "40").out());
        assertThat(byDefault.get("Rules").get(0).get("NoncurrentVersionExpiration").get("NoncurrentDays").asInt())
                .isEqualTo(40);
    }

    @Test
    void theGuardCoversNoncurrentVersionsToo() {
        CliRun tooShort = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--versioned", "--noncurrent-days", "3");
        CliRun withoutVersioned = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--noncurrent-days", "30");
        CliRun zero = CliRun.inRepo(ProjectFiles.root(), "lifecycle", "--versioned", "--noncurrent-days", "0");

        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.out()).isEmpty();
        // every backed-up database of the example repository is inside 3 days; their count follows the examples
        assertThat(tooShort.err()).matches("apps/20-media/frigate/vixens-backup.yaml:21:14: expiring noncurrent"
                + " versions after 3 days would delete objects Litestream still needs: frigate /config/frigate.db"
                + " \\(profile critical\\) keeps 336h of history and restores it from a snapshot up to 1h older"
                + " \\(337h in all\\), and \\d+ more database\\(s\\); use --noncurrent-days 15 or more\n");
        assertThat(withoutVersioned.exitCode()).isEqualTo(2);
        assertThat(withoutVersioned.err()).contains("--noncurrent-days needs --versioned");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--noncurrent-days 0 must be at least 1");
    }
}
