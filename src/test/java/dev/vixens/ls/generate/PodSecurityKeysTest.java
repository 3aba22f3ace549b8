package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Pod Security keys generate ({@code initResources}, {@code fsGroup}, {@code podSecurity}, and the
 * hardened containers every app gets), each as a descriptor beside the exact fragment of
 * {@code workload-patch.yaml} it must produce. The refusals are in the bad-input corpus.
 */
class PodSecurityKeysTest {

    private static final String BASE = """
            app: notes
            namespace: notes
            workload: {kind: Deployment, name: notes, container: app}
            volume: {name: data, mountPath: /data}
            databases:
              - {path: /data/notes.db, profile: standard}
              - {path: /data/cache.db, profile: ephemeral}
            """;

    @TempDir
    Path repo;

    private String generate(String descriptor) throws IOException {
        return generate(descriptor, "apps: [apps]\n");
    }

    private String generate(String descriptor, String config) throws IOException {
        TestRepo.create(repo).write(".vixens-ls.yaml", config).descriptor("10-notes", "notes", descriptor);
        CliRun generate = CliRun.inRepo(repo, "generate", "notes");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        return Files.readString(repo.resolve("apps/10-notes/notes/litestream/workload-patch.yaml"));
    }

    @Test
    void everyContainerIsHardenedAndTheToolsGetAScratchDirectory() throws IOException {
        String patch = generate(BASE);

        String hardened = """
                          resources:
                            requests:
                              cpu: "10m"
                              memory: "64Mi"
                            limits:
                              cpu: "1"
                              memory: "256Mi"
                          securityContext:
                            runAsUser: 1000
                            runAsGroup: 1000
                            runAsNonRoot: true
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities:
                              drop:
                                - ALL
                            seccompProfile:
                              type: RuntimeDefault
                """;

        assertThat(container(patch, "restore-notes")).endsWith("""
                          envFrom:
                            - secretRef:
                                name: litestream-shared-secrets
                          env:
                            - name: TMPDIR
                              value: "/tmp"
                            - name: SQLITE_TMPDIR
                              value: "/tmp"
                """ + hardened + """
                          volumeMounts:
                            - name: data
                              mountPath: "/data"
                            - name: litestream-config
                              mountPath: "/etc/litestream"
                              readOnly: true
                            - name: litestream-tmp
                              mountPath: "/tmp"
                """);
        assertThat(container(patch, "cleanup-ephemeral")).as("busybox's rm needs no scratch").endsWith(hardened + """
                          volumeMounts:
                            - name: data
                              mountPath: "/data"
                """);
        assertThat(container(patch, "litestream")).contains("""
                          resources:
                            requests:
                              cpu: "10m"
                              memory: "64Mi"
                            limits:
                              cpu: "100m"
                              memory: "128Mi"
                """);
        assertThat(patch).endsWith("""
                      volumes:
                        - name: litestream-config
                          configMap:
                            name: notes-litestream
                        - name: litestream-tmp
                          emptyDir: {}
                """).doesNotContain("fsGroup");
    }

    @Test
    void fixPermissionsRunsAsRootWithChownAndDacOverrideOnly() throws IOException {
        String patch = generate(BASE + "fixPermissions: true\n");

        assertThat(container(patch, "fix-permissions")).endsWith("""
                            - fix-permissions
                            - "1000"
                            - "1000"
                            - "/data"
                          resources:
                            requests:
                              cpu: "10m"
                              memory: "64Mi"
                            limits:
                              cpu: "1"
                              memory: "256Mi"
                          securityContext:
                            runAsUser: 0
                            runAsGroup: 0
                            runAsNonRoot: false
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities:
                              drop:
                                - ALL
                              add:
                                - CHOWN
                                - DAC_OVERRIDE
                            seccompProfile:
                              type: RuntimeDefault
                          volumeMounts:
                            - name: data
                              mountPath: "/data"
                """);
    }

    @Test
    void fsGroupHandsTheVolumeToAGroupWithoutARootContainer() throws IOException {
        String patch = generate(BASE + "fsGroup: 2000\n");

        assertThat(patch).contains("""
                    spec:
                      securityContext:
                        fsGroup: 2000
                        fsGroupChangePolicy: OnRootMismatch
                      initContainers:
                """).doesNotContain("fix-permissions");
    }

    @Test
    void initResourcesAreSetLeafByLeafOverTheRepositoryDefaultsAndLeaveTheSidecarAlone() throws IOException {
        String patch = generate(BASE + "initResources:\n  limits:\n    memory: 2Gi\n", """
                apps: [apps]
                defaults:
                  initResources:
                    limits: {cpu: 500m, memory: 1Gi}
                """);

        assertThat(container(patch, "check-integrity")).contains("""
                          resources:
                            requests:
                              cpu: "10m"
                              memory: "64Mi"
                            limits:
                              cpu: "500m"
                              memory: "2Gi"
                """);
        assertThat(container(patch, "litestream")).contains("""
                            limits:
                              cpu: "100m"
                              memory: "128Mi"
                """);
    }

    @Test
    void podSecurityBaselineRunsTheContainersAsRootWithNoCapabilityAndSaysSoOnEveryGenerate() throws IOException {
        TestRepo.create(repo).descriptor("10-notes", "notes",
                BASE + "runAs: {uid: 0, gid: 0}\npodSecurity: baseline\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "notes");

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.err().lines().filter(line -> line.startsWith("warning:"))).containsExactly(
                "warning: notes: podSecurity: baseline: the generated containers run as root (runAs.uid 0) and meet"
                        + " the Pod Security Standard \"baseline\" only; a namespace that enforces \"restricted\""
                        + " rejects the pod");
        String patch = Files.readString(repo.resolve("apps/10-notes/notes/litestream/workload-patch.yaml"));
        assertThat(container(patch, "litestream")).contains("""
                          securityContext:
                            runAsUser: 0
                            runAsGroup: 0
                            runAsNonRoot: false
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities:
                              drop:
                                - ALL
                            seccompProfile:
                              type: RuntimeDefault
                """);
        assertThat(CliRun.inRepo(repo, "generate", "notes").err()).as("every run").contains("warning: notes:");
        assertThat(CliRun.inRepo(repo, "check", "notes").err()).as("check stays quiet").isEmpty();
    }

    @Test
    void aDataVolumeMountedAtTmpIsTheScratchSpaceItself() throws IOException {
        TestRepo.create(repo).descriptor("10-notes", "notes", BASE.replace("/data", "/tmp"))
                .write("apps/10-notes/notes/base/kustomization.yaml", "resources: [deployment.yaml]\n")
                .write("apps/10-notes/notes/base/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: notes}
                        spec:
                          selector: {matchLabels: {app: notes}}
                          template:
                            metadata: {labels: {app: notes}}
                            spec:
                              containers:
                                - name: app
                                  image: registry.example/notes:1.0
                                  volumeMounts: [{name: data, mountPath: /tmp}]
                              volumes: [{name: data, persistentVolumeClaim: {claimName: notes}}]
                        """)
                .write("apps/10-notes/notes/overlays/prod/kustomization.yaml",
                        "resources: [../../base]\ncomponents: [../../litestream]\n");
        assertThat(CliRun.inRepo(repo, "generate", "notes").exitCode()).isZero();

        Map<String, Object> deployment = Kustomize.find(Kustomize.build(repo.resolve(
                "apps/10-notes/notes/overlays/prod")), "Deployment", "notes");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) Kustomize.container(deployment,
                "initContainers", "restore-notes").get("volumeMounts");
        assertThat(mounts).containsExactly(Map.of("name", "data", "mountPath", "/tmp"),
                Map.of("name", "litestream-config", "mountPath", "/etc/litestream", "readOnly", true));
        assertThat(Kustomize.podSpec(deployment).toString()).doesNotContain("litestream-tmp");
    }

    /** The list item of container {@code name} in a generated pod patch, up to the next item or key. */
    private static String container(String patch, String name) {
        String start = "        - name: " + name + "\n";
        int from = patch.indexOf(start);
        assertThat(from).as("container " + name + " in\n" + patch).isNotNegative();
        int end = from + start.length();
        while (end < patch.length()) {
            int next = patch.indexOf('\n', end);
            String line = patch.substring(end, next + 1);
            if (!line.startsWith("          ")) {
                break;
            }
            end = next + 1;
        }
        return patch.substring(from, end);
    }
}
