package dev.vixens.ls.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, part 2: {@code litestream.heartbeat} writes Litestream's heartbeat keys, the URL as a reference to
 * a variable of the app's Secret (never a literal), on the releases that read them; the refusal on older
 * releases is in the bad-input corpus ({@code heartbeat-on-0.3}, {@code heartbeat-on-0.5.5}), and
 * ReleasesReadWhatGenerateWritesTest holds the example app that uses it (hydrus-client-v05) to its release.
 */
class HeartbeatTest {

    private static final String APP = """
            app: notes
            namespace: notes
            workload: {kind: Deployment, name: notes, container: notes}
            volume: {name: data, mountPath: /data}
            databases:
              - {path: /data/notes.db, profile: standard}
            litestream:
              version: %s
              heartbeat: %s
            """;

    @Test
    void theFirstReleaseThatReadsTheKeysGetsThemWithTheUrlFromTheSecret(@TempDir Path root) throws IOException {
        String first = ReleaseTable.get().readers(Level.TOP, "heartbeat-url").get(0).version();
        TestRepo repo = TestRepo.create(root).descriptor("10-test", "notes",
                APP.formatted(first, "{urlEnv: NOTES_PING_URL, interval: 2m}"));

        CliRun generate = CliRun.inRepo(root, "generate", "--all");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        String config = Files.readString(repo.root().resolve("apps/10-test/notes/litestream/litestream.yml"));
        assertThat(config).contains("\nheartbeat-url: \"${NOTES_PING_URL}\"\nheartbeat-interval: 2m\n");
        assertThat(ReleaseTable.get().find(first).orElseThrow().reads(Level.TOP, "heartbeat-interval")).isTrue();
        assertThat(CliRun.inRepo(root, "explain", "notes").out())
                .contains("Heartbeat: every 2m to $NOTES_PING_URL (from Secret litestream-shared-secrets;");
    }

    @Test
    void theDefaultsAreTheUsualVariableAndFiveMinutes(@TempDir Path root) throws IOException {
        TestRepo repo = TestRepo.create(root).descriptor("10-test", "notes", APP.formatted("0.5.16", "{}"));

        CliRun generate = CliRun.inRepo(root, "generate", "--all");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(Files.readString(repo.root().resolve("apps/10-test/notes/litestream/litestream.yml")))
                .contains("\nheartbeat-url: \"${LITESTREAM_HEARTBEAT_URL}\"\nheartbeat-interval: 5m\n");
    }

    @Test
    void anIntervalOutsideItsRangeIsRefusedWhereWritten(@TempDir Path root) {
        TestRepo.create(root).descriptor("10-test", "notes", APP.formatted("0.5.16", "{interval: 10s}"));

        CliRun generate = CliRun.inRepo(root, "generate", "--all");

        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.err()).isEqualTo("apps/10-test/notes/vixens-backup.yaml:9:14: litestream.heartbeat.interval:"
                + " 10s is not between 1m and 24h\n");
    }
}
