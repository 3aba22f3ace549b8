package dev.vixens.ls.examples;

import static dev.vixens.ls.examples.ExampleApp.byName;
import static dev.vixens.ls.examples.ExampleApp.list;
import static dev.vixens.ls.examples.ExampleApp.podAnnotations;
import static dev.vixens.ls.examples.ExampleApp.scriptArguments;
import static dev.vixens.ls.examples.ExampleApp.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.PodSecurityStandard;
import dev.vixens.ls.testing.PodSecurityStandard.Level;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The generated {@code apps/_shared/litestream/} Components, used the way the README tells a hand-written
 * app to use them: a standard-profile config, the fail-safe init sequence, the cache cleanup and the
 * sidecar, with a {@code litestream-db} ConfigMap naming the database. Built with the real
 * {@code kubectl kustomize}, once for a Deployment and once for a StatefulSet.
 */
class SharedBuildingBlocksTest {

    private static final String FIXTURES = "src/test/resources/shared-usage";

    @TempDir
    Path repo;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo-deployment", "demo-statefulset"})
    @SuppressWarnings("unchecked")
    void theSharedComponentsGiveAHandWrittenAppTheFailSafeSequenceAndTheSidecar(String app) {
        ProjectFiles.copyTree(ProjectFiles.root().resolve("apps/_shared"), repo.resolve("apps/_shared"));
        ProjectFiles.copyTree(ProjectFiles.root().resolve(FIXTURES).resolve(app),
                repo.resolve("apps/90-demo").resolve(app));
        boolean deployment = app.equals("demo-deployment");

        List<Map<String, Object>> objects = Kustomize.build(repo.resolve("apps/90-demo").resolve(app)
                .resolve("overlays/prod"));

        Map<String, Object> workload = Kustomize.find(objects, deployment ? "Deployment" : "StatefulSet", app);
        Map<String, Object> dbConfigMap = Kustomize.findByPrefix(objects, "ConfigMap", "litestream-db-");
        String dbConfigMapName = String.valueOf(Kustomize.metadata(dbConfigMap).get("name"));
        assertThat(dbConfigMapName).matches("litestream-db-[a-z0-9]{10}");
        assertThat((Map<String, Object>) dbConfigMap.get("data"))
                .containsEntry("LITESTREAM_DB_PATH", "/data/db.sqlite3");

        List<Map<String, Object>> init = Kustomize.containers(workload, "initContainers");
        assertThat(Kustomize.names(init))
                .containsExactly("check-integrity", "restore-db", "cleanup-ephemeral", "migrate");
        Map<String, Object> check = byName(init, "check-integrity");
        Map<String, Object> restore = byName(init, "restore-db");
        Map<String, Object> cleanup = byName(init, "cleanup-ephemeral");
        assertThat(scriptArguments(check)).containsExactly("check-integrity", "$(LITESTREAM_DB_PATH)");
        assertThat(scriptArguments(restore))
                .containsExactly("restore-db", "$(LITESTREAM_DB_PATH)", "/etc/litestream/litestream.yml");
        assertThat(scriptArguments(cleanup)).containsExactly("cleanup-ephemeral", "$(LITESTREAM_EPHEMERAL_DB_PATH)");
        Map<String, Object> dbRef = Map.of("configMapRef", Map.of("name", dbConfigMapName));
        Map<String, Object> secretRef = Map.of("secretRef", Map.of("name", "litestream-shared-secrets"));
        assertThat(check.get("envFrom")).isEqualTo(List.of(dbRef));
        assertThat(cleanup.get("envFrom")).isEqualTo(List.of(dbRef));
        assertThat(restore.get("envFrom")).isEqualTo(List.of(secretRef, dbRef));

        Map<String, Object> sidecar = byName(Kustomize.containers(workload, "containers"), "litestream");
        assertThat(sidecar.get("args")).isEqualTo(List.of("replicate", "-config", "/etc/litestream/litestream.yml"));
        assertThat(sidecar.get("envFrom")).isEqualTo(List.of(secretRef, dbRef));
        assertThat(list(sidecar, "ports")).containsExactly(
                Map.of("name", "metrics", "containerPort", 9090, "protocol", "TCP"));
        assertThat(list(sidecar, "volumeMounts")).containsExactly(Map.of("name", "data", "mountPath", "/data"),
                Map.of("name", "litestream-config", "mountPath", "/etc/litestream", "readOnly", true),
                Map.of("name", "litestream-tmp", "mountPath", "/tmp"));
        assertThat(list(Kustomize.podSpec(workload), "volumes"))
                .contains(Map.of("name", "litestream-tmp", "emptyDir", Map.of()));
        Map<String, Object> template = (Map<String, Object>) spec(workload).get("template");
        assertThat(PodSecurityStandard.judgeContainers(template, Level.RESTRICTED, name -> !name.equals("app")
                && !name.equals("migrate"))).as("every container of the shared pieces is restricted").isEmpty();
        for (Map<String, Object> container : List.of(check, restore, cleanup, sidecar)) {
            assertThat(((Map<String, Object>) container.get("securityContext")).get("readOnlyRootFilesystem"))
                    .as(container.get("name") + " readOnlyRootFilesystem").isEqualTo(true);
            assertThat(container.get("resources")).as(container.get("name") + " resources").isNotNull();
        }
        assertThat(Kustomize.names(Kustomize.containers(workload, "containers")))
                .containsExactlyInAnyOrder("litestream", "app");
        assertThat(podAnnotations(workload)).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "9090");

        Map<String, Object> config = Kustomize.findByPrefix(objects, "ConfigMap", "litestream-config-");
        String configName = String.valueOf(Kustomize.metadata(config).get("name"));
        assertThat(configName).matches("litestream-config-[a-z0-9]{10}");
        assertThat(list(Kustomize.podSpec(workload), "volumes"))
                .contains(Map.of("name", "litestream-config", "configMap", Map.of("name", configName)));
        String text = String.valueOf(((Map<String, Object>) config.get("data")).get("litestream.yml"));
        Map<String, Object> litestream = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(text);
        assertThat(litestream.get("dbs")).isEqualTo(List.of(Map.of("path", "${LITESTREAM_DB_PATH}",
                "replicas", List.of(Map.of(
                        "url", "s3://${LITESTREAM_BUCKET}/${LITESTREAM_REPLICA_PATH}",
                        "endpoint", "${LITESTREAM_ENDPOINT}",
                        "sync-interval", "1s",
                        "snapshot-interval", "6h",
                        "retention", "168h")))));

        Map<String, Object> spec = spec(workload);
        assertThat(spec.get("replicas")).isEqualTo(1);
        if (deployment) {
            assertThat(spec.get("strategy")).isEqualTo(Map.of("type", "Recreate"));
        } else {
            assertThat(spec).doesNotContainKey("strategy");
            assertThat(spec.get("updateStrategy")).isEqualTo(Map.of("type", "RollingUpdate"));
        }
    }
}
