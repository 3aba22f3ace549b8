package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remove} leaves every overlay buildable (kubectl kustomize) and says where the backups stay;
 * {@code rename} keeps the bucket path of every database, so the history goes on, and check is current after
 * both. Both refuse bad input before changing anything, and both have a dry run.
 */
class RemoveAndRenameTest {

    static final String VAULTWARDEN = "apps/60-services/vaultwarden";

    @TempDir
    Path repo;

    @BeforeEach
    void copyExample() {
        ProjectFiles.copyExampleRepository(repo, "vaultwarden", "hydrus-client");
    }

    @Test
    void removeTakesTheComponentOutOfTheOverlaysAndKeepsTheBackups() throws Exception {
        Path overlay = repo.resolve(VAULTWARDEN + "/overlays/prod/kustomization.yaml");
        Files.writeString(overlay, Files.readString(overlay).replace("components:\n", "# mine\ncomponents:\n"));

        CliRun remove = CliRun.inRepo(repo, "remove", "vaultwarden");

        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(remove.out()).startsWith("remove vaultwarden\n  edited " + VAULTWARDEN
                        + "/overlays/prod/kustomization.yaml (components: no longer lists ../../litestream)\n")
                .contains("  deleted " + VAULTWARDEN + "/litestream/workload-patch.yaml\n")
                .contains("  deleted " + VAULTWARDEN + "/vixens-backup.yaml\n")
                .contains("backups: kept in the bucket, untouched: s3://${LITESTREAM_BUCKET}/vaultwarden/db.sqlite3.");
        assertThat(Files.readString(overlay)).isEqualTo("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: vaultwarden
                resources:
                  - ../../base
                # mine
                """);
        assertThat(repo.resolve(VAULTWARDEN + "/litestream")).doesNotExist();
        assertThat(repo.resolve(VAULTWARDEN + "/base")).isDirectory();
        List<Map<String, Object>> built = Kustomize.build(repo.resolve(VAULTWARDEN + "/overlays/prod"));
        assertThat(Kustomize.names(Kustomize.containers(Kustomize.find(built, "Deployment", "vaultwarden"),
                "containers"))).containsExactly("vaultwarden");
        CliRun check = CliRun.inRepo(repo, "check", "--all");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    @Test
    void removeKeepsOtherComponentsAndAFlowList() throws Exception {
        Path overlay = repo.resolve(VAULTWARDEN + "/overlays/prod/kustomization.yaml");
        Files.writeString(overlay, Files.readString(overlay).replace("components:\n  - ../../litestream\n",
                "components: [../../extra, ../../litestream]\n"));
        ProjectFiles.write(repo.resolve(VAULTWARDEN + "/extra/kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  extra: \"yes\"\n");

        CliRun remove = CliRun.inRepo(repo, "remove", "vaultwarden");

        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(Files.readString(overlay)).endsWith("components: [../../extra]\n");
        Kustomize.build(repo.resolve(VAULTWARDEN + "/overlays/prod"));
    }

    @Test
    void removeDryRunChangesNothing() {
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun dry = CliRun.inRepo(repo, "remove", "vaultwarden", "--dry-run");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
        assertThat(dry.out()).contains("  would edit " + VAULTWARDEN + "/overlays/prod/kustomization.yaml")
                .contains("  would delete " + VAULTWARDEN + "/vixens-backup.yaml");
        assertThat(dry.err()).isEqualTo("dry run: nothing was written\n");
    }

    @Test
    void removeRefusesAnUnknownApp() {
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun remove = CliRun.inRepo(repo, "remove", "vaultwarde");

        assertThat(remove.exitCode()).isEqualTo(2);
        assertThat(remove.err()).startsWith("vixens-ls: unknown app 'vaultwarde'");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }

    @Test
    void renameKeepsTheBucketPathAndGeneratesAgain() throws Exception {
        String before = Files.readString(repo.resolve(VAULTWARDEN + "/litestream/litestream.yml"));

        CliRun rename = CliRun.inRepo(repo, "rename", "vaultwarden", "passwords");

        assertThat(rename.exitCode()).as(rename.err()).isZero();
        assertThat(rename.out()).startsWith("rename vaultwarden passwords\n  moved " + VAULTWARDEN
                + " to apps/60-services/passwords\n")
                .contains("/data/db.sqlite3: replicaPath: vaultwarden/db.sqlite3 (the backups stay where they are)");
        assertThat(repo.resolve(VAULTWARDEN)).doesNotExist();
        String descriptor = Files.readString(repo.resolve("apps/60-services/passwords/vixens-backup.yaml"));
        assertThat(descriptor).contains("\napp: passwords\n").contains("""
                  - path: /data/db.sqlite3         # users, ciphers, organisations (attachments are files, not in here)
                    replicaPath: vaultwarden/db.sqlite3  # pinned by rename: where the backups already are
                    profile: standard
                """);
        String after = Files.readString(repo.resolve("apps/60-services/passwords/litestream/litestream.yml"));
        assertThat(after).contains("s3://${LITESTREAM_BUCKET}/vaultwarden/db.sqlite3");
        // the same config but for the marker and the command to regenerate it, which name the app
        assertThat(after.lines().skip(2).toList()).isEqualTo(before.lines().skip(2).toList());
        CliRun check = CliRun.inRepo(repo, "check", "--all");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    @Test
    void renameRefusals() {
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun taken = CliRun.inRepo(repo, "rename", "vaultwarden", "hydrus-client");
        CliRun invalid = CliRun.inRepo(repo, "rename", "vaultwarden", "Pass_Words");
        CliRun same = CliRun.inRepo(repo, "rename", "vaultwarden", "vaultwarden");
        CliRun dry = CliRun.inRepo(repo, "rename", "vaultwarden", "passwords", "--dry-run");

        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).isEqualTo("vixens-ls: an app named 'hydrus-client' exists already:"
                + " apps/20-media/hydrus-client\n");
        assertThat(invalid.err()).startsWith("vixens-ls: 'Pass_Words' is not a valid app name");
        assertThat(same.err()).isEqualTo("vixens-ls: the app is already called 'vaultwarden'\n");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("  would move " + VAULTWARDEN + " to apps/60-services/passwords");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }
}
