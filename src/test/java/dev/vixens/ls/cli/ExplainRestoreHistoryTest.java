package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} says, per database, which backups a restore would read (its release's layout, and the 0.3
 * generations from 0.5.7), how long the sidecar needs to stop, and, while the config on disk is of another
 * format than the descriptor's release, what that change means.
 */
class ExplainRestoreHistoryTest {

    private static final String HYDRUS = "apps/20-media/hydrus-client/vixens-backup.yaml";
    private static final String DB = "  /opt/hydrus/db/client.db                 ";

    @TempDir
    Path repo;

    private String explainOn(String version) throws Exception {
        Path descriptor = repo.resolve(HYDRUS);
        Files.writeString(descriptor, Files.readString(descriptor) + "litestream:\n  version: " + version + "\n");
        CliRun explain = CliRun.inRepo(repo, "explain", "hydrus-client");
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        return explain.out();
    }

    @Test
    void on03TheGenerations() {
        ProjectFiles.copyExampleRepository(repo);

        CliRun explain = CliRun.inRepo(repo, "explain", "hydrus-client");

        assertThat(explain.out().lines()).contains(
                "What a restore reads for a database missing at start-up:",
                DB + "0.3 generations at s3://${LITESTREAM_BUCKET}/hydrus-client/client.db",
                "Sidecar stop: up to 20s after SIGTERM to ship the last writes; the pod's"
                        + " terminationGracePeriodSeconds must be 30 or more (with a 10s margin)");
    }

    @Test
    void before057OnlyTheLtxFilesAndTheFormatChangeWhileTheConfigOnDiskIs03() throws Exception {
        ProjectFiles.copyExampleRepository(repo);
        CliRun.inRepo(repo, "generate", "--all");

        String out = explainOn("0.5.6");

        assertThat(out.lines()).contains(DB + "LTX files at s3://${LITESTREAM_BUCKET}/hydrus-client/client.db (not the"
                + " 0.3 generations there: 0.5.7 and later read those)")
                .anyMatch(line -> line.startsWith("warning: hydrus-client: Litestream 0.3 -> 0.5.6 changes the backup"
                        + " format, and 0.5.6 does not restore 0.3 backups"));
    }

    @Test
    void from057BothHistoriesAtTheSamePath() throws Exception {
        ProjectFiles.copyExampleRepository(repo);

        String out = explainOn("0.5.7");

        assertThat(out.lines()).contains(DB + "LTX files at s3://${LITESTREAM_BUCKET}/hydrus-client/client.db, or the 0.3"
                + " generations there when those are newer");
    }
}
