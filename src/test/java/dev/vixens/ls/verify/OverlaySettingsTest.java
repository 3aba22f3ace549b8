package dev.vixens.ls.verify;

import static dev.vixens.ls.verify.OverlayFindingsTest.APP;
import static dev.vixens.ls.verify.OverlayFindingsTest.DEPLOYMENT;
import static dev.vixens.ls.verify.OverlayFindingsTest.DESCRIPTOR;
import static dev.vixens.ls.verify.OverlayFindingsTest.OVERLAY;
import static dev.vixens.ls.verify.OverlayFindingsTest.SUMMARY_ONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two overlays (environments) of one app, or of two apps, never replicate to one bucket path through one
 * Secret; {@code overlays.<name>} in the descriptor gives an overlay its own replica prefix, Secret or bucket
 * variable, and its own generated Component.
 */
class OverlaySettingsTest {

    @TempDir
    Path root;

    TestRepo repo;

    @BeforeEach
    void writeTheAppWithTwoOverlays() {
        repo = OverlayFindingsTest.notes(root, "dev", "prod");
    }

    private CliRun check() {
        CliRun generate = CliRun.inRepo(root, "generate", "--all");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        return CliRun.inRepo(root, "check", "--all");
    }

    @Test
    void twoOverlaysIncludingOneComponentWriteOneReplica() {
        CliRun check = check();

        assertThat(check.out()).isEqualTo(APP + "/overlays/prod/kustomization.yaml:3:1: this overlay replicates"
                + " /data/notes.db to s3://${LITESTREAM_BUCKET}/notes/notes.db with Secret litestream-shared-secrets,"
                + " as overlay " + APP + "/overlays/dev does (/data/notes.db): two Litestream processes writing one"
                + " replica corrupt it; give this overlay its own replica prefix, Secret or bucket variable in " + APP
                + "/vixens-backup.yaml (e.g. overlays.prod.litestream.replicaPrefix: prod) and include"
                + " ../../litestream/prod here\n" + SUMMARY_ONE);
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @Test
    void anOverlayWithItsOwnSettingsGetsItsOwnComponent() throws Exception {
        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + """
                overlays:
                  dev:
                    litestream: {replicaPrefix: dev}
                    secret: litestream-dev
                """);
        repo.write(APP + "/overlays/dev/kustomization.yaml", OVERLAY.replace("../../litestream",
                "../../litestream/dev"));

        CliRun generate = CliRun.inRepo(root, "generate", "--all");
        CliRun check = CliRun.inRepo(root, "check", "--all");

        assertThat(generate.out()).contains("wrote     " + APP + "/litestream/dev/kustomization.yaml",
                "wrote     " + APP + "/litestream/dev/litestream.yml", "wrote     " + APP
                + "/litestream/dev/workload-patch.yaml");
        assertThat(Files.readString(root.resolve(APP + "/litestream/dev/litestream.yml")))
                .contains("url: \"s3://${LITESTREAM_BUCKET}/dev/notes/notes.db\"");
        assertThat(Files.readString(root.resolve(APP + "/litestream/litestream.yml")))
                .contains("url: \"s3://${LITESTREAM_BUCKET}/notes/notes.db\"");
        Map<String, Object> dev = Kustomize.find(Kustomize.build(root.resolve(APP + "/overlays/dev")),
                "Deployment", "notes");
        assertThat(Kustomize.containers(dev, "containers").stream().filter(c -> "litestream".equals(c.get("name")))
                .findFirst().orElseThrow().get("envFrom"))
                .isEqualTo(java.util.List.of(Map.of("secretRef", Map.of("name", "litestream-dev"))));
        assertThat(check.out()).isEqualTo("check: 24 generated files are current, 2 overlays verified with kubectl"
                + " kustomize\n");
        assertThat(check.exitCode()).isZero();
        assertThat(CliRun.inRepo(root, "explain", "notes").out())
                .contains("            " + APP + "/litestream/dev/ (overlay dev includes it instead: Secret"
                        + " litestream-dev, bucket $LITESTREAM_BUCKET, replica prefix dev)")
                .contains("  " + APP + "/overlays/dev\n    includes the Component ../../litestream/dev\n")
                .contains("    replicas: Secret litestream-dev, s3://${LITESTREAM_BUCKET}/dev/notes/notes.db\n");
    }

    @Test
    void anOverlayWithItsOwnSettingsMustIncludeItsOwnComponent() {
        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + "overlays:\n  dev:\n    bucketEnv: DEV_BUCKET\n");

        CliRun check = check();

        assertThat(check.out()).isEqualTo(APP + "/overlays/dev/kustomization.yaml:3:1: this overlay includes"
                + " ../../litestream, but overlays.dev in " + APP + "/vixens-backup.yaml gives this overlay settings"
                + " of its own; include ../../litestream/dev instead\n"
                + APP + "/overlays/prod/kustomization.yaml:3:1: this overlay replicates /data/notes.db to"
                + " s3://${LITESTREAM_BUCKET}/notes/notes.db with Secret litestream-shared-secrets, as overlay " + APP
                + "/overlays/dev does (/data/notes.db): two Litestream processes writing one replica corrupt it; give"
                + " this overlay its own replica prefix, Secret or bucket variable in " + APP + "/vixens-backup.yaml"
                + " (e.g. overlays.prod.litestream.replicaPrefix: prod) and include ../../litestream/prod here\n"
                + "check: 2 problems in the overlays built with kubectl kustomize (listed above);"
                + " docs/troubleshooting.md says what each means\n");
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @Test
    void settingsForAnOverlayThatDoesNotExist() {
        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + """
                overlays:
                  dev: {secret: litestream-dev}
                  staging: {secret: litestream-staging}
                """);
        repo.write(APP + "/overlays/dev/kustomization.yaml", OVERLAY.replace("../../litestream",
                "../../litestream/dev"));

        CliRun check = check();

        assertThat(check.out()).isEqualTo(APP + "/vixens-backup.yaml:9:3: overlays.staging: no overlay of this app"
                + " is named staging (found: dev, prod, from overlays/*); rename the entry or the overlay directory\n"
                + SUMMARY_ONE);
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @Test
    void twoAppsWhoseOverlaysWriteOnePathAfterTheOverlaySettingsCollide() {
        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + "overlays:\n  dev:\n    litestream: {replicaPrefix: "
                + "archive}\n");
        repo.write(APP + "/overlays/dev/kustomization.yaml", OVERLAY.replace("../../litestream",
                "../../litestream/dev"));
        String other = "apps/10-test/archive";
        repo.write(other + "/vixens-backup.yaml", DESCRIPTOR.replace("app: notes", "app: archive").replace(
                "profile: standard}", "profile: standard, replicaPath: archive/notes/notes.db}"))
                .write(other + "/base/deployment.yaml", DEPLOYMENT)
                .write(other + "/base/kustomization.yaml", "resources: [deployment.yaml]\n")
                .write(other + "/overlays/prod/kustomization.yaml", OVERLAY);

        CliRun check = check();

        assertThat(check.out()).isEqualTo(APP + "/overlays/dev/kustomization.yaml:3:1: this overlay replicates"
                + " /data/notes.db to s3://${LITESTREAM_BUCKET}/archive/notes/notes.db with Secret"
                + " litestream-shared-secrets, as overlay " + other + "/overlays/prod of app archive does"
                + " (/data/notes.db): two Litestream processes writing one replica corrupt it; give this overlay its"
                + " own replica prefix, Secret or bucket variable in " + APP + "/vixens-backup.yaml (e.g."
                + " overlays.dev.litestream.replicaPrefix: dev) and include ../../litestream/dev here\n"
                + SUMMARY_ONE);
        assertThat(check.exitCode()).isEqualTo(1);
    }
}
