package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release newer than the release table is refused (the refusal itself is in the bad-input corpus) unless the
 * descriptor, or the repository's defaults, opt in with {@code allowNewerRelease: true}: then it is the image
 * tag, its config is the newest known release's, and every generate and check says so on stderr.
 */
class NewerReleaseOptInTest {

    private static final String HYDRUS = "apps/20-media/hydrus-client/vixens-backup.yaml";
    private static final String WARNING = "warning: hydrus-client: Litestream 0.5.17 is newer than every 0.5 release"
            + " vixens-ls knows; with allowNewerRelease it is configured as 0.5.16, the newest known one, and its own"
            + " keys and flags are not verified: read its release notes, and update vixens-ls when it knows 0.5.17";

    @TempDir
    Path repo;

    @BeforeEach
    void exampleRepository() {
        ProjectFiles.copyExampleRepository(repo);
    }

    @Test
    void withoutTheOptInNothingIsWritten() throws Exception {
        append(HYDRUS, "litestream:\n  version: 0.5.17\n");
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.err()).isEqualTo("apps/20-media/hydrus-client/vixens-backup.yaml:25:12:"
                + " litestream.version: Litestream 0.5.17 is newer than the newest 0.5 release vixens-ls knows"
                + " (0.5.16), so its keys and flags are not verified; use 0.5.16, or set litestream.allowNewerRelease:"
                + " true to configure it as 0.5.16 reads its config\n");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }

    @Test
    void theOptInWritesTheNewestKnownConfigForTheNewerImageAndWarnsOnEveryRun() throws Exception {
        append(HYDRUS, "litestream:\n  version: 0.5.17\n  allowNewerRelease: true\n  replicaPrefix: v05\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");
        CliRun again = CliRun.inRepo(repo, "generate", "--all");
        CliRun check = CliRun.inRepo(repo, "check", "--all");
        CliRun checkAgain = CliRun.inRepo(repo, "check");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err().lines()).contains(WARNING);
        assertThat(again.err().lines().filter(line -> line.contains("Litestream"))).containsExactly(WARNING);
        assertThat(check.exitCode()).isZero();
        assertThat(check.err().lines()).containsExactly(WARNING);
        assertThat(checkAgain.err().lines()).containsExactly(WARNING);
        assertThat(CheckCache.filesProvenCurrent(repo, CheckCache.selectionKey(true, List.of())))
                .as("the fast check, which could not warn, never answers while the opt-in is in use").isNegative();
        Path component = repo.resolve("apps/20-media/hydrus-client/litestream");
        assertThat(component.resolve("workload-patch.yaml")).content()
                .contains("image: litestream/litestream:0.5.17")
                .doesNotContain("litestream/litestream:0.5.16");
        assertThat(component.resolve("litestream-1h-336h.yml")).content()
                .contains("# Litestream 0.5.17 configuration: snapshot interval and retention per database")
                .contains("shutdown-sync-timeout: 20s");
        assertThat(CliRun.inRepo(repo, "explain", "hydrus-client").out())
                .contains("Litestream 0.5.17 (configured as 0.5.16, allowNewerRelease)");
    }

    @Test
    void theRepositoryDefaultsCanOptInForEveryApp() throws Exception {
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replace("version: 0.3.13",
                "version: 0.3.15\n    allowNewerRelease: true"));

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err().lines()).contains("warning: apps/_shared/litestream: Litestream 0.3.15 is newer than"
                + " every 0.3 release vixens-ls knows; with allowNewerRelease it is configured as 0.3.14, the newest"
                + " known one, and its own keys and flags are not verified: read its release notes, and update"
                + " vixens-ls when it knows 0.3.15");
        assertThat(repo.resolve("apps/20-media/hydrus-client/litestream/workload-patch.yaml")).content()
                .contains("image: litestream/litestream:0.3.15");
    }

    private void append(String file, String text) throws Exception {
        Path path = repo.resolve(file);
        Files.writeString(path, Files.readString(path) + text);
    }
}
