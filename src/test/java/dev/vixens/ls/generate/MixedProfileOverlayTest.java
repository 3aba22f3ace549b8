package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The committed 0.5 mixed-profile example (apps/30-lab/hydrus-client-v05) built by the real
 * {@code kubectl kustomize}: one Litestream sidecar, config and metrics port per (snapshot interval,
 * retention) group, every database under its own profile's values, restores reading the config that holds
 * their database, and a PodMonitor that scrapes every port of exactly this pod.
 */
class MixedProfileOverlayTest {

    private static final String OVERLAY = "apps/30-lab/hydrus-client-v05/overlays/prod";

    private static List<Map<String, Object>> objects;
    private static Map<String, Object> deployment;
    private static Map<String, Map<String, Object>> configs;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void build() {
        objects = Kustomize.build(ProjectFiles.root().resolve(OVERLAY));
        deployment = Kustomize.find(objects, "Deployment", "hydrus-client");
        Map<String, Object> configMap = Kustomize.findByPrefix(objects, "ConfigMap", "hydrus-client-v05-litestream-");
        configs = new HashMap<>();
        ((Map<String, String>) configMap.get("data")).forEach((file, text) -> configs.put(file,
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text)));
    }

    @Test
    void oneSidecarConfigAndDistinctPortPerSnapshotGroup() {
        List<Map<String, Object>> sidecars = Kustomize.containers(deployment, "containers").stream()
                .filter(c -> String.valueOf(c.get("name")).startsWith("litestream"))
                .toList();

        assertThat(Kustomize.names(sidecars)).containsExactly("litestream-1h-336h", "litestream-6h-168h");
        assertThat(configs).containsOnlyKeys("litestream-1h-336h.yml", "litestream-6h-168h.yml");
        List<Object> ports = new ArrayList<>();
        for (Map<String, Object> sidecar : sidecars) {
            Map<String, Object> port = port(sidecar);
            ports.add(port.get("containerPort"));
            String config = configArgument(sidecar);
            assertThat(configs.get(config).get("addr")).isEqualTo(":" + port.get("containerPort"));
        }
        assertThat(ports).containsExactly(9090, 9091);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDatabaseGetsItsOwnProfilesSnapshotIntervalAndRetention() {
        Map<String, List<String>> expected = Map.of(
                "/opt/hydrus/db/client.db", List.of("1h", "336h"),
                "/opt/hydrus/db/client.mappings.db", List.of("6h", "168h"),
                "/opt/hydrus/db/client.master.db", List.of("6h", "168h"));
        Map<String, List<String>> actual = new HashMap<>();
        configs.forEach((file, config) -> {
            for (Map<String, Object> db : (List<Map<String, Object>>) config.get("dbs")) {
                Map<String, Object> snapshot = (Map<String, Object>) db.get("snapshot");
                Map<String, Object> replica = (Map<String, Object>) db.get("replica");
                assertThat(replica).containsOnlyKeys("url", "endpoint", "sync-interval");
                actual.put((String) db.get("path"), List.of(String.valueOf(snapshot.get("interval")),
                        String.valueOf(snapshot.get("retention"))));
            }
        });
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void restoresReadTheConfigThatHoldsTheirDatabase() {
        List<Map<String, Object>> restores = Kustomize.containers(deployment, "initContainers").stream()
                .filter(c -> String.valueOf(c.get("name")).startsWith("restore-"))
                .toList();

        assertThat(restores).hasSize(3);
        for (Map<String, Object> restore : restores) {
            List<String> command = (List<String>) restore.get("command");
            // /bin/sh -c SCRIPT NAME DATABASE CONFIG [RESTORE-OPTION...]
            String database = command.get(4);
            String config = command.get(5).replace("/etc/litestream/", "");
            List<Map<String, Object>> dbs = (List<Map<String, Object>>) configs.get(config).get("dbs");
            assertThat(dbs).as(restore.get("name") + " reads " + config)
                    .anySatisfy(db -> assertThat(db.get("path")).isEqualTo(database));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPodMonitorScrapesEveryPortOfThisPodAndTheAnnotationsTheFirst() {
        Map<String, Object> monitor = Kustomize.find(objects, "PodMonitor", "hydrus-client-v05-litestream");
        Map<String, Object> spec = (Map<String, Object>) monitor.get("spec");
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("podMetricsEndpoints");
        Map<String, Object> selector = (Map<String, Object>) ((Map<String, Object>) spec.get("selector"))
                .get("matchLabels");
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                .get("template");
        Map<String, Object> podMetadata = (Map<String, Object>) template.get("metadata");

        assertThat(monitor.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(Kustomize.metadata(monitor).get("namespace")).isEqualTo("lab");
        assertThat(endpoints).extracting(e -> e.get("port")).containsExactly("metrics", "metrics-1");
        assertThat(endpoints).extracting(e -> e.get("path")).containsOnly("/metrics");
        assertThat((Map<String, Object>) podMetadata.get("labels")).containsAllEntriesOf(selector);
        assertThat(selector).isNotEmpty();
        assertThat((Map<String, Object>) podMetadata.get("annotations"))
                .containsEntry("prometheus.io/port", "9090")
                .containsEntry("prometheus.io/scrape", "true");
        List<Object> portNames = new ArrayList<>();
        Kustomize.containers(deployment, "containers").forEach(c -> {
            if (c.get("ports") != null) {
                ((List<Map<String, Object>>) c.get("ports")).forEach(p -> portNames.add(p.get("name")));
            }
        });
        assertThat(portNames).contains("metrics", "metrics-1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> port(Map<String, Object> container) {
        List<Map<String, Object>> ports = (List<Map<String, Object>>) container.get("ports");
        assertThat(ports).hasSize(1);
        return ports.get(0);
    }

    @SuppressWarnings("unchecked")
    private static String configArgument(Map<String, Object> sidecar) {
        List<String> args = (List<String>) sidecar.get("args");
        assertThat(args.subList(0, 2)).containsExactly("replicate", "-config");
        return args.get(2).replace("/etc/litestream/", "");
    }
}
