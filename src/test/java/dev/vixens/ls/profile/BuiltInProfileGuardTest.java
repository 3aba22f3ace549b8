package dev.vixens.ls.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5: a repository profile named like a built-in ({@code critical.yaml} with
 * {@code backup: false}) silently turned every critical database into one deleted at each pod start. It now
 * takes {@code acknowledgeNoBackup: critical} in the file (without it: bad input, see the corpus case
 * {@code profile-builtin-stops-backups}), and every generate, check and profiles says so while it holds; the
 * fast check never answers in its place, since it would say nothing.
 */
class BuiltInProfileGuardTest {

    @TempDir
    Path repo;
    @TempDir
    Path cache;

    private static final String WARNING = "warning: profiles/critical.yaml replaces the built-in profile 'critical'"
            + " with one that is not backed up (acknowledgeNoBackup): every database using 'critical' is deleted at"
            + " each pod start and never replicated";

    @BeforeEach
    void acknowledgedReplacement() {
        System.setProperty("vixens.cache", cache.toString());
        System.setProperty("vixens.buildId", "test-build-1");
        ProjectFiles.copyExampleRepository(repo, "hydrus-client");
        ProjectFiles.write(repo.resolve("profiles/critical.yaml"), """
                description: This cluster keeps no backups; the data is rebuilt from elsewhere.
                backup: false
                acknowledgeNoBackup: critical
                """);
    }

    @AfterEach
    void disableCache() {
        System.clearProperty("vixens.cache");
        System.clearProperty("vixens.buildId");
    }

    @Test
    void everyRunSaysSoWhileTheAcknowledgedReplacementHolds() {
        CliRun generate = CliRun.inRepo(repo, "generate", "--all");
        CliRun check = CliRun.inRepo(repo, "check");
        CliRun again = CliRun.inRepo(repo, "check");
        CliRun profiles = CliRun.inRepo(repo, "profiles");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err().lines()).contains(WARNING);
        assertThat(check.exitCode()).isZero();
        assertThat(check.err().lines()).containsExactly(WARNING);
        assertThat(again.err().lines()).as("not cached away").containsExactly(WARNING);
        assertThat(dev.vixens.ls.output.CheckCache.filesProvenCurrent(repo,
                dev.vixens.ls.output.CheckCache.selectionKey(true, java.util.List.of()))).isEqualTo(-1);
        assertThat(profiles.err().lines()).containsExactly(WARNING);
        assertThat(profiles.out()).contains("critical     no ");
    }

    @Test
    void anOverrideThatKeepsTheBackupNeedsNoAcknowledgement() {
        ProjectFiles.write(repo.resolve("profiles/critical.yaml"), """
                backup: true
                syncInterval: 1s
                snapshotInterval: 30m
                retention: 720h
                integrityCheck: mandatory
                """);

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err()).doesNotContain("warning");
    }
}
