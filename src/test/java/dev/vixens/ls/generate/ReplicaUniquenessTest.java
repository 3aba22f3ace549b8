package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TreeSnapshot;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 4: two apps backing up into one replica path were accepted by generate and check (only lint
 * objected); two writers corrupt one replica. Refused now, by generate and check, whichever apps a run selects,
 * with the message at the descriptor that chose the path by hand and naming the other one.
 */
class ReplicaUniquenessTest {

    @TempDir
    Path repo;

    private static final String INTRUDER = "apps/30-lab/notes/vixens-backup.yaml";

    @BeforeEach
    void anAppWritingIntoHydrussReplica() {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client", "vaultwarden");
        ProjectFiles.write(repo.resolve(INTRUDER), """
                app: notes
                namespace: notes
                workload: {kind: Deployment, name: notes, container: notes}
                volume: {name: data, mountPath: /data}
                databases:
                  - path: /data/notes.db
                    profile: standard
                    replicaPath: hydrus-client/client.db
                """);
    }

    @Test
    void generateAndCheckRefuseTwoAppsWritingOneReplica() {
        Map<String, String> before = TreeSnapshot.of(repo);
        String expected = INTRUDER + ":8:18: databases[0].replicaPath: the replica"
                + " 's3://${LITESTREAM_BUCKET}/hydrus-client/client.db' is also the replica of"
                + " apps/20-media/hydrus-client/vixens-backup.yaml databases[0] (app hydrus-client,"
                + " /opt/hydrus/db/client.db); two apps writing one replica corrupt it. Give one of them its own"
                + " replicaPath (or litestream.replicaPrefix)\n";

        for (String[] command : new String[][] {{"generate", "--all"}, {"generate", "notes"}, {"check"},
                {"check", "notes"}}) {
            CliRun run = CliRun.inRepo(repo, command[0], java.util.Arrays.copyOfRange(command, 1, command.length));

            assertThat(run.err()).as(String.join(" ", command)).isEqualTo(expected);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(TreeSnapshot.of(repo)).isEqualTo(before);
        }
    }

    @Test
    void generatingTheOtherAppIsRefusedTooAndNamesTheIntruder() {
        CliRun run = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("apps/20-media/hydrus-client/vixens-backup.yaml:13:11: databases[0].path:"
                + " the replica 's3://${LITESTREAM_BUCKET}/hydrus-client/client.db' is also the replica of " + INTRUDER
                + " databases[0] (app notes, /data/notes.db)");
    }

    @Test
    void aBrokenOtherAppDoesNotBlockAnApp() {
        ProjectFiles.write(repo.resolve(INTRUDER), "app: notes\n");

        CliRun run = CliRun.inRepo(repo, "generate", "vaultwarden");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
