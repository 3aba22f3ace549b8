package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain}'s text, whole: a small app with two databases of different profiles (one value overridden) and
 * one overlay, its descriptor and exactly what explain prints side by side. (Its JSON: {@link JsonOutputTest}.)
 */
class ExplainTextTest {

    private static final String DESCRIPTOR = """
            app: notes
            namespace: notes
            workload: {kind: Deployment, name: notes, container: notes}
            volume: {name: data, mountPath: /data}
            fsGroup: 1000
            databases:
              - path: /data/notes.db
                profile: critical
                expectedSize: 100Mi
              - path: /data/cache.db
                profile: standard
                overrides: {retention: 72h}
            """;

    private static final String DEPLOYMENT = """
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
                  containers:
                    - name: notes
                      image: example.org/notes:1.0
                      securityContext: {runAsUser: 1000, runAsGroup: 1000}
                      volumeMounts:
                        - {name: data, mountPath: /data}
                  volumes:
                    - name: data
                      persistentVolumeClaim: {claimName: notes-data}
            """;

    /** Nothing here depends on the machine: the kustomize command is the one the repository's config names. */
    private static final String EXPECTED = """
            notes: Deployment notes in namespace notes, Litestream 0.3.13
            descriptor: apps/notes/notes/vixens-backup.yaml
            component:  apps/notes/notes/litestream/ (include it from each overlay)
            runs as:    uid 1000, gid 1000 (runAs); credentials from Secret litestream-shared-secrets (envFrom), bucket $LITESTREAM_BUCKET

            Databases (* = overridden in the descriptor):
              PATH                                     PROFILE    SYNC   SNAPSHOT  RETENTION  CHECK  REPLICA
              /data/notes.db                           critical   1s     1h        336h       full   s3://${LITESTREAM_BUCKET}/notes/notes.db
              /data/cache.db                           standard   1s     6h        72h*       full   s3://${LITESTREAM_BUCKET}/notes/cache.db

            What a restore reads for a database missing at start-up:
              /data/notes.db                           0.3 generations at s3://${LITESTREAM_BUCKET}/notes/notes.db
              /data/cache.db                           0.3 generations at s3://${LITESTREAM_BUCKET}/notes/cache.db

            Start-up sequence (init containers, in order):
              1. check-integrity          runs the check-integrity script (inline, sh -c) with /data/notes.db /data/cache.db; image keinos/sqlite3:3.46.1, uid 1000
              2. restore-notes            runs the restore script (inline, sh -c) with /data/notes.db /etc/litestream/litestream.yml; image litestream/litestream:0.3.13, uid 1000
              3. restore-cache            runs the restore script (inline, sh -c) with /data/cache.db /etc/litestream/litestream.yml; image litestream/litestream:0.3.13, uid 1000
            Sidecars:
              litestream                  metrics port 9090 (metrics), config litestream.yml, 2 database(s), image litestream/litestream:0.3.13
            Alert rules: apps/notes/notes/litestream/alert-rules.yaml, LitestreamSyncErrors, LitestreamReplicationStalled, LitestreamMetricsAbsent (README, When a backup stops)
            Sidecar stop: up to 20s after SIGTERM to ship the last writes; the pod's terminationGracePeriodSeconds must be 30 or more (with a 10s margin)
            Single writer: replicas 1, strategy Recreate

            Start-up estimate (worst case: each local copy checked, found corrupt and restored, one after the other; docs/startup-budget.md):
              /data/notes.db 100Mi: restore 100 s, integrity_check 67 s
              /data/cache.db no expectedSize: not counted (vixens-ls analyze or ls -l gives its size)
              total: 167 s x 1.5 (safety factor) + 60 s (images, container starts) = 311 s, at least
              at: restore 1 MiB/s, integrity_check 1.5 MiB/s, quick_check 10 MiB/s (the defaults)

            Overlays (built with kubectl kustomize, as check verifies them):
              apps/notes/notes/overlays/prod
                includes the Component ../../litestream
                Deployment notes: container notes mounts volume data at /data
                Litestream: check-integrity, restore-notes, restore-cache, litestream (litestream/litestream:0.3.13)
                ports: generated litestream 9090/TCP; others none
                users: container notes runs as 1000:1000 (from the container securityContext), Litestream as 1000:1000 (from runAs in apps/notes/notes/vixens-backup.yaml), pod fsGroup 1000
                shutdown: terminationGracePeriodSeconds 30 (the default), the sidecar needs 30 s
                start-up: estimated worst case 311 s (at least: 1 database(s) without expectedSize); budget progressDeadlineSeconds 600 s (the default): fits
                replicas: Secret litestream-shared-secrets, s3://${LITESTREAM_BUCKET}/notes/notes.db, s3://${LITESTREAM_BUCKET}/notes/cache.db
                verified: the backup is in what the cluster will run
            """;

    @TempDir
    Path root;

    @Test
    void theWholeTextOfATwoProfileApp() {
        TestRepo.create(root)
                .descriptor("notes", "notes", DESCRIPTOR)
                .write("apps/notes/notes/base/kustomization.yaml", "resources: [deployment.yaml]\n")
                .write("apps/notes/notes/base/deployment.yaml", DEPLOYMENT)
                .write("apps/notes/notes/overlays/prod/kustomization.yaml",
                        "resources: [../../base]\ncomponents: [../../litestream]\n");
        CliRun generate = CliRun.inRepo(root, "generate", "notes");
        assertThat(generate.exitCode()).as(generate.err()).isZero();

        CliRun explain = CliRun.inRepo(root, "explain", "notes");

        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.err()).isEmpty();
        assertThat(explain.out()).isEqualTo(EXPECTED);
    }
}
