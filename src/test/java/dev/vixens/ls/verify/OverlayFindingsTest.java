package dev.vixens.ls.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each finding of the verification of the built app, one small repository each: the app {@code notes} whose
 * files below are all valid, one of them changed, then {@code check --all} with the real
 * {@code kubectl kustomize}; the exact line it prints and exit code 1.
 */
class OverlayFindingsTest {

    static final String APP = "apps/10-test/notes";

    static final String DESCRIPTOR = """
            app: notes
            namespace: test
            workload: {kind: Deployment, name: notes, container: app}
            volume: {name: data, mountPath: /data}
            databases:
              - {path: /data/notes.db, profile: standard}
            """;

    /** The base Deployment; its line numbers are the ones the expected messages name. */
    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: notes
            spec:
              selector:
                matchLabels: {app: notes}
              template:
                metadata:
                  labels: {app: notes}
                spec:
                  securityContext: {runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000}
                  containers:
                    - name: app
                      image: registry.example/notes:1.0
                      ports:
                        - containerPort: 8080
                      volumeMounts:
                        - name: data
                          mountPath: /data
                  volumes:
                    - name: data
                      persistentVolumeClaim:
                        claimName: notes-data
            """;

    static final String OVERLAY = """
            resources:
              - ../../base
            components:
              - ../../litestream
            """;

    static final String SUMMARY_ONE = "check: 1 problem in the overlays built with kubectl kustomize (listed above);"
            + " docs/troubleshooting.md says what each means\n";

    @TempDir
    Path root;

    TestRepo repo;

    @BeforeEach
    void writeTheApp() {
        repo = notes(root, "prod");
    }

    /** A repository with the app {@code notes}, whose overlays of these names include its Component. */
    static TestRepo notes(Path root, String... overlays) {
        TestRepo repo = TestRepo.create(root)
                .write(APP + "/vixens-backup.yaml", DESCRIPTOR)
                .write(APP + "/base/deployment.yaml", DEPLOYMENT)
                .write(APP + "/base/kustomization.yaml", "resources: [deployment.yaml]\n");
        for (String overlay : overlays) {
            repo.write(APP + "/overlays/" + overlay + "/kustomization.yaml", OVERLAY);
        }
        return repo;
    }

    /** Generates, then checks; the generated files are current, so every line is a finding. */
    private CliRun check() {
        CliRun generate = CliRun.inRepo(root, "generate", "--all");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        return CliRun.inRepo(root, "check", "--all");
    }

    private void assertFinding(String line) {
        CliRun check = check();
        assertThat(check.out()).isEqualTo(line + "\n" + SUMMARY_ONE);
        assertThat(check.err()).isEmpty();
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @Test
    void theUntouchedAppPasses() {
        CliRun check = check();

        assertThat(check.out()).isEqualTo("check: 20 generated files are current, 1 overlays verified with kubectl"
                + " kustomize\n");
        assertThat(check.exitCode()).isZero();
    }

    @Test
    void anOverlayWithoutTheComponentHasNoBackup() {
        repo.write(APP + "/overlays/prod/kustomization.yaml", """
                resources:
                  - ../../base
                """);

        assertFinding(APP + "/overlays/prod/kustomization.yaml:1:1: this overlay does not include the generated"
                + " Component ../../litestream: the built Deployment notes runs no Litestream, so the app's databases"
                + " are not backed up; add '../../litestream' under components: in this kustomization");
    }

    @Test
    void aWorkloadRenamedInTheBaseLeavesTheComponentWithoutTarget() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("  name: notes", "  name: notes-web"));

        assertFinding(APP + "/overlays/prod/kustomization.yaml:1:1: the generated Component patches Deployment"
                + " 'notes' (workload in " + APP + "/vixens-backup.yaml), but no resource of this overlay defines it,"
                + " so kustomize cannot build the overlay; set workload.kind and workload.name to the app's"
                + " workload, or add it to the resources");
    }

    @Test
    void anOverlayKustomizeCannotBuildIsReportedWithKustomizesMessage() {
        repo.write(APP + "/overlays/prod/kustomization.yaml", OVERLAY + "  - missing-component\n");

        CliRun check = check();

        assertThat(check.out()).startsWith(APP + "/overlays/prod/kustomization.yaml:1:1: kustomize cannot build"
                + " this overlay, so the backup in it cannot be verified; fix the overlay: ")
                .contains("missing-component").endsWith(SUMMARY_ONE);
        assertThat(check.out().lines()).hasSize(2);
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @Test
    void aWorkloadDeletedAfterTheComponentIsNotInTheBuild() {
        repo.write(APP + "/overlays/prod/kustomization.yaml", OVERLAY + """
                patches:
                  - patch: |
                      $patch: delete
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: notes
                """);

        assertFinding(APP + "/overlays/prod/kustomization.yaml:1:1: the built overlay has no Deployment 'notes'"
                + " (workload in " + APP + "/vixens-backup.yaml); it has no Deployment or StatefulSet; set"
                + " workload.kind and workload.name to the app's workload");
    }

    @Test
    void theAppContainerMustExist() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("- name: app", "- name: web"));

        assertFinding(APP + "/base/deployment.yaml:14:9: the built Deployment notes has no container 'app'"
                + " (workload.container in " + APP + "/vixens-backup.yaml); its containers are: web; set"
                + " workload.container to the app's own container");
    }

    @Test
    void aRenamedDataVolumeIsMissingFromThePod() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("name: data", "name: storage"));

        assertFinding(APP + "/base/deployment.yaml:22:9: the built Deployment notes has no volume 'data'"
                + " (volume.name in " + APP + "/vixens-backup.yaml), which the generated containers mount, so the"
                + " API server rejects the pod; its volumes are: storage; set volume.name to the volume that holds"
                + " the databases");
    }

    @Test
    void theAppContainerMustMountTheVolumeAtTheMountPath() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("mountPath: /data", "mountPath: /srv"));

        assertFinding(APP + "/base/deployment.yaml:19:15: container 'app' mounts volume 'data' at /srv, but "
                + APP + "/vixens-backup.yaml says /data (volume.mountPath), so Litestream would back up files the"
                + " app never writes; set volume.mountPath: /srv and the database paths below it");
    }

    @Test
    void theAppContainerMustMountTheVolumeAtAll() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("""
                          volumeMounts:
                            - name: data
                              mountPath: /data
                """, ""));

        assertFinding(APP + "/base/deployment.yaml:14:11: container 'app' does not mount volume 'data'"
                + " (volume.name in " + APP + "/vixens-backup.yaml), so Litestream would back up files the app never"
                + " writes; mount it at /data, or set volume.name to the volume the app keeps its databases on");
    }

    @Test
    void aSubPathMountShowsTheAppAnotherDirectory() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("mountPath: /data",
                "mountPath: /data\n              subPath: notes"));

        assertFinding(APP + "/base/deployment.yaml:19:15: container 'app' mounts only the subdirectory 'notes' of"
                + " volume 'data', the generated containers the whole volume, so the same database path names two"
                + " different files; remove the subPath, or mount the volume whole");
    }

    @Test
    void aPortOfAnotherContainerEqualToTheMetricsPortCollides() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("containerPort: 8080", "containerPort: 9090"));

        assertFinding(APP + "/base/deployment.yaml:17:15: port 9090 of container 'app' is also the metrics port of"
                + " the generated container 'litestream': containers of a pod share one network, so one of them"
                + " cannot listen on it; set metrics.port: 9091 (a free port) in " + APP + "/vixens-backup.yaml");
    }

    @Test
    void aHostNetworkPodNeedsAnExplicitMetricsPort() {
        repo.write(APP + "/overlays/prod/kustomization.yaml", OVERLAY + """
                patches:
                  - patch: |
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: notes
                      spec:
                        template:
                          spec:
                            hostNetwork: true
                """);

        assertFinding(APP + "/overlays/prod/kustomization.yaml:14:26: the pod uses hostNetwork: true, so the"
                + " metrics port of the generated sidecar (9090) is a port of the node, shared with every"
                + " host-network pod and the node's own services; choose a free node port with metrics.port in "
                + APP + "/vixens-backup.yaml");

        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + "metrics: {port: 19090}\n");
        assertThat(check().exitCode()).isZero();
    }

    @Test
    void theAppAndLitestreamMustRunAsOneUid() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("image: registry.example/notes:1.0",
                "image: registry.example/notes:1.0\n          securityContext: {runAsUser: 0}"));

        assertFinding(APP + "/base/deployment.yaml:16:40: container 'app' runs as 0:1000 (uid:gid, from the"
                + " container securityContext) and Litestream as 1000:1000 (from runAs in " + APP + "/vixens-backup.yaml): the"
                + " database files one creates (-wal, -shm, Litestream's _litestream_seq table, a restored database)"
                + " are read-only to the other, \"attempt to write a readonly database\"; set runAs.uid: 0 and"
                + " runAs.gid: 1000 in " + APP + "/vixens-backup.yaml, or run the app as 1000:1000");
    }

    @Test
    void anAppContainerThatDoesNotSayItsUidCannotBeProven() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace(
                "securityContext: {runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000}", "securityContext: {fsGroup: 1000}"));

        assertFinding(APP + "/base/deployment.yaml:14:11: container 'app' does not say which uid it runs as (no"
                + " runAsUser in its or the pod's securityContext, no PUID/PGID environment), so its image decides,"
                + " often root; Litestream runs as 1000:1000 (from runAs in " + APP + "/vixens-backup.yaml) and both must"
                + " write the databases; set securityContext.runAsUser: 1000 and runAsGroup: 1000 on the container"
                + " (or PUID/PGID for a linuxserver.io image), or runAs in " + APP + "/vixens-backup.yaml to the uid"
                + " the image runs as");
    }

    @Test
    void theLinuxserverConventionPuidPgidCounts() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace(
                "securityContext: {runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000}", "securityContext: {fsGroup: 1000}")
                .replace("image: registry.example/notes:1.0", "image: lscr.io/linuxserver/notes:1.0\n"
                        + "          env:\n"
                        + "            - {name: PUID, value: \"1001\"}\n"
                        + "            - {name: PGID, value: \"1001\"}"));

        assertFinding(APP + "/base/deployment.yaml:17:15: container 'app' runs as 1001:1001 (uid:gid, from"
                + " PUID/PGID) and Litestream as 1000:1000 (from runAs in " + APP + "/vixens-backup.yaml): the database"
                + " files one creates (-wal, -shm, Litestream's _litestream_seq table, a restored database) are"
                + " read-only to the other, \"attempt to write a readonly database\"; set runAs.uid: 1001 and"
                + " runAs.gid: 1001 in " + APP + "/vixens-backup.yaml, or run the app as 1000:1000");

        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + "runAs: {uid: 1001, gid: 1001}\n");
        assertThat(check().exitCode()).isZero();
    }

    @Test
    void aNewVolumeMustBeWritableByTheRestoreStep() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace(", fsGroup: 1000}", "}"));

        assertFinding(APP + "/base/deployment.yaml:12:24: on a new volume 'data' (owned by root until the app first"
                + " runs) the generated restore step, running as 1000:1000, cannot create the databases, so a restore"
                + " after a lost disk fails the pod; set fsGroup: 1000 in " + APP + "/vixens-backup.yaml (or"
                + " securityContext.fsGroup on the pod)");

        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + "fsGroup: 1000\n");
        assertThat(check().exitCode()).isZero();
        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + "fixPermissions: true\n");
        assertThat(check().exitCode()).isZero();
    }

    @Test
    void aHandWrittenLitestreamSidecarIsASecondReplicator() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("      volumes:\n", """
                        - name: backup
                          image: litestream/litestream:0.3.13
                          args: [replicate, -config, /etc/old/litestream.yml]
                      volumes:
                """));

        assertFinding(APP + "/base/deployment.yaml:21:11: container 'backup' runs a second litestream replicate"
                + " beside the generated sidecar: two Litestream processes writing one replica corrupt it; remove it"
                + " from the base (or delete it with a $patch: delete patch in a Component listed before the"
                + " generated one)");
    }

    @Test
    void aHandWrittenRestoreInitContainerRemains() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("      containers:\n", """
                      initContainers:
                        - name: restore-old
                          image: busybox:1.37.0
                          command: [sh, -c, "litestream restore -if-replica-exists /data/notes.db"]
                      containers:
                """));

        assertFinding(APP + "/base/deployment.yaml:14:11: hand-written Litestream container 'restore-old' remains"
                + " beside the generated start-up sequence, which already restores every database; remove it from"
                + " the base (or delete it with a $patch: delete patch in a Component listed before the generated"
                + " one)");
    }

    @Test
    void aBaseContainerNamedLikeTheSidecarMergesIntoIt() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("      volumes:\n", """
                        - name: litestream
                          image: litestream/litestream:0.3.13
                          command: [litestream, replicate, /data/notes.db, s3://bucket/notes]
                      volumes:
                """));

        assertFinding(APP + "/base/deployment.yaml:21:11: container 'litestream' of the base has the name of a"
                + " generated container, so kustomize merges the two and its own command (litestream replicate"
                + " /data/notes.db s3://bucket/notes) changes what the generated one runs; rename it, or remove it if"
                + " it is a hand-written Litestream");
    }

    @Test
    void anImageOverrideOfTheOverlayChangesTheLitestreamRelease() {
        repo.write(APP + "/overlays/prod/kustomization.yaml", OVERLAY + """
                images:
                  - name: litestream/litestream
                    newTag: 0.5.2
                """);

        CliRun check = check();

        assertThat(check.out()).isEqualTo(APP + "/overlays/prod/kustomization.yaml:5:1: the generated container"
                + " 'restore-notes' runs litestream/litestream:0.5.2 in the build, but its config is written for"
                + " litestream/litestream:0.3.13 (litestream in " + APP + "/vixens-backup.yaml), and Litestream"
                + " releases read different keys; set litestream.version there instead of overriding the image\n"
                + APP + "/overlays/prod/kustomization.yaml:5:1: the generated container 'litestream' runs"
                + " litestream/litestream:0.5.2 in the build, but its config is written for"
                + " litestream/litestream:0.3.13 (litestream in " + APP + "/vixens-backup.yaml), and Litestream"
                + " releases read different keys; set litestream.version there instead of overriding the image\n"
                + "check: 2 problems in the overlays built with kubectl kustomize (listed above);"
                + " docs/troubleshooting.md says what each means\n");
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @Test
    void aGracePeriodShorterThanTheSidecarNeedsLosesTheLastWrites() {
        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT.replace("      containers:\n",
                "      terminationGracePeriodSeconds: 25\n      containers:\n"));
        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + "litestream: {version: 0.5.12}\n");

        assertFinding(APP + "/base/deployment.yaml:13:38: terminationGracePeriodSeconds is 25, but the sidecar"
                + " needs 30 s to ship the last writes (Litestream 0.5.12 takes up to 20 s after SIGTERM to ship the"
                + " last writes, plus 10 s margin), and the kubelet kills it when the period is over; set"
                + " terminationGracePeriodSeconds: 30 or more in the pod spec");

        repo.write(APP + "/base/deployment.yaml", DEPLOYMENT);
        assertThat(check().exitCode()).as("Kubernetes' default, 30 s, is enough").isZero();
    }

    @Test
    void anAppWithoutAnyOverlayIsNotBackedUp() {
        repo.write(APP + "/overlays/prod/kustomization.yaml", "");
        java.io.File overlay = root.resolve(APP + "/overlays/prod/kustomization.yaml").toFile();
        assertThat(overlay.delete()).isTrue();

        assertFinding(APP + "/vixens-backup.yaml:1:6: no overlay of this app found (overlays/* with a"
                + " kustomization, below " + APP + "): nothing the cluster runs includes the generated Component, so"
                + " the databases are not backed up; add an overlay that includes it, or set verify.overlays in"
                + " .vixens-ls.yaml");
    }

    @Test
    void theOverlaysOfAnAppWithStaleFilesAreVerifiedOnceTheyAreCurrent() {
        check();
        repo.write(APP + "/vixens-backup.yaml", DESCRIPTOR + "  - {path: /data/more.db, profile: standard}\n");

        CliRun check = CliRun.inRepo(root, "check", "--all");

        assertThat(check.out()).doesNotContain(": the generated container")
                .endsWith("check: changed " + APP + "/litestream/workload-patch.yaml\n"
                        + "check: 3 files differ from what generate writes (3 to update); run: vixens-ls generate --all\n"
                        + "check: the overlays of notes are verified once their generated files are current\n");
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @Test
    void overlaysAreFoundWhereTheRepositorySays() {
        repo.write(".vixens-ls.yaml", "apps: [apps]\nverify:\n  overlays: [envs/*]\n  kustomize: [kubectl,"
                + " kustomize]\n");
        repo.write(APP + "/envs/live/kustomization.yaml", OVERLAY);

        CliRun check = check();

        assertThat(check.out()).endsWith("current, 1 overlays verified with kubectl kustomize\n");
        assertThat(check.exitCode()).isZero();
    }
}
