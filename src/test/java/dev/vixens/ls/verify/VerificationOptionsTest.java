package dev.vixens.ls.verify;

import static dev.vixens.ls.verify.OverlayFindingsTest.APP;
import static dev.vixens.ls.verify.OverlayFindingsTest.OVERLAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which kustomize check runs, what happens when there is none, the explicit ways to switch the verification
 * off, and explain's report of each overlay.
 */
class VerificationOptionsTest {

    @TempDir
    Path root;

    TestRepo repo;

    /** An app whose only overlay forgets the Component: the verification fails it, the file comparison not. */
    @BeforeEach
    void writeAnAppWithoutBackup() {
        repo = OverlayFindingsTest.notes(root)
                .write(APP + "/overlays/prod/kustomization.yaml", "resources:\n  - ../../base\n");
        assertThat(CliRun.inRepo(root, "generate", "--all").exitCode()).isZero();
    }

    @Test
    void aConfiguredKustomizeThatIsNotInstalledIsBadInput() {
        repo.write(".vixens-ls.yaml", "apps: [apps]\nverify:\n  kustomize: [no-such-kustomize, build]\n");

        CliRun check = CliRun.inRepo(root, "check", "--all");

        assertThat(check.err()).isEqualTo(".vixens-ls.yaml:3:15: verify.kustomize: 'no-such-kustomize' is not an"
                + " executable on the PATH; install it, correct the command, or set verify.enabled: false (check"
                + " --no-verify) to compare the generated files only\n");
        assertThat(check.out()).isEmpty();
        assertThat(check.exitCode()).isEqualTo(2);
    }

    @Test
    void aKustomizeGivenByItsPathIsRun() {
        Path kubectl = dev.vixens.ls.kustomize.KustomizeCommand.executable("kubectl");
        repo.write(".vixens-ls.yaml", "apps: [apps]\nverify:\n  kustomize: [" + kubectl + ", kustomize]\n");

        CliRun check = CliRun.inRepo(root, "check", "--all");

        assertThat(check.out()).startsWith(APP + "/overlays/prod/kustomization.yaml:1:1: this overlay does not"
                + " include the generated Component").endsWith("built with kubectl kustomize (listed above);"
                + " docs/troubleshooting.md says what each means\n");
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @Test
    void withoutAnyKustomizeOnThePathCheckSaysSoAndFails() {
        repo.write(".vixens-ls.yaml", "apps: [apps]\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder process = Processes.command(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.vixens.ls.cli.Main", "check", "--all", "--repo", root.toString()),
                Map.of("PATH", root.resolve("empty").toString(), "VIXENS_LS_CACHE", "off"), root);

        Processes.Result result = Processes.run(process);

        assertThat(result.output()).isEqualTo("vixens-ls: check builds every overlay to verify the backup in what"
                + " the cluster will run, but neither kustomize nor kubectl is on the PATH; install one, name the"
                + " command in .vixens-ls.yaml (verify.kustomize), or run check --no-verify (verify.enabled: false)"
                + " to compare the generated files only\n");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void checkNoVerifyComparesTheGeneratedFilesOnly() {
        CliRun verified = CliRun.inRepo(root, "check", "--all");
        CliRun filesOnly = CliRun.inRepo(root, "check", "--all", "--no-verify");

        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(filesOnly.out()).isEqualTo("check: 20 generated files are current\n");
        assertThat(filesOnly.exitCode()).isZero();
    }

    @Test
    void theRepositoryCanSwitchTheVerificationOff() {
        repo.write(".vixens-ls.yaml", "apps: [apps]\nverify:\n  enabled: false\n");

        CliRun check = CliRun.inRepo(root, "check", "--all");

        assertThat(check.out()).isEqualTo("check: 20 generated files are current\n");
        assertThat(check.exitCode()).isZero();
        assertThat(CliRun.inRepo(root, "explain", "notes").out())
                .endsWith("\nOverlays: not verified (verify.enabled: false in .vixens-ls.yaml)\n");
    }

    @Test
    void explainVerifiesTheOverlaysOnlyWhenTheGeneratedFilesAreCurrent() {
        repo.write(APP + "/vixens-backup.yaml", OverlayFindingsTest.DESCRIPTOR + "metrics: {port: 9191}\n");

        assertThat(CliRun.inRepo(root, "explain", "notes").out()).endsWith("\nOverlays: not verified: the generated"
                + " files of notes are not current; run vixens-ls generate notes first\n");
    }

    @Test
    void explainShowsWhatTheVerificationFoundInEachOverlay() {
        repo.write(APP + "/overlays/dev/kustomization.yaml", OVERLAY);

        CliRun explain = CliRun.inRepo(root, "explain", "notes");

        assertThat(explain.exitCode()).isZero();
        assertThat(explain.out()).endsWith("""

                Overlays (built with kubectl kustomize, as check verifies them):
                  apps/10-test/notes/overlays/dev
                    includes the Component ../../litestream
                    Deployment notes: container app mounts volume data at /data
                    Litestream: check-integrity, restore-notes, litestream (litestream/litestream:0.3.13)
                    ports: generated litestream 9090/TCP; others app 8080/TCP
                    users: container app runs as 1000:1000 (from the pod securityContext), Litestream as 1000:1000\
                 (from runAs in apps/10-test/notes/vixens-backup.yaml), pod fsGroup 1000
                    shutdown: terminationGracePeriodSeconds 30 (the default), the sidecar needs 30 s
                    start-up: no estimate (no database declares expectedSize); budget progressDeadlineSeconds 600 s\
                 (the default)
                    replicas: Secret litestream-shared-secrets, s3://${LITESTREAM_BUCKET}/notes/notes.db
                    verified: the backup is in what the cluster will run
                  apps/10-test/notes/overlays/prod
                    PROBLEM apps/10-test/notes/overlays/prod/kustomization.yaml:1:1: this overlay does not include\
                 the generated Component ../../litestream: the built Deployment notes runs no Litestream, so the\
                 app's databases are not backed up; add '../../litestream' under components: in this kustomization
                """);
    }
}
