package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching an app between 0.3 and 0.5 starts a new backup history: generate says so (on stderr, exit 0)
 * the one time it rewrites the config, and says whether the new replicas would share the old paths.
 */
class FormatChangeTest {

    private static final String HYDRUS = "apps/20-media/hydrus-client/vixens-backup.yaml";

    @TempDir
    Path repo;

    @BeforeEach
    void generatedOn03() {
        ProjectFiles.copyExampleRepository(repo);
        assertThat(CliRun.inRepo(repo, "generate", "--all").exitCode()).isZero();
    }

    private void setHydrusLitestream(String block) throws Exception {
        Path descriptor = repo.resolve(HYDRUS);
        Files.writeString(descriptor, Files.readString(descriptor) + "litestream:\n" + block);
    }

    @Test
    void switchingTo05WarnsThat05DoesNotRestore03BackupsAndThatPathsAreShared() throws Exception {
        setHydrusLitestream("  version: 0.5.12\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err().lines()).containsExactly(
                "warning: hydrus-client: Litestream 0.3 -> 0.5.12 changes the backup format, and 0.5 does not"
                        + " restore 0.3 backups. Until the new sidecar has replicated each database, a pod that"
                        + " loses its volume starts with an empty database; keep the 0.3 backups (a Litestream 0.3"
                        + " image restores them).",
                "warning: hydrus-client: the 0.5 replicas use the same bucket paths as the 0.3 backups (e.g."
                        + " s3://${LITESTREAM_BUCKET}/hydrus-client/client.db); set litestream.replicaPrefix (e.g."
                        + " v05) to keep them apart.");
        assertThat(generate.out()).contains("wrote     apps/20-media/hydrus-client/litestream/litestream-1h-336h.yml",
                "deleted   apps/20-media/hydrus-client/litestream/litestream.yml");

        CliRun again = CliRun.inRepo(repo, "generate", "hydrus-client");
        assertThat(again.err()).isEmpty();
    }

    @Test
    void aReplicaPrefixKeepsThe05HistoryApartAndSilencesThePathWarning() throws Exception {
        setHydrusLitestream("  version: 0.5.7\n  replicaPrefix: v05\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.err().lines()).singleElement().asString()
                .startsWith("warning: hydrus-client: Litestream 0.3 -> 0.5.7 changes the backup format");
        assertThat(repo.resolve("apps/20-media/hydrus-client/litestream/litestream-1h-336h.yml"))
                .content().contains("url: \"s3://${LITESTREAM_BUCKET}/v05/hydrus-client/client.db\"");
    }

    @Test
    void goingBackTo03IsTheSameBreakInTheOtherDirection() throws Exception {
        setHydrusLitestream("  version: 0.5.12\n  replicaPrefix: v05\n");
        CliRun.inRepo(repo, "generate", "hydrus-client");
        Path descriptor = repo.resolve(HYDRUS);
        Files.writeString(descriptor, Files.readString(descriptor).replace("0.5.12", "0.3.13")
                .replace("  replicaPrefix: v05\n", ""));

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.err().lines()).containsExactly("warning: hydrus-client: Litestream 0.5 -> 0.3.13 changes"
                + " the backup format, and 0.3 does not restore 0.5 backups. Until the new sidecar has replicated"
                + " each database, a pod that loses its volume starts with an empty database; keep the 0.5 backups"
                + " (a Litestream 0.5 image restores them).");
    }

    @Test
    void aPatchUpgradeWithinOneFormatSaysNothing() throws Exception {
        setHydrusLitestream("  version: 0.5.7\n  replicaPrefix: v05\n");
        CliRun.inRepo(repo, "generate", "hydrus-client");
        Path descriptor = repo.resolve(HYDRUS);
        Files.writeString(descriptor, Files.readString(descriptor).replace("0.5.7", "0.5.12"));

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.out()).contains("wrote     apps/20-media/hydrus-client/litestream/litestream-1h-336h.yml");
        assertThat(generate.err()).isEmpty();
    }

    @Test
    void switchingTheRepositoryDefaultAlsoWarnsForTheSharedBuildingBlocks() throws Exception {
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replace("version: 0.3.13", "version: 0.5.12"));

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.err().lines())
                .contains("warning: apps/_shared/litestream: the 0.5 replicas use the same bucket paths as the 0.3"
                        + " backups; set defaults.litestream.replicaPrefix (e.g. v05) to keep them apart.")
                .anyMatch(line -> line.startsWith("warning: apps/_shared/litestream: Litestream 0.3 -> 0.5.12"))
                .anyMatch(line -> line.startsWith("warning: hydrus-client: Litestream 0.3 -> 0.5.12"));
    }
}
