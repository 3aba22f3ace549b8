package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 10: names that YAML reads as numbers, booleans or null ({@code namespace: "123"}, a volume
 * named {@code "123"}, {@code secret: "null"}) came out unquoted, and kustomize or the API server refused the
 * manifests. Every string is now written by the one quoting rule: the real {@code kubectl kustomize} builds
 * the overlay, and every such name comes back as the string it was.
 */
class NamesThatLookLikeOtherTypesTest {

    @TempDir
    Path repo;

    @Test
    void namesThatLookLikeNumbersBooleansOrNullStayStrings() throws Exception {
        TestRepo.create(repo)
                .write("apps/10-home/123/vixens-backup.yaml", """
                        app: "123"
                        namespace: "456"
                        workload: {kind: Deployment, name: "true", container: "yes"}
                        volume: {name: "789", mountPath: /data}
                        secret: "null"
                        databases:
                          - {path: /data/app.db, profile: standard, name: "010"}
                          - {path: /data/tmp.db, profile: ephemeral, name: "off"}
                        drill: {schedule: "@daily"}
                        """)
                .write("apps/10-home/123/base/kustomization.yaml", "resources: [deployment.yaml]\n")
                .write("apps/10-home/123/base/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: "true"}
                        spec:
                          template:
                            spec:
                              securityContext: {runAsUser: 1000, runAsGroup: 1000}
                              containers:
                                - name: "yes"
                                  image: "busybox:1.37.0"
                                  volumeMounts: [{name: "789", mountPath: /data}]
                              volumes:
                                - {name: "789", emptyDir: {}}
                        """)
                .write("apps/10-home/123/overlays/prod/kustomization.yaml",
                        "namespace: \"456\"\nresources: [../../base]\ncomponents: [../../litestream]\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "123");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(Files.readString(repo.resolve("apps/10-home/123/litestream/kustomization.yaml")))
                .contains("  - name: 123-litestream\n", "    namespace: \"456\"\n");
        List<Map<String, Object>> built = Kustomize.build(repo.resolve("apps/10-home/123/overlays/prod"));
        Map<String, Object> deployment = Kustomize.find(built, "Deployment", "true");
        assertThat(Kustomize.metadata(deployment)).containsEntry("namespace", "456");
        List<Map<String, Object>> init = Kustomize.containers(deployment, "initContainers");
        assertThat(Kustomize.names(init)).contains("restore-010");
        Map<String, Object> sidecar = Kustomize.containers(deployment, "containers").stream()
                .filter(c -> "litestream".equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(sidecar.get("envFrom")).isEqualTo(List.of(Map.of("secretRef", Map.of("name", "null"))));
        assertThat(sidecar.get("volumeMounts")).asList().anySatisfy(mount ->
                assertThat(((Map<?, ?>) mount).get("name")).isEqualTo("789"));
        assertThat(Kustomize.find(built, "CronJob", "123-drill")).isNotNull();
        assertThat(CliRun.inRepo(repo, "check", "--all").exitCode()).isZero();
    }
}
