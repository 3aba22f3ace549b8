package dev.vixens.ls.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TreeSnapshot;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promises about the file system, on real files in a temporary copy of the example repository:
 * vixens-ls never writes outside the repository root, never reads or writes through a symbolic link, never
 * echoes a file it refused, and writes nothing on bad input. Each test is one of issue 10's reproductions.
 */
class FileSystemSafetyTest {

    private static final String HYDRUS = "apps/20-media/hydrus-client";
    private static final String COMPONENT = HYDRUS + "/litestream";

    @TempDir
    Path repo;
    @TempDir
    Path outside;

    @BeforeEach
    void copyTheExamples() {
        ProjectFiles.copyExampleRepository(repo);
    }

    /** Item 1: a dangling link planted at a temporary file's name made generate create its target. */
    @Test
    void neverWritesThroughALinkPlantedAtATemporaryName() throws IOException {
        Path target = outside.resolve("x");
        Files.createSymbolicLink(repo.resolve(COMPONENT + "/.litestream.yml.vixens-ls-tmp"), target);
        editHydrus("critical", "standard");

        CliRun run = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(target).doesNotExist();
        assertThat(Files.isRegularFile(repo.resolve(COMPONENT + "/litestream.yml"), LinkOption.NOFOLLOW_LINKS))
                .as("the generated file is a regular file, not a link").isTrue();
        assertThat(run.out()).contains("wrote     " + COMPONENT + "/litestream.yml");
        assertThat(Files.isSymbolicLink(repo.resolve(COMPONENT + "/.litestream.yml.vixens-ls-tmp")))
                .as("a link is nobody's temporary file: left alone, never written through").isTrue();
    }

    /** Item 2: a profile linked to a credentials file printed the token in check's message. */
    @Test
    void neverReadsAProfileThroughALinkNorEchoesItsTarget() throws IOException {
        Path credentials = Files.writeString(outside.resolve("credentials"), "TOKEN=supersecret\n");
        Files.createSymbolicLink(repo.resolve("profiles/leak.yaml"), credentials);

        for (String command : new String[] {"check", "generate"}) {
            CliRun run = command.equals("check") ? CliRun.inRepo(repo, "check")
                    : CliRun.inRepo(repo, "generate", "--all");

            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).isEqualTo("profiles/leak.yaml:1:1: refusing to read through the"
                    + " symbolic link profiles/leak.yaml; vixens-ls never follows a link inside the repository"
                    + " (replace it with the directory or file itself)\n");
            assertThat(run.out() + run.err()).doesNotContain("supersecret", "TOKEN");
        }
    }

    @Test
    void neverReadsTheRepositoryConfigThroughALink() throws IOException {
        Path config = Files.writeString(outside.resolve("config"), "token: supersecret\n");
        Files.delete(repo.resolve(".vixens-ls.yaml"));
        Files.createSymbolicLink(repo.resolve(".vixens-ls.yaml"), config);

        CliRun run = CliRun.inRepo(repo, "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(".vixens-ls.yaml:1:1: refusing to read through the symbolic link"
                + " .vixens-ls.yaml; vixens-ls never follows a link inside the repository (replace it with the"
                + " directory or file itself)\n").doesNotContain("supersecret");
    }

    @Test
    void refusesAProfilesDirectoryLinkedOutsideAtItsKey() throws IOException {
        Path elsewhere = Files.createDirectories(outside.resolve("profiles"));
        Files.writeString(elsewhere.resolve("gold.yaml"), "backup: false\n");
        ProjectFiles.write(repo.resolve(".vixens-ls.yaml"), "apps: [apps]\nprofiles: team-profiles\n");
        Files.createSymbolicLink(repo.resolve("team-profiles"), elsewhere);
        Map<String, String> before = TreeSnapshot.of(repo);

        CliRun run = CliRun.inRepo(repo, "generate", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(".vixens-ls.yaml:2:11: profiles: 'team-profiles': refusing to read through"
                + " the symbolic link team-profiles; vixens-ls never follows a link inside the repository (replace"
                + " it with the directory or file itself)\n");
        assertThat(TreeSnapshot.of(repo)).isEqualTo(before);
    }

    @Test
    void refusesADescriptorThatIsALink() throws IOException {
        Path descriptor = repo.resolve(HYDRUS + "/vixens-backup.yaml");
        Path moved = Files.move(descriptor, outside.resolve("vixens-backup.yaml"));
        Files.createSymbolicLink(descriptor, moved);
        Map<String, String> before = TreeSnapshot.of(repo);

        CliRun run = CliRun.inRepo(repo, "generate", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(HYDRUS + "/vixens-backup.yaml:1:1: is a symbolic link; vixens-ls reads no"
                + " file through a link (replace the link with the file itself)\n");
        assertThat(TreeSnapshot.of(repo)).as("the app's Component is not taken for an orphan").isEqualTo(before);
    }

    /** Messages: a symlinked app directory was skipped without a word. */
    @Test
    void namesASymlinkedAppDirectoryItSkips() throws IOException {
        Path app = Files.move(repo.resolve("apps/60-services/vaultwarden"), outside.resolve("vaultwarden"));
        Files.createSymbolicLink(repo.resolve("apps/60-services/vaultwarden"), app);

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");
        CliRun check = CliRun.inRepo(repo, "check");

        String warning = "warning: apps/60-services/vaultwarden is a symbolic link to a directory; vixens-ls follows"
                + " no link inside the repository, so no app below it is generated or checked (move the directory"
                + " there instead of linking it)";
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err().lines()).contains(warning);
        assertThat(check.exitCode()).isZero();
        assertThat(check.err().lines()).containsExactly(warning);
        assertThat(app.resolve("litestream/litestream.yml")).as("nothing behind the link touched").exists();
    }

    /** Item 7: a file where the Component directory must go was found only after shared files were written. */
    @Test
    void findsAFileWhereADirectoryMustGoBeforeWritingAnything() throws IOException {
        ProjectFiles.write(repo.resolve("profiles/audit.yaml"), """
                backup: true
                syncInterval: 1s
                snapshotInterval: 12h
                retention: 720h
                integrityCheck: mandatory
                """);
        deleteTree(repo.resolve(COMPONENT));
        Files.writeString(repo.resolve(COMPONENT), "my notes\n");
        Map<String, String> before = TreeSnapshot.of(repo);

        CliRun run = CliRun.inRepo(repo, "generate", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(COMPONENT + "/kustomization.yaml:1:1: " + COMPONENT + " is a file where a"
                + " directory is needed; move it away");
        assertThat(TreeSnapshot.of(repo)).as("the new shared profile config was not written first").isEqualTo(before);
    }

    /** Item 8: a descriptor saved as vixens-backup.yml made generate --all delete the app's Component. */
    @Test
    void refusesADescriptorUnderANearMissNameInsteadOfDeletingItsComponent() throws IOException {
        Files.move(repo.resolve(HYDRUS + "/vixens-backup.yaml"), repo.resolve(HYDRUS + "/vixens-backup.yml"));
        Map<String, String> before = TreeSnapshot.of(repo);

        for (String[] command : new String[][] {{"generate", "--all"}, {"check"}, {"generate", "frigate"}}) {
            CliRun run = CliRun.inRepo(repo, command[0], java.util.Arrays.copyOfRange(command, 1, command.length));

            assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(run.err()).isEqualTo(HYDRUS + "/vixens-backup.yml:1:1: named like an app descriptor, but"
                    + " vixens-ls reads only files named exactly vixens-backup.yaml; rename it (without a descriptor,"
                    + " generate --all would take " + COMPONENT + "/ for an orphaned Component and delete it)\n");
            assertThat(TreeSnapshot.of(repo)).isEqualTo(before);
        }
    }

    @Test
    void refusesADescriptorWhoseNameDiffersOnlyInCase() throws IOException {
        Files.move(repo.resolve(HYDRUS + "/vixens-backup.yaml"), repo.resolve(HYDRUS + "/Vixens-Backup.yaml"));

        CliRun run = CliRun.inRepo(repo, "generate", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(HYDRUS + "/Vixens-Backup.yaml:1:1: named like an app descriptor");
        assertThat(repo.resolve(COMPONENT + "/litestream.yml")).exists();
    }

    /** Messages: a user's own symlink inside a Component was refused as if it were going to be written. */
    @Test
    void leavesAUsersUnrelatedLinkInAComponentAlone() throws IOException {
        Path notes = Files.writeString(outside.resolve("notes.md"), "mine\n");
        Files.createSymbolicLink(repo.resolve(COMPONENT + "/NOTES.md"), notes);
        Files.createSymbolicLink(repo.resolve(COMPONENT + "/old-config.yml"), repo.resolve(COMPONENT + "/litestream.yml"));

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");
        CliRun check = CliRun.inRepo(repo, "check");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).doesNotContain("NOTES.md", "old-config.yml");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(Files.isSymbolicLink(repo.resolve(COMPONENT + "/old-config.yml"))).isTrue();
    }

    /** Item 16: a 3 GB file in a Component directory was read whole to find the marker (out of memory). */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHugeUserFileInAComponentCostsOneSmallRead() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(repo.resolve(COMPONENT + "/dump.sql").toFile(), "rw")) {
            huge.setLength(3L << 30); // sparse: no disk used, but 3 GB for anyone who reads it all
        }

        CliRun check = CliRun.inRepo(repo, "check", "--all");
        CliRun generate = CliRun.inRepo(repo, "generate", "--all");

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).doesNotContain("dump.sql");
    }

    /**
     * Item 6: a temporary file of another run was deleted as stale output. It is not output at all: check
     * ignores it; only generate, holding the repository lock (so no run can still be writing it), removes the
     * leftover of an interrupted run.
     */
    @Test
    void aTemporaryFileIsNeverOutputAndGenerateRemovesALeftoverOne() throws IOException {
        Path leftover = repo.resolve(COMPONENT + "/.litestream.yml.4242-1.vixens-ls-tmp");
        Files.writeString(leftover, Files.readString(repo.resolve(COMPONENT + "/litestream.yml")));

        CliRun check = CliRun.inRepo(repo, "check");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(leftover).exists();

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");
        assertThat(generate.out()).contains("deleted   " + COMPONENT + "/.litestream.yml.4242-1.vixens-ls-tmp");
        assertThat(leftover).doesNotExist();
    }

    private void editHydrus(String from, String to) throws IOException {
        Path descriptor = repo.resolve(HYDRUS + "/vixens-backup.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replaceFirst(from, to));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
