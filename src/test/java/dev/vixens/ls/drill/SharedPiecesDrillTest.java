package dev.vixens.ls.drill;

import static dev.vixens.ls.drill.HydrusFailSafeDrillTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import dev.vixens.ls.testing.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared building blocks of {@code apps/_shared/litestream/} as a hand-written app uses them (README,
 * "Shared building blocks"): the database path reaches the scripts through Kubernetes' {@code $(VAR)}
 * expansion from the {@code litestream-db} ConfigMap, and reaches Litestream through its own
 * {@code ${VAR}} expansion of the config.
 */
@ExtendWith(SharedS3Proxy.class)
class SharedPiecesDrillTest {

    private static final String DB = "/data/db.sqlite3";
    private static final String CACHE = "/data/icon cache.db";

    private static S3ProxyServer s3;
    private static Manifests manifests;

    @TempDir
    Path work;

    @BeforeAll
    static void buildAndStartServer(@TempDir Path repo) {
        ProjectFiles.copyExampleRepository(repo);
        Path app = repo.resolve("apps/40-hand/vault");
        ProjectFiles.write(app.resolve("base/deployment.yaml"), DrillRepo.deployment("vault", "/data"));
        ProjectFiles.write(app.resolve("base/kustomization.yaml"), "resources: [deployment.yaml]\n");
        ProjectFiles.write(app.resolve("overlays/prod/kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: security
                resources:
                  - ../../base
                components:
                  - ../../../../_shared/litestream/standard-profile-config
                  - ../../../../_shared/litestream/fail-safe-init
                  - ../../../../_shared/litestream/ephemeral-cleanup-init
                  - ../../../../_shared/litestream/sidecar-container
                configMapGenerator:
                  - name: litestream-db
                    literals:
                      - LITESTREAM_DB_PATH=/data/db.sqlite3
                      - LITESTREAM_REPLICA_PATH=vault/db.sqlite3
                      - LITESTREAM_EPHEMERAL_DB_PATH=/data/icon cache.db
                """);
        manifests = Manifests.build(app.resolve("overlays/prod"));
        s3 = SharedS3Proxy.server();
    }


    @Test
    void aHandWrittenAppOnTheSharedPiecesGetsEveryRowBackAndItsCacheCleaned() throws IOException {
        Map<String, Object> deployment = Kustomize.find(manifests.objects(), "Deployment", "vault");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "initContainers")))
                .containsExactly("cleanup-ephemeral", "check-integrity", "restore-db");
        String bucket = s3.createBucket();
        try (PodSandbox pod = PodSandbox.of(manifests.podSpec("Deployment", "vault"),
                manifests.sources(Map.of("litestream-shared-secrets", s3.secret(bucket)), Map.of()),
                work.resolve("pod"))) {
            PodSandbox.StartUp first = pod.start();
            assertThat(first.succeeded()).as(first.log()).isTrue();
            assertThat(first.run("restore-db").output()).as("$(LITESTREAM_DB_PATH) expanded and mounted")
                    .contains("no replica of " + pod.hostPath(DB) + " exists yet");
            Sqlite.create(pod.hostPath(DB), "CREATE TABLE ciphers(id INTEGER PRIMARY KEY, payload TEXT);");
            Sqlite.insertRows(pod.hostPath(DB), "ciphers", 1, 300);
            PodSandbox.Running litestream = pod.background("litestream");
            Replication.await(pod, "litestream", DB);
            Sqlite.insertRows(pod.hostPath(DB), "ciphers", 301, 20);
            Map<String, String> replicated = Replication.await(pod, "litestream", DB);
            litestream.stop();
            assertThat(s3.keys(bucket, "vault/db.sqlite3/generations/")).isNotEmpty();

            pod.wipe("data");
            Sqlite.create(pod.hostPath(CACHE), "CREATE TABLE icons(id INTEGER PRIMARY KEY);");
            Files.writeString(pod.volume("data").resolve("notes.txt"), "mine");
            PodSandbox.StartUp restart = pod.start();

            assertThat(restart.succeeded()).as(restart.log()).isTrue();
            assertThat(Sqlite.dump(pod.hostPath(DB))).isEqualTo(replicated.get(DB));
            assertThat(Sqlite.count(pod.hostPath(DB), "ciphers")).isEqualTo(320);
            assertThat(files(pod.volume("data"))).containsExactly("db.sqlite3", "notes.txt");
        }
    }
}
