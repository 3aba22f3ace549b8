package dev.vixens.ls.importer.dataangel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vixens.ls.analyze.BucketAnalyzer;
import dev.vixens.ls.analyze.BucketAnalyzer.Declared;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.DescriptorSchema;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import → generate → kubectl kustomize on apps backed up by DataAngel (src/test/resources/import-dataangel/:
 * its shared Component, and per app an overlay patch with the dataangel.io/* annotations): Hydrus with SQLite
 * and file paths, Mealie with SQLite only (and a database under /tmp), Syncthing with files only (refused).
 */
class DataAngelImportTest {

    static final Path FIXTURES = ProjectFiles.root().resolve("src/test/resources/import-dataangel");
    static final String HYDRUS = "apps/20-media/hydrus-client";
    static final String MEALIE = "apps/10-home/mealie";
    static final String SYNCTHING = "apps/60-services/syncthing";

    @TempDir
    Path repo;

    @BeforeEach
    void copyFixtures() {
        ProjectFiles.copyTree(FIXTURES, repo);
    }

    @Test
    void hydrusKeepsItsHistoryAndDataAngelKeepsTheFiles() throws Exception {
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString(), "--rewrite-kustomization");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Files.readString(repo.resolve(HYDRUS + "/vixens-backup.yaml"))).isEqualTo("""
                # Backup descriptor for hydrus-client, written by `vixens-ls import` from its DataAngel setup (apps/20-media/hydrus-client/overlays/prod).
                # The replicas stay where DataAngel wrote them: s3://vixens-prod-hydrus-client/<file name>.
                # Review the import report, then run: vixens-ls generate hydrus-client
                app: hydrus-client
                namespace: media
                workload:
                  kind: Deployment
                  name: hydrus-client
                  container: hydrus-client
                volume:
                  name: data
                  mountPath: /opt/hydrus/db
                secret: hydrus-client-secrets
                bucket: vixens-prod-hydrus-client
                endpoint: http://minio.storage.svc:9000
                metrics:
                  port: 9091
                fsGroup: 1000
                databases:
                  - path: /opt/hydrus/db/client.db
                    profile: critical  # label vixens.io/backup-profile
                    replicaPath: client.db
                  - path: /opt/hydrus/db/client.mappings.db
                    profile: critical  # label vixens.io/backup-profile
                    replicaPath: client.mappings.db
                  - path: /opt/hydrus/db/client.master.db
                    profile: critical  # label vixens.io/backup-profile
                    replicaPath: client.master.db
                  - path: /opt/hydrus/db/client.caches.db
                    profile: critical  # label vixens.io/backup-profile
                    replicaPath: client.caches.db
                """);
        String patch = HYDRUS + "/overlays/prod/dataangel.yaml";
        assertThat(imported.out())
                .contains(patch + ":21:9: annotation dataangel.io/snapshot-interval is mapped to no env var by the"
                        + " DataAngel Component: DataAngel never read it, so import does not trust it either")
                .contains(patch + ":20:9: dataangel.io/restore-timeout: 2h: the generated restore init containers"
                        + " have no deadline of their own")
                .contains(patch + ":19:9: dataangel.io/lock-enabled: false: Litestream takes no lock")
                .contains("container dataangel: its startupProbe gave its restores up to 7200 s")
                .contains(patch + ":15:9: DataAngel's file backups (/opt/hydrus/db, with rclone; its *.db* exclusion"
                        + " keeps the databases out): DataAngel stays for them")
                .contains("/opt/hydrus/db/client.caches.db: its name looks like cache data; DataAngel backed it up,"
                        + " so it stays backed up")
                .contains("metrics.port 9091: DataAngel (or another container) listens on 9090 in this pod")
                .contains(patch + ":14:9: dataangel.io/sqlite-paths emptied: DataAngel keeps its file role only");
        assertThat(Files.readString(repo.resolve(patch))).contains("""
                        dataangel.io/bucket: "vixens-prod-hydrus-client"
                        dataangel.io/sqlite-paths: ""  # was "/opt/hydrus/db/client.db,/opt/hydrus/db/client.mappings.db,\
                /opt/hydrus/db/client.master.db,/opt/hydrus/db/client.caches.db": the databases moved to Litestream\
                 (vixens-backup.yaml), DataAngel keeps the files
                        dataangel.io/fs-paths: "/opt/hydrus/db"
                """);
        assertThat(Files.readString(repo.resolve(HYDRUS + "/overlays/prod/kustomization.yaml"))).contains("""
                components:
                  - ../../../../_shared/components/dataangel
                  - ../../litestream  # added by vixens-ls import
                """);
        DescriptorSchema.assertValid(repo.resolve(HYDRUS + "/vixens-backup.yaml"));

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        CliRun check = CliRun.inRepo(repo, "check", "hydrus-client");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();

        List<Map<String, Object>> objects = Kustomize.build(repo.resolve(HYDRUS + "/overlays/prod"));
        Map<String, Object> deployment = Kustomize.find(objects, "Deployment", "hydrus-client");
        assertMigratedPod(deployment, List.of("restore-client", "restore-client-mappings", "restore-client-master",
                "restore-client-caches"));
        assertThat(annotations(deployment)).containsEntry("dataangel.io/sqlite-paths", "")
                .containsEntry("dataangel.io/fs-paths", "/opt/hydrus/db")
                .containsEntry("dataangel.io/bucket", "vixens-prod-hydrus-client");
        String config = String.valueOf(((Map<?, ?>) Kustomize.findByPrefix(objects, "ConfigMap", "hydrus-client-litestream")
                .get("data")).get("litestream.yml"));
        for (String db : List.of("client.db", "client.mappings.db", "client.master.db", "client.caches.db")) {
            assertThat(config).as("the replica DataAngel wrote for " + db)
                    .contains("- url: \"s3://vixens-prod-hydrus-client/" + db + "\"\n"
                            + "        endpoint: \"http://minio.storage.svc:9000\"\n");
        }
    }

    @Test
    void mealieWithoutFilePathsReportsTheTemporaryDatabaseAndTheSecretKeys() throws Exception {
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(MEALIE).toString(), "--rewrite-kustomization");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String patch = MEALIE + "/overlays/prod/dataangel.yaml";
        assertThat(imported.out())
                .contains(patch + ":11:9: /tmp/sessions.db looks temporary (under /tmp/)")
                .contains(patch + ":11:9: /tmp/sessions.db: not on the data volume 'data' (/app/data)")
                .contains("Secret data-guard-credentials holds the credentials as access-key / secret-key; the"
                        + " generated containers read it with envFrom, as LITESTREAM_ACCESS_KEY_ID /"
                        + " LITESTREAM_SECRET_ACCESS_KEY: add those two keys")
                .contains("DataAngel backs up no files here (no fs-paths)")
                .contains(patch + ":13:9: dataangel.io/lock-enabled: true: Litestream takes no lock");
        assertThat(Files.readString(repo.resolve(MEALIE + "/vixens-backup.yaml")))
                .contains("secret: data-guard-credentials\nbucket: vixens-prod-mealie\n")
                .contains("runAs:\n  uid: 911\n  gid: 911\n")
                .doesNotContain("fsGroup")
                .contains("  - path: /app/data/mealie.db\n    profile: standard  # default, see the report\n"
                        + "    replicaPath: mealie.db\n")
                .doesNotContain("sessions.db");
        assertThat(CliRun.inRepo(repo, "generate", "mealie").exitCode()).isZero();
        CliRun check = CliRun.inRepo(repo, "check", "mealie");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();

        Map<String, Object> deployment = Kustomize.find(Kustomize.build(repo.resolve(MEALIE + "/overlays/prod")),
                "Deployment", "mealie");
        assertMigratedPod(deployment, List.of("restore-mealie"));
        assertThat(annotations(deployment)).containsEntry("dataangel.io/sqlite-paths", "")
                .doesNotContainKey("dataangel.io/fs-paths");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "initContainers")))
                .as("the app's own init container is kept").contains("wait-for-db-host");
    }

    @Test
    void anAppWhoseDataAngelBacksUpNoSqliteIsRefusedAndNothingIsWritten() {
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun refused = CliRun.inRepo(repo, "import", repo.resolve(SYNCTHING).toString(), "--rewrite-kustomization");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("apps/60-services/syncthing/overlays/prod:1:1: DataAngel backs up no"
                + " SQLite database of syncthing in apps/60-services/syncthing/overlays/prod: it has no SQLite path"
                + " (dataangel.io/sqlite-paths), only files; nothing to import (its file backups stay as they are)\n");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }

    @Test
    void sqlitePathsThatTheComponentDoesNotMapAreNotTrusted() throws Exception {
        Path component = repo.resolve("apps/_shared/components/dataangel/kustomization.yaml");
        Files.writeString(component, Files.readString(component).replace("""
                            - name: DATA_GUARD_SQLITE_PATHS
                              valueFrom: {fieldRef: {fieldPath: "metadata.annotations['dataangel.io/sqlite-paths']"}}
                """, ""));
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun refused = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo(HYDRUS + "/overlays/prod/dataangel.yaml:14:9: DataAngel backs up no"
                + " SQLite database of hydrus-client in " + HYDRUS + "/overlays/prod: its dataangel.io/sqlite-paths"
                + " annotation is mapped to no env var by the Component, so DataAngel reads none; nothing to import"
                + " (its file backups stay as they are)\n");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }

    @Test
    void withoutRewriteOnlyTheDescriptorIsWritten() {
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString(),
                "--profile", "client.caches.db=ephemeral");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Map<String, String> after = ProjectFiles.snapshot(repo);
        assertThat(after.get(HYDRUS + "/vixens-backup.yaml"))
                .contains("  - path: /opt/hydrus/db/client.caches.db\n    profile: ephemeral  # from --profile\n");
        after.remove(HYDRUS + "/vixens-backup.yaml");
        assertThat(after).isEqualTo(before);
        assertThat(imported.out()).contains("in each overlay: set dataangel.io/sqlite-paths to \"\"");
    }

    @Test
    void aProbeCountThatIsNoNumberIsReadAsKubernetesDefaultNotACrash() throws Exception {
        Path patch = repo.resolve(HYDRUS + "/overlays/prod/dataangel.yaml");
        Files.writeString(patch, Files.readString(patch).replace("failureThreshold: 3600", "failureThreshold: \"lots\""));

        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("its startupProbe gave its restores up to 6 s");
    }

    @Test
    void analyzeAttributesAReplicaOnlyToTheAppsOfTheBucketListed() {
        for (String app : List.of(HYDRUS, MEALIE)) {
            assertThat(CliRun.inRepo(repo, "import", repo.resolve(app).toString()).exitCode()).isZero();
        }
        List<ResolvedApp> opened = new Pipeline(Repository.open(repo)).resolveAll();

        assertThat(BucketAnalyzer.declared(opened, "vixens-prod-mealie")).extracting(Declared::app, d -> d.key().key())
                .containsExactly(tuple("mealie", "mealie.db"));
        assertThat(BucketAnalyzer.declared(opened, "vixens-prod-hydrus-client")).extracting(Declared::app)
                .containsOnly("hydrus-client").hasSize(4);
        assertThat(BucketAnalyzer.declared(opened, "another-bucket")).isEmpty();
    }

    /**
     * DataAngel stays a native sidecar with its port; the generated restores run before the app, which starts only
     * once every init container has finished (and DataAngel, restoring the files, is ready); no two containers
     * listen on one port.
     */
    @SuppressWarnings("unchecked")
    private static void assertMigratedPod(Map<String, Object> deployment, List<String> restores) {
        List<Map<String, Object>> init = Kustomize.containers(deployment, "initContainers");
        List<String> names = Kustomize.names(init);
        assertThat(names).contains("dataangel", "check-integrity").containsAll(restores);
        Map<String, Object> angel = init.get(names.indexOf("dataangel"));
        assertThat(angel.get("restartPolicy")).isEqualTo("Always");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "containers"))).contains("litestream");
        List<Integer> ports = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            for (Map<String, Object> c : Kustomize.containers(deployment, field)) {
                for (Object p : (List<Object>) c.getOrDefault("ports", List.of())) {
                    ports.add((Integer) ((Map<String, Object>) p).get("containerPort"));
                }
            }
        }
        assertThat(ports).as("container ports of the pod").doesNotHaveDuplicates().contains(9090, 9091);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> deployment) {
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                .get("template");
        return (Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("annotations");
    }
}
