package dev.vixens.ls.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import dev.vixens.ls.testing.Sqlite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill CronJob ({@code drill:} in the descriptor), run here exactly as its Job's pod would run
 * it: the Hydrus example with {@code drill: {schedule: "0 4 * * 0"}}, its app pod replicating real writes to
 * S3Proxy, then the CronJob's pod restoring into its scratch volume, checking and counting.
 */
@ExtendWith(SharedS3Proxy.class)
class RestoreDrillCronJobTest {

    private static final String SECRET = "litestream-shared-secrets";
    private static final String CLIENT = "/opt/hydrus/db/client.db";
    private static final String MAPPINGS = "/opt/hydrus/db/client.mappings.db";
    private static final String MASTER = "/opt/hydrus/db/client.master.db";
    private static final String CRONJOB = "hydrus-client-drill";

    private static S3ProxyServer s3;
    private static Manifests manifests;

    @TempDir
    Path work;

    @BeforeAll
    static void generateAndStartServer(@TempDir Path repo) {
        manifests = Manifests.build(DrillRepo.exampleWith(repo, "apps/20-media/hydrus-client",
                "drill:\n  schedule: \"0 4 * * 0\"\n"));
        s3 = SharedS3Proxy.server();
    }


    private KubeEnv.Sources sources(Map<String, String> secret) {
        return manifests.sources(Map.of(SECRET, secret), Map.of());
    }

    /** The app's pod writes and replicates; returns the running pod (its sidecar still replicating). */
    private PodSandbox appPod(String bucket, boolean corruptClient) throws IOException {
        PodSandbox pod = PodSandbox.of(manifests.podSpec("Deployment", "hydrus-client"), sources(s3.secret(bucket)),
                work.resolve("app"));
        PodSandbox.StartUp startUp = pod.start();
        assertThat(startUp.succeeded()).as(startUp.log()).isTrue();
        Sqlite.create(pod.hostPath(CLIENT), "CREATE TABLE files(id INTEGER PRIMARY KEY, payload TEXT);"
                + " CREATE TABLE books(id INTEGER PRIMARY KEY, title TEXT, author TEXT);"
                + " CREATE INDEX books_title ON books(title);"
                + " INSERT INTO books(title, author) VALUES ('Dune', 'Herbert'), ('Emma', 'Austen');");
        Sqlite.insertRows(pod.hostPath(CLIENT), "files", 1, 500);
        Sqlite.create(pod.hostPath(MAPPINGS), "CREATE TABLE mappings(id INTEGER PRIMARY KEY, payload TEXT);");
        Sqlite.insertRows(pod.hostPath(MAPPINGS), "mappings", 1, 2000);
        Sqlite.create(pod.hostPath(MASTER), "CREATE TABLE tags(id INTEGER PRIMARY KEY, payload TEXT);"
                + " CREATE TABLE namespaces(id INTEGER PRIMARY KEY, payload TEXT);");
        Sqlite.insertRows(pod.hostPath(MASTER), "tags", 1, 30);
        if (corruptClient) {
            // Corrupt before Litestream ever sees it: the replica faithfully holds a corrupted database.
            Sqlite.exec(pod.hostPath(CLIENT), "PRAGMA writable_schema=ON;", "UPDATE sqlite_schema SET sql ="
                    + " 'CREATE INDEX books_title ON books(author)' WHERE name = 'books_title';");
        }
        pod.background("litestream");
        Replication.await(pod, "litestream", CLIENT, MAPPINGS,
                MASTER);
        return pod;
    }

    private PodSandbox drillPod(Map<String, String> secret) {
        return PodSandbox.of(manifests.cronJobPodSpec(CRONJOB), sources(secret), work.resolve("drill"));
    }

    @Test
    void theDrillRestoresEveryBackedUpDatabaseIntoScratchChecksItAndCountsEveryTable() throws IOException {
        String bucket = s3.createBucket();
        try (PodSandbox app = appPod(bucket, false); PodSandbox drill = drillPod(s3.secret(bucket))) {
            PodSandbox.StartUp restore = drill.start();
            PodSandbox.ContainerRun verify = drill.run("verify");

            assertThat(restore.succeeded()).as(restore.log()).isTrue();
            assertThat(restore.names()).containsExactly("restore");
            assertThat(restore.run("restore").output()).containsPattern(
                    "drill: restored " + CLIENT + " in \\d+s \\(\\d+ bytes\\)")
                    .contains("drill: restored " + MAPPINGS + " in ", "drill: restored " + MASTER + " in ");
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).contains(
                    "drill: client passes PRAGMA integrity_check",
                    "drill: client: table books: 2 rows",
                    "drill: client: table files: 500 rows",
                    "drill: client-mappings: table mappings: 2000 rows",
                    "drill: client-master: table namespaces: 0 rows",
                    "drill: client-master: table tags: 30 rows",
                    "drill: every database was restored and is healthy")
                    .doesNotContain("_litestream_", "client-caches");
            assertThat(drill.volume("drill-scratch").resolve("client.db")).exists();
            assertThat(files(drill.volume("drill-scratch"))).filteredOn(f -> f.endsWith(".db"))
                    .containsExactly("client-mappings.db", "client-master.db", "client.db");
            assertThat(Sqlite.count(app.hostPath(CLIENT), "files")).as("the app's database is untouched")
                    .isEqualTo(500);
        }
    }

    @Test
    void theDrillPodNeverMountsTheAppsVolume() {
        Map<String, Object> spec = manifests.cronJobPodSpec(CRONJOB);
        assertThat(spec.get("restartPolicy")).isEqualTo("Never");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) spec.get("volumes");
        assertThat(volumes).extracting(v -> v.get("name"))
                .containsExactly("litestream-config", "drill-scratch", "litestream-tmp");
        assertThat(volumes.subList(1, 3)).allSatisfy(v -> assertThat(v.get("emptyDir")).isEqualTo(Map.of()));
        assertThat(String.valueOf(volumes.get(0).get("configMap")))
                .as("the same, hash-suffixed ConfigMap as the app").contains("hydrus-client-litestream-");
    }

    @Test
    void aDrillThatFindsNoBackupFailsLoudlyForEveryDatabase() {
        String bucket = s3.createBucket();
        try (PodSandbox drill = drillPod(s3.secret(bucket))) {
            PodSandbox.StartUp restore = drill.start();

            assertThat(restore.succeeded()).isFalse();
            assertThat(restore.run("restore").output()).contains(
                    "drill: FAILED to restore " + CLIENT + " from its replica",
                    "drill: FAILED to restore " + MAPPINGS + " from its replica",
                    "drill: FAILED to restore " + MASTER + " from its replica");
        }
    }

    @Test
    void aDrillAgainstAnUnreachableBucketFails() {
        Map<String, String> secret = new LinkedHashMap<>(s3.secret(s3.createBucket()));
        secret.put("LITESTREAM_ENDPOINT", "http://127.0.0.1:" + S3ProxyServer.freeLoopbackPort());
        try (PodSandbox drill = drillPod(secret)) {
            PodSandbox.StartUp restore = drill.start();

            assertThat(restore.succeeded()).isFalse();
            assertThat(restore.run("restore").output()).contains("FAILED to restore " + CLIENT);
        }
    }

    @Test
    void aBackupThatRestoresToACorruptedDatabaseFailsTheDrill() throws IOException {
        String bucket = s3.createBucket();
        try (PodSandbox app = appPod(bucket, true); PodSandbox drill = drillPod(s3.secret(bucket))) {
            PodSandbox.StartUp restore = drill.start();
            assertThat(restore.succeeded()).as(restore.log()).isTrue();

            PodSandbox.ContainerRun verify = drill.run("verify");

            assertThat(verify.exitCode()).isNotZero();
            assertThat(verify.output()).contains(
                    "drill: FAILED: the restored client does not pass PRAGMA integrity_check",
                    "row 1 missing from index books_title",
                    "drill: client-mappings passes PRAGMA integrity_check",
                    "drill: FAILED: see the messages above");
        }
    }

    private static List<String> files(Path dir) throws IOException {
        return HydrusFailSafeDrillTest.files(dir);
    }
}
