package dev.vixens.ls.examples;

import static dev.vixens.ls.examples.ExampleApp.scriptArguments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Kustomize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * ADR-014's own multi-database example, spelled out value by value: Hydrus's four databases, three of them
 * replicated with 1h/6h/6h snapshots and 336h/168h/168h retention, the cache cleaned at start and never
 * backed up. Nothing here is derived from the descriptor, so a descriptor edit that changes this fails.
 */
class HydrusExampleTest {

    private static final String DB = "/opt/hydrus/db/";
    private static final String CONFIG = "/etc/litestream/litestream.yml";

    private final ExampleApp hydrus = ExampleApp.named("hydrus-client");

    @Test
    void startUpSequenceIsPermissionsCheckThreeRestoresThenCacheCleanup() {
        assertThat(Kustomize.names(hydrus.initContainers())).containsExactly("fix-permissions", "check-integrity",
                "restore-client", "restore-client-mappings", "restore-client-master", "cleanup-ephemeral");
        assertThat(scriptArguments(hydrus.initContainer("check-integrity"))).containsExactly("check-integrity",
                DB + "client.db", DB + "client.mappings.db", DB + "client.master.db");
        assertThat(scriptArguments(hydrus.initContainer("restore-client")))
                .containsExactly("restore-client", DB + "client.db", CONFIG);
        assertThat(scriptArguments(hydrus.initContainer("restore-client-mappings")))
                .containsExactly("restore-client-mappings", DB + "client.mappings.db", CONFIG);
        assertThat(scriptArguments(hydrus.initContainer("restore-client-master")))
                .containsExactly("restore-client-master", DB + "client.master.db", CONFIG);
        assertThat(scriptArguments(hydrus.initContainer("cleanup-ephemeral")))
                .containsExactly("cleanup-ephemeral", DB + "client.caches.db");
        assertThat(scriptArguments(hydrus.initContainer("fix-permissions")))
                .containsExactly("fix-permissions", "1000", "1000", "/opt/hydrus/db");
    }

    @Test
    @SuppressWarnings("unchecked")
    void configReplicatesThreeDatabasesWithTheirProfilesAndLeavesTheCacheOut() {
        Map<String, Object> configMap = Kustomize.findByPrefix(hydrus.objects(), "ConfigMap",
                "hydrus-client-litestream-");
        String text = String.valueOf(((Map<String, Object>) configMap.get("data")).get("litestream.yml"));
        Map<String, Object> config = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(text);

        assertThat(config).containsOnlyKeys("addr", "dbs").containsEntry("addr", ":9090");
        assertThat(config.get("dbs")).isEqualTo(List.of(
                db("client.db", "1h", "336h"),
                db("client.mappings.db", "6h", "168h"),
                db("client.master.db", "6h", "168h")));
        assertThat(text).doesNotContain("caches");
    }

    @Test
    void deploymentIsASingleRecreatedPodWithTheSidecarAndHydrusAsDefaultContainer() {
        assertThat(Kustomize.metadata(hydrus.workload())).containsEntry("namespace", "media");
        assertThat(hydrus.spec()).containsEntry("replicas", 1).containsEntry("strategy", Map.of("type", "Recreate"));
        assertThat(Kustomize.names(hydrus.containers())).containsExactlyInAnyOrder("litestream", "hydrus-client");
        assertThat(ExampleApp.podAnnotations(hydrus.workload())).isEqualTo(Map.of(
                "kubectl.kubernetes.io/default-container", "hydrus-client",
                "prometheus.io/scrape", "true",
                "prometheus.io/port", "9090",
                "prometheus.io/path", "/metrics"));
    }

    private static Map<String, Object> db(String file, String snapshot, String retention) {
        return Map.of("path", DB + file, "replicas", List.of(Map.of(
                "url", "s3://${LITESTREAM_BUCKET}/hydrus-client/" + file,
                "endpoint", "${LITESTREAM_ENDPOINT}",
                "sync-interval", "1s",
                "snapshot-interval", snapshot,
                "retention", retention)));
    }
}
