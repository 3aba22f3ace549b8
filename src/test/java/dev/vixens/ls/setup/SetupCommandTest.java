package dev.vixens.ls.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.version.BuildInfo;
import dev.vixens.ls.version.ToolVersion;
import dev.vixens.ls.version.VersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupCommandTest {

    private static final String TOOL = "https://git.example.org/vixens/vixens-ls.git";
    private static final List<String> WRITTEN = List.of(".vixens-ls.yaml", ".pre-commit-config.yaml",
            ".github/workflows/vixens-ls.yml", ".gitlab-ci.yml");

    @TempDir
    Path repo;

    private CliRun setup(String... args) {
        return CliRun.inRepo(repo, "setup", args);
    }

    /** The example repository as a user has it before setup: apps, overlays, descriptors, generated output. */
    private void exampleWithoutSetupFiles() {
        ProjectFiles.copyTree(ProjectFiles.root().resolve("examples"), repo);
        WRITTEN.forEach(file -> ProjectFiles.deleteTree(repo.resolve(file)));
    }

    @Test
    void theExampleRepositorysFilesAreExactlyWhatSetupWrites() {
        exampleWithoutSetupFiles();

        CliRun first = setup("--pre-commit", "--ci", "github", "--tool-repo", TOOL, "--rev", "v0.2.0");
        CliRun gitlab = setup("--ci", "gitlab", "--tool-repo", TOOL, "--rev", "v0.2.0");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("""
                wrote .vixens-ls.yaml
                wrote .pre-commit-config.yaml
                wrote .github/workflows/vixens-ls.yml
                next: describe each app""");
        assertThat(gitlab.out()).startsWith("unchanged .vixens-ls.yaml\nwrote .gitlab-ci.yml\n");
        for (String file : WRITTEN) {
            assertThat(repo.resolve(file)).as(file)
                    .hasSameTextualContentAs(ProjectFiles.root().resolve("examples").resolve(file));
        }
        // what it wrote is a repository the tool manages
        assertThat(CliRun.inRepo(repo, "check", "--all").exitCode()).isZero();
    }

    @Test
    void runningItTwiceChangesNothing() {
        exampleWithoutSetupFiles();
        setup("--pre-commit", "--ci", "gitlab", "--tool-repo", TOOL, "--rev", "v0.2.0");
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun again = setup("--pre-commit", "--ci", "gitlab", "--tool-repo", TOOL, "--rev", "v0.2.0");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("unchanged .vixens-ls.yaml\nunchanged .pre-commit-config.yaml\n"
                + "unchanged .gitlab-ci.yml\n");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }

    @Test
    void aFileTheUserWroteIsNeverReplaced() throws Exception {
        exampleWithoutSetupFiles();
        ProjectFiles.write(repo.resolve(".pre-commit-config.yaml"), "repos: []  # mine\n");

        CliRun run = setup("--pre-commit", "--tool-repo", TOOL, "--rev", "v0.2.0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("wrote .vixens-ls.yaml\n"
                + "kept .pre-commit-config.yaml (it exists; setup never replaces a file)\n");
        assertThat(Files.readString(repo.resolve(".pre-commit-config.yaml"))).isEqualTo("repos: []  # mine\n");
    }

    @Test
    void appDirectoriesAreFoundWhereverTheRepositoryKeepsThem() throws Exception {
        for (String app : List.of("clusters/home/apps/10-home/hass", "clusters/home/apps/20-media/sonarr",
                "k8s/a/b/c/d/e/deep-app", "tools/vault")) {
            Files.createDirectories(repo.resolve(app + "/base"));
            Files.createDirectories(repo.resolve(app + "/overlays/prod"));
        }
        ProjectFiles.write(repo.resolve("legacy/vaultwarden/vixens-backup.yaml"), "app: vaultwarden\n");
        Files.createDirectories(repo.resolve("node_modules/x/base"));
        Files.createDirectories(repo.resolve("node_modules/x/overlays"));

        setup();

        assertThat(Files.readString(repo.resolve(".vixens-ls.yaml"))).contains("""
                apps:
                  - clusters
                  - k8s/a/b
                  - legacy
                  - tools
                # Where the shared building blocks are written.
                shared: clusters/_shared/litestream
                """);
        CliRun apps = CliRun.inRepo(repo, "apps");
        assertThat(apps.exitCode()).as(apps.err()).isZero();
        assertThat(apps.out()).isEqualTo("vaultwarden              legacy/vaultwarden\n");
    }

    @Test
    void anExistingConfigWithoutAPinIsKeptAndTheNoteSaysWhatToAdd() {
        ProjectFiles.write(repo.resolve(".vixens-ls.yaml"), "apps: [k8s]\n");

        CliRun run = setup();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("kept .vixens-ls.yaml (it exists; setup never replaces a file)\n"
                + "note: .vixens-ls.yaml pins no vixens-ls version; add requires: \"" + VersionRange.compatibleWith(
                        ToolVersion.parse(BuildInfo.current().version()).orElseThrow()) + "\" to it, so that every"
                + " teammate and CI run this release series\n");
    }

    @Test
    void withoutAppsItSearchesAppsAndSaysSo() {
        CliRun run = setup();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("note: no app directories found (directories holding base/ and overlays/, or a"
                + " vixens-backup.yaml); .vixens-ls.yaml searches apps/: change 'apps:' if your apps live elsewhere\n");
        assertThat(CliRun.inRepo(repo, "apps").exitCode()).isZero();
    }

    @Test
    void hookAndCiFilesNeedToKnowWhereTheToolIsPublished() {
        CliRun run = setup("--pre-commit", "--rev", "v0.2.0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("vixens-ls: setup: the pre-commit and CI files fetch vixens-ls from its git"
                + " repository, and this build does not know where that is published: pass --tool-repo URL (the"
                + " repository holding the vX.Y.Z tags, or your mirror of it)\n");
        assertThat(repo.resolve(".vixens-ls.yaml")).doesNotExist();
    }

    @Test
    void unknownHookOrCiKindsAreUsageErrors() {
        assertThat(setup("--ci", "jenkins").err())
                .isEqualTo("vixens-ls: --ci: 'jenkins' is not a CI system; use github or gitlab\n");
        assertThat(setup("--hook", "docker").err())
                .isEqualTo("vixens-ls: --hook: 'docker' is not a hook kind; use script or installed\n");
        assertThat(repo.resolve(".vixens-ls.yaml")).doesNotExist();
    }
}
