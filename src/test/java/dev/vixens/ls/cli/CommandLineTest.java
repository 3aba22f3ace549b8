package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees from the command line: help, version, usage errors, profiles, explain. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CliRun help = CliRun.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("generate", "check", "profiles", "explain", "apps")
                .contains("2  bad input or usage; nothing was written");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"generate", "check", "profiles", "explain", "apps", "lint"}) {
            CliRun help = CliRun.run(command, "--help");

            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: vixens-ls " + command);
        }
    }

    @Test
    void versionNamesTheTool() {
        CliRun version = CliRun.run("--version");

        assertThat(version.exitCode()).isZero();
        // version from the pom, the commit of this checkout and that commit's date (scripts/build-info)
        assertThat(version.out()).matches("vixens-ls \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{12}(\\+changes)?,"
                + " built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\\n");
        assertThat(CliRun.run("apps", "--version").out()).isEqualTo(version.out());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.run("generat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'generat'");
    }

    @Test
    void generateWithoutAppsAsksForThem() {
        CliRun run = CliRun.inRepo(ProjectFiles.root(), "generate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("vixens-ls: name at least one app, or pass --all\n");
    }

    @Test
    void anUnknownAppNamesTheKnownOnes() {
        CliRun run = CliRun.inRepo(ProjectFiles.root(), "generate", "hydrus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("vixens-ls: unknown app 'hydrus'").contains("hydrus-client");
    }

    @Test
    void outsideARepositoryTheCommandSaysHowToMakeOne() {
        CliRun run = CliRun.inRepo(dir, "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("vixens-ls: not a vixens-ls repository: " + dir.toAbsolutePath().normalize()
                + " has no .vixens-ls.yaml; run 'vixens-ls setup --repo " + dir.toAbsolutePath().normalize()
                + "' to create one\n");
    }

    @Test
    void appsInARepositoryWithoutAppsSaysWhereItLooked() {
        ProjectFiles.write(dir.resolve(".vixens-ls.yaml"), "");

        CliRun run = CliRun.inRepo(dir, "apps");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("apps: no vixens-backup.yaml found under apps/ (which does not exist)"
                + " (searched 5 levels deep, as set by 'apps:' in .vixens-ls.yaml); describe an app with"
                + " 'vixens-ls init APP' or 'vixens-ls import APP_DIR', or list your app directories under 'apps:'\n");
    }

    @Test
    void profilesPrintsTheMatrixAndTheOverridesInUse() {
        TestRepo.create(dir).descriptor("10", "auth", """
                app: auth
                namespace: auth
                workload: {kind: Deployment, name: auth, container: auth}
                volume: {name: data, mountPath: /data}
                databases:
                  - {path: /data/a.db, profile: relaxed, overrides: {retention: 120h}}
                """);

        CliRun run = CliRun.inRepo(dir, "profiles");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsSubsequence(
                "PROFILE      BACKUP  SYNC   SNAPSHOT  RETENTION  INTEGRITY CHECK  SOURCE",
                "critical     yes     1s     1h        336h       mandatory        built-in:profiles/critical.yaml",
                "standard     yes     1s     6h        168h       mandatory        built-in:profiles/standard.yaml",
                "relaxed      yes     1s     24h       72h        optional         built-in:profiles/relaxed.yaml",
                "ephemeral    no      -      -         -          n/a              built-in:profiles/ephemeral.yaml",
                "Overrides in this repository:",
                "  auth /data/a.db (relaxed): retention 120h");
    }

    @Test
    void explainShowsEffectiveValuesAndTheStartUpSequence() {
        CliRun run = CliRun.inRepo(ProjectFiles.root(), "explain", "hydrus-client");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("hydrus-client: Deployment hydrus-client in namespace media, Litestream 0.3.13")
                .contains("/opt/hydrus/db/client.caches.db          ephemeral")
                .contains("none: deleted at pod start")
                .contains("2. check-integrity")
                .contains("Single writer: replicas 1, strategy Recreate");
    }

    @Test
    void generatePointsOutAnOverlayThatDoesNotIncludeTheComponent() {
        TestRepo.create(dir).descriptor("10", "auth", """
                app: auth
                namespace: auth
                workload: {kind: Deployment, name: auth, container: auth}
                volume: {name: data, mountPath: /data}
                databases: [{path: /data/a.db, profile: relaxed}]
                """).write("apps/10/auth/overlays/prod/kustomization.yaml", "resources: [../../base]\n");

        CliRun run = CliRun.inRepo(dir, "generate", "auth");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("note: auth: no overlay of apps/10/auth includes the generated Component;"
                + " add 'components: [../../litestream]' to each overlay's kustomization.yaml\n");
    }

    /** Issue 10, item 13: recommend crashed (exit 3) on a fractional duration with a huge whole part. */
    @Test
    void recommendRefusesADurationTooLongAsUsage() {
        CliRun run = CliRun.run("recommend", "--loss-tolerance", "99999999999999999999.5h");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("vixens-ls: Invalid value for option '--loss-tolerance': '99999999999999999999.5h' is"
                + " longer than 100 years").doesNotContain("Exception");
    }
}
