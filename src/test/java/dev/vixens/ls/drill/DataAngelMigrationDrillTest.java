package dev.vixens.ls.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import dev.vixens.ls.testing.Sqlite;
import dev.vixens.ls.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DataAngel migration keeps the backup history: the real Litestream 0.3.13 writes the Hydrus databases
 * exactly as DataAngel runs it (a config with only {@code dbs[].path} and {@code replicas[].url} +
 * {@code endpoint}, {@code url: s3://<bucket>/<file name>}, AWS_* credentials), into S3Proxy; then the app
 * is imported from its DataAngel setup, generated, built with kubectl kustomize, and its pod started on an
 * empty volume (a lost disk): every row comes back. Then the generated sidecar goes on writing the same
 * replicas, and a second lost disk brings back the rows written after the migration too. The restore drill
 * CronJob (added to the imported descriptor) restores and verifies DataAngel's backups as well.
 *
 * <p>The pod runs without its {@code dataangel} container: DataAngel's own binary is not on this machine,
 * and after the migration it restores files only (its sqlite-paths are empty), which is not vixens-ls's part.
 */
@ExtendWith(SharedS3Proxy.class)
class DataAngelMigrationDrillTest {

    static final String HYDRUS = "apps/20-media/hydrus-client";
    static final List<String> DATABASES = List.of("client.db", "client.mappings.db", "client.master.db",
            "client.caches.db");
    static final String DIR = "/opt/hydrus/db/";

    @TempDir
    Path repo;

    @TempDir
    Path work;

    @Test
    void theMigratedPodRestoresEveryRowDataAngelBackedUpAndContinuesTheHistory() throws Exception {
        S3ProxyServer s3 = SharedS3Proxy.server();
        String bucket = s3.createBucket();
        Map<String, String> before = dataAngelBackup(s3, bucket);

        ProjectFiles.copyTree(ProjectFiles.root().resolve("src/test/resources/import-dataangel"), repo);
        Path overlay = repo.resolve(HYDRUS + "/overlays/prod/dataangel.yaml");
        // the fixture's bucket and endpoint are the production ones; this drill's are S3Proxy's
        Files.writeString(overlay, Files.readString(overlay)
                .replace("\"vixens-prod-hydrus-client\"", "\"" + bucket + "\"")
                .replace("http://minio.storage.svc:9000", s3.endpoint()));
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString(), "--rewrite-kustomization");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Files.readString(repo.resolve(HYDRUS + "/vixens-backup.yaml")))
                .contains("bucket: " + bucket + "\nendpoint: " + s3.endpoint() + "\n");
        // what DataAngel never had: the weekly restore drill
        Path descriptor = repo.resolve(HYDRUS + "/vixens-backup.yaml");
        Files.writeString(descriptor, Files.readString(descriptor) + "drill:\n  schedule: \"0 4 * * 0\"\n");
        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        Manifests manifests = Manifests.build(repo.resolve(HYDRUS + "/overlays/prod"));
        KubeEnv.Sources sources = manifests.sources(Map.of("hydrus-client-secrets", s3.secret("not-this-bucket")),
                Map.of());

        try (PodSandbox drill = PodSandbox.of(manifests.cronJobPodSpec("hydrus-client-drill"), sources,
                work.resolve("drill"))) {
            PodSandbox.StartUp restore = drill.start();
            PodSandbox.ContainerRun verify = drill.run("verify");
            assertThat(restore.succeeded()).as(restore.log()).isTrue();
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).contains("drill: client: table t: 300 rows",
                    "drill: client-mappings: table t: 40 rows", "drill: client-master: table t: 5 rows",
                    "drill: every database was restored and is healthy");
        }

        try (PodSandbox pod = PodSandbox.of(withoutDataAngel(manifests.podSpec("Deployment", "hydrus-client")),
                sources, work.resolve("pod"))) {
            PodSandbox.StartUp first = pod.start();
            assertThat(first.succeeded()).as(first.log()).isTrue();
            for (String db : DATABASES) {
                assertThat(first.run("restore-" + db.replace(".db", "").replace('.', '-')).output())
                        .as(db).doesNotContain("keeping the local database");
                assertThat(Sqlite.dump(pod.hostPath(DIR + db))).as(db + " restored from DataAngel's replica")
                        .isEqualTo(before.get(db));
            }
            assertThat(Sqlite.count(pod.hostPath(DIR + "client.db"), "t")).isEqualTo(300);

            PodSandbox.Running litestream = pod.background("litestream");
            Sqlite.insertRows(pod.hostPath(DIR + "client.db"), "t", 301, 50);
            Map<String, String> after = Replication.await(pod, "litestream", DIR + "client.db",
                    DIR + "client.mappings.db");
            litestream.stop();

            pod.wipe("data");
            PodSandbox.StartUp second = pod.start();
            assertThat(second.succeeded()).as(second.log()).isTrue();
            assertThat(Sqlite.dump(pod.hostPath(DIR + "client.db"))).isEqualTo(after.get(DIR + "client.db"));
            assertThat(Sqlite.count(pod.hostPath(DIR + "client.db"), "t")).isEqualTo(350);
            assertThat(Sqlite.integrityCheck(pod.hostPath(DIR + "client.db"))).isEqualTo("ok");
        }
        assertThat(s3.keys(bucket, "client.db/generations/")).as("one history, at DataAngel's path").isNotEmpty();
        assertThat(s3.keys(bucket, "hydrus-client/")).as("nothing at vixens-ls's default path").isEmpty();
    }

    /**
     * Replicates four databases the way DataAngel does and waits until each replica restores to the live
     * content; returns each database's content (its dump).
     */
    private Map<String, String> dataAngelBackup(S3ProxyServer s3, String bucket) throws IOException {
        Path data = Files.createDirectories(work.resolve("dataangel-volume"));
        StringBuilder config = new StringBuilder("dbs:\n");
        for (String db : DATABASES) {
            Sqlite.create(data.resolve(db), "CREATE TABLE t(id INTEGER PRIMARY KEY, payload TEXT);");
            config.append("  - path: ").append(data.resolve(db)).append('\n')
                    .append("    replicas:\n")
                    .append("      - url: s3://").append(bucket).append('/').append(db).append('\n')
                    .append("        endpoint: ").append(s3.endpoint()).append('\n');
        }
        Path configFile = Files.writeString(work.resolve("dataangel-litestream.yml"), config);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", work.toString());
        Process litestream = Processes.command(List.of(TestTools.litestream().toString(), "replicate", "-config",
                configFile.toString()), env, work).redirectErrorStream(true)
                .redirectOutput(work.resolve("dataangel-litestream.log").toFile()).start();
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            Sqlite.insertRows(data.resolve("client.db"), "t", 1, 200);
            Sqlite.insertRows(data.resolve("client.mappings.db"), "t", 1, 40);
            Sqlite.insertRows(data.resolve("client.master.db"), "t", 1, 5);
            Processes.sleep(1500);
            Sqlite.insertRows(data.resolve("client.db"), "t", 201, 100);
            for (String db : DATABASES) {
                expected.put(db, Sqlite.dump(data.resolve(db)));
                awaitReplica(configFile, env, data.resolve(db), expected.get(db));
            }
        } finally {
            Processes.stop(litestream, Duration.ofSeconds(20));
        }
        return expected;
    }

    private void awaitReplica(Path config, Map<String, String> env, Path db, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int attempt = 0; ; attempt++) {
            Path probe = work.resolve("probe-" + db.getFileName() + "-" + attempt);
            Processes.Result restore = Processes.run(Processes.command(List.of(TestTools.litestream().toString(),
                    "restore", "-config", config.toString(), "-o", probe.toString(), db.toString()), env, work));
            if (restore.exitCode() == 0 && Files.exists(probe) && Sqlite.dump(probe).equals(expected)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("DataAngel's replica of " + db + " did not catch up: " + restore.output());
            }
            Processes.sleep(500);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutDataAngel(Map<String, Object> spec) {
        Map<String, Object> copy = new LinkedHashMap<>(spec);
        List<Map<String, Object>> init = (List<Map<String, Object>>) spec.get("initContainers");
        assertThat(init.stream().map(c -> c.get("name"))).contains("dataangel");
        copy.put("initContainers", init.stream().filter(c -> !"dataangel".equals(c.get("name"))).toList());
        return copy;
    }
}
