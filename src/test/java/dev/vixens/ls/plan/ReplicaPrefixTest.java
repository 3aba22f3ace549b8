package dev.vixens.ls.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code litestream.replicaPrefix}: put before every replica path, from the descriptor or the defaults. */
class ReplicaPrefixTest {

    @TempDir
    Path repo;

    @Test
    void theRepositoryDefaultPrefixesAppsAndSharedPieces() throws Exception {
        ProjectFiles.copyExampleRepository(repo);
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replace("    version: 0.3.13\n",
                "    version: 0.3.13\n    replicaPrefix: backups/v03\n"));

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(repo.resolve("apps/20-media/hydrus-client/litestream/litestream.yml")).content()
                .contains("url: \"s3://${LITESTREAM_BUCKET}/backups/v03/hydrus-client/client.db\"");
        assertThat(repo.resolve("apps/_shared/litestream/critical-profile-config/litestream.yml")).content()
                .contains("url: \"s3://${LITESTREAM_BUCKET}/backups/v03/${LITESTREAM_REPLICA_PATH}\"");
        CliRun explain = CliRun.inRepo(repo, "explain", "hydrus-client");
        assertThat(explain.out()).contains("s3://${LITESTREAM_BUCKET}/backups/v03/hydrus-client/client.mappings.db");
    }

    @Test
    void aPrefixThatClimbsOutIsRefusedWhereItIsWritten() throws Exception {
        ProjectFiles.copyExampleRepository(repo);
        Path descriptor = repo.resolve("apps/20-media/hydrus-client/vixens-backup.yaml");
        Files.writeString(descriptor, Files.readString(descriptor) + "litestream:\n  replicaPrefix: ../other\n");
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.err()).isEqualTo("apps/20-media/hydrus-client/vixens-backup.yaml:25:18:"
                + " litestream.replicaPrefix: '../other' contains a '..' segment; paths may not climb out of their"
                + " directory\n");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }
}
