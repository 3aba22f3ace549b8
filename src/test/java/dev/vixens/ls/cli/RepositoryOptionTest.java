package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -C/--repo} means the same before or after every command, and option mistakes are one line. */
class RepositoryOptionTest {

    @TempDir
    Path dir;

    @Test
    void theRepositoryIsAcceptedBeforeOrAfterTheCommand() {
        ProjectFiles.copyExampleRepository(dir, "vaultwarden");
        for (String command : new String[] {"apps", "profiles", "explain", "check", "generate"}) {
            String[] rest = command.equals("explain") || command.equals("generate")
                    ? new String[] {"vaultwarden"} : new String[0];
            CliRun after = CliRun.inRepo(dir, command, rest);
            String[] before = new String[2 + 1 + rest.length];
            before[0] = "-C";
            before[1] = dir.toString();
            before[2] = command;
            System.arraycopy(rest, 0, before, 3, rest.length);
            CliRun first = CliRun.run(before);

            assertThat(first.exitCode()).as(command).isEqualTo(after.exitCode()).isZero();
            assertThat(first.out()).as(command).isEqualTo(after.out());
        }
    }

    @Test
    void lintTakesTheRepositoryAndReadsRelativePathsAgainstIt() {
        ProjectFiles.copyExampleRepository(dir, "vaultwarden");

        CliRun lint = CliRun.run("lint", "-C", dir.toString(), "apps/60-services/vaultwarden/litestream");
        CliRun before = CliRun.run("--repo", dir.toString(), "lint", "apps/60-services/vaultwarden/litestream");

        assertThat(lint.exitCode()).as(lint.err()).isZero();
        assertThat(lint.err()).contains("0 error(s), 0 warning(s) in 1 Litestream config(s)");
        assertThat(before.err()).isEqualTo(lint.err());
    }

    @Test
    void importReadsARelativeAppDirectoryAgainstTheRepository() {
        ProjectFiles.copyExampleRepository(dir, "vaultwarden");

        CliRun run = CliRun.run("import", "-C", dir.toString(), "apps/60-services/nothing-here");

        // the path was read against the repository: the complaint is about that directory, not about the cwd
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(dir.resolve("apps/60-services/nothing-here")
                + ":1:1: not a directory\n");
    }

    @Test
    void anInvalidOptionValueIsOneLinePointingToHelp() {
        CliRun run = CliRun.run("init", "x", "--uid", "many");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("vixens-ls: Invalid value for option '--uid': 'many' is not a long;"
                + " see 'vixens-ls init --help'\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionSuggestsTheNearestOne() {
        CliRun run = CliRun.run("check", "--al");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("vixens-ls: Unknown option: '--al' (did you mean '--all'?);"
                + " see 'vixens-ls check --help'\n");
    }

    @Test
    void aMissingAppsDirectoryIsSaid() {
        TestRepo repo = TestRepo.create(dir);

        CliRun check = CliRun.inRepo(repo.root(), "check");
        CliRun apps = CliRun.inRepo(repo.root(), "apps");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).startsWith(".vixens-ls.yaml:1:1: no app descriptors (vixens-backup.yaml)"
                + " found under apps/ (which does not exist); describe an app with 'vixens-ls init APP'");
        assertThat(apps.err()).contains("apps/ (which does not exist)");
    }
}
