package dev.vixens.ls.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import dev.vixens.ls.testing.Sqlite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nativeSidecar: true}: Litestream as the last init container with {@code restartPolicy: Always}
 * (Kubernetes 1.29+), started after the restore steps and before the app. Built with kubectl kustomize and
 * run like the kubelet would: the sidecar starts as part of the start-up and replicates the app's writes.
 */
@ExtendWith(SharedS3Proxy.class)
class NativeSidecarDrillTest {

    private static final String CLIENT = "/opt/hydrus/db/client.db";
    private static final String MAPPINGS = "/opt/hydrus/db/client.mappings.db";
    private static final String MASTER = "/opt/hydrus/db/client.master.db";

    private static S3ProxyServer s3;
    private static Manifests manifests;

    @TempDir
    Path work;

    @BeforeAll
    static void generateAndStartServer(@TempDir Path repo) {
        manifests = Manifests.build(DrillRepo.exampleWith(repo, "apps/20-media/hydrus-client",
                "nativeSidecar: true\n"));
        s3 = SharedS3Proxy.server();
    }


    @Test
    void litestreamIsTheLastInitContainerAndRestartsAlways() {
        Map<String, Object> deployment = Kustomize.find(manifests.objects(), "Deployment", "hydrus-client");
        List<Map<String, Object>> init = Kustomize.containers(deployment, "initContainers");

        assertThat(Kustomize.names(init)).containsExactly("fix-permissions", "check-integrity", "restore-client",
                "restore-client-mappings", "restore-client-master", "cleanup-ephemeral", "litestream");
        assertThat(init.get(init.size() - 1)).containsEntry("restartPolicy", "Always")
                .containsEntry("args", List.of("replicate", "-config", "/etc/litestream/litestream.yml"))
                .containsKeys("ports", "resources", "envFrom");
        assertThat(init.subList(0, init.size() - 1)).allMatch(c -> !c.containsKey("restartPolicy"));
        assertThat(Kustomize.names(Kustomize.containers(deployment, "containers"))).containsExactly("hydrus-client");
    }

    @Test
    void theSidecarStartsAfterTheRestoreAndReplicatesWhatTheAppWrites() throws IOException {
        String bucket = s3.createBucket();
        Map<String, String> replicated;
        PodSandbox pod = PodSandbox.of(manifests.podSpec("Deployment", "hydrus-client"),
                manifests.sources(Map.of("litestream-shared-secrets", s3.secret(bucket)), Map.of()),
                work.resolve("pod"));
        try (pod) {
            PodSandbox.StartUp first = pod.start();
            assertThat(first.succeeded()).as(first.log()).isTrue();
            assertThat(first.names()).endsWith("cleanup-ephemeral", "litestream");
            assertThat(pod.sidecar("litestream").isAlive()).isTrue();
            // The app starts after the start-up: every write it makes is seen by the running sidecar.
            for (String db : List.of(CLIENT, MAPPINGS, MASTER)) {
                Sqlite.create(pod.hostPath(db), "CREATE TABLE rows(id INTEGER PRIMARY KEY, payload TEXT);");
                Sqlite.insertRows(pod.hostPath(db), "rows", 1, 100);
            }
            replicated = Replication.await(pod, "litestream", CLIENT, MAPPINGS, MASTER);
        }
        // The pod stopped (its sidecar last); the disk is lost; the next pod restores, then starts the sidecar.
        try (PodSandbox next = PodSandbox.of(manifests.podSpec("Deployment", "hydrus-client"),
                manifests.sources(Map.of("litestream-shared-secrets", s3.secret(bucket)), Map.of()),
                work.resolve("pod"))) {
            next.wipe("data");
            PodSandbox.StartUp restart = next.start();
            assertThat(restart.succeeded()).as(restart.log()).isTrue();
            for (String db : List.of(CLIENT, MAPPINGS, MASTER)) {
                assertThat(Sqlite.dump(next.hostPath(db))).as(db).isEqualTo(replicated.get(db));
            }
            assertThat(next.sidecar("litestream").isAlive()).isTrue();
        }
    }
}
