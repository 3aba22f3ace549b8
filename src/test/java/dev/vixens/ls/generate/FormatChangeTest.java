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
 * Switching an app between 0.3 and 0.5 changes the backup format; what a restore finds afterwards depends on
 * the release (0.5.7 and later restore the 0.3 generations at the same path) and on the replica paths.
 * generate and check say so on stderr, without failing, while the config on disk and the descriptor disagree.
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
    void from057TheSamePathsKeepThe03HistoryAndCheckSaysSoToo() throws Exception {
        setHydrusLitestream("  version: 0.5.12\n");
        String note = "note: hydrus-client: Litestream 0.3 -> 0.5.12 changes the backup format; 0.5.12 restores the"
                + " 0.3 backups at the same replica paths while they are newer than its own, so a pod that loses its"
                + " volume before the new sidecar has replicated still gets its data back: keep the replica paths as"
                + " they are (no litestream.replicaPrefix).";

        CliRun check = CliRun.inRepo(repo, "check", "hydrus-client");
        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(check.exitCode()).as("stale, and saying why it matters").isEqualTo(1);
        assertThat(check.err().lines()).containsExactly(note);
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err().lines()).containsExactly(note);
        assertThat(generate.out()).contains("wrote     apps/20-media/hydrus-client/litestream/litestream-1h-336h.yml",
                "deleted   apps/20-media/hydrus-client/litestream/litestream.yml");
        CliRun again = CliRun.inRepo(repo, "generate", "hydrus-client");
        assertThat(again.err()).isEmpty();
        assertThat(CliRun.inRepo(repo, "check", "hydrus-client").err()).isEmpty();
    }

    @Test
    void from057APrefixThrowsTheBridgeAway() throws Exception {
        setHydrusLitestream("  version: 0.5.7\n  replicaPrefix: v05\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.err().lines()).containsExactly("warning: hydrus-client: Litestream 0.3 -> 0.5.7 changes"
                + " the backup format, and the replica paths change with it (e.g."
                + " s3://${LITESTREAM_BUCKET}/v05/hydrus-client/client.db): 0.5.7 restores 0.3 backups only at the"
                + " same path. Until the new sidecar has replicated each database, a pod that loses its volume starts"
                + " with an empty database; keep the old paths (no litestream.replicaPrefix) unless you want a fresh"
                + " start.");
        assertThat(repo.resolve("apps/20-media/hydrus-client/litestream/litestream-1h-336h.yml"))
                .content().contains("url: \"s3://${LITESTREAM_BUCKET}/v05/hydrus-client/client.db\"");
    }

    @Test
    void before057ThereIsNoBridgeAndThePrefixIsAdvised() throws Exception {
        setHydrusLitestream("  version: 0.5.6\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.err().lines()).containsExactly(
                "warning: hydrus-client: Litestream 0.3 -> 0.5.6 changes the backup format, and 0.5.6 does not"
                        + " restore 0.3 backups (0.5.7 and later do, at the same replica paths). Until the new sidecar"
                        + " has replicated each database, a pod that loses its volume starts with an empty database;"
                        + " keep the 0.3 backups (a Litestream 0.3 image restores them).",
                "warning: hydrus-client: the 0.5 replicas use the same bucket paths as the 0.3 backups (e.g."
                        + " s3://${LITESTREAM_BUCKET}/hydrus-client/client.db); set litestream.replicaPrefix (e.g."
                        + " v05) to keep them apart, or use 0.5.7 or later, which restores them there.");
    }

    @Test
    void goingBackTo03IsABreakInTheOtherDirection() throws Exception {
        setHydrusLitestream("  version: 0.5.12\n  replicaPrefix: v05\n");
        CliRun.inRepo(repo, "generate", "hydrus-client");
        Path descriptor = repo.resolve(HYDRUS);
        Files.writeString(descriptor, Files.readString(descriptor).replace("0.5.12", "0.3.13")
                .replace("  replicaPrefix: v05\n", ""));

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.err().lines()).containsExactly("warning: hydrus-client: Litestream 0.5 -> 0.3.13 changes"
                + " the backup format, and 0.3.13 does not restore 0.5 backups. Until the new sidecar has replicated"
                + " each database, a pod that loses its volume starts with an empty database; keep the 0.5 backups"
                + " (a Litestream 0.5 image restores them).");
    }

    @Test
    void goingBackTo03AtTheSamePathsWarnsOfTheOlder03History() throws Exception {
        setHydrusLitestream("  version: 0.5.12\n");
        CliRun.inRepo(repo, "generate", "hydrus-client");
        Path descriptor = repo.resolve(HYDRUS);
        Files.writeString(descriptor, Files.readString(descriptor).replace("0.5.12", "0.3.13"));

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.err().lines()).contains("warning: hydrus-client: the 0.3 replicas use the bucket paths of"
                + " the 0.5 backups (e.g. s3://${LITESTREAM_BUCKET}/hydrus-client/client.db); if 0.3 backups from"
                + " before 0.5 are still there, they are older than every write made under 0.5, and a restore would"
                + " bring them back: set litestream.replicaPrefix (e.g. v03) to start this history apart.");
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
    void switchingTheRepositoryDefaultAlsoSpeaksForTheSharedBuildingBlocks() throws Exception {
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replace("version: 0.3.13", "version: 0.5.4"));

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.err().lines())
                .contains("warning: apps/_shared/litestream: the 0.5 replicas use the same bucket paths as the 0.3"
                        + " backups; set defaults.litestream.replicaPrefix (e.g. v05) to keep them apart, or use"
                        + " 0.5.7 or later, which restores them there.")
                .anyMatch(line -> line.startsWith("warning: apps/_shared/litestream: Litestream 0.3 -> 0.5.4"))
                .anyMatch(line -> line.startsWith("warning: hydrus-client: Litestream 0.3 -> 0.5.4"));
    }
}
