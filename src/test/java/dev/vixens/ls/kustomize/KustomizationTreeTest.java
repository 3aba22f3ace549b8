package dev.vixens.ls.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an overlay builds from, read without kustomize: every file a build reads (so that the fast check can
 * trust its digests), the Components included, the manifests with the names kustomize gives them, and whether
 * the build depends on anything the digests cannot cover.
 */
class KustomizationTreeTest {

    @TempDir
    Path root;

    private KustomizationTree read(String overlay) {
        return KustomizationTree.read(root.resolve(overlay), root, p -> root.relativize(p).toString());
    }

    private void write(String file, String content) {
        ProjectFiles.write(root.resolve(file), content);
    }

    @Test
    void everyFileTheBuildReadsIsListedAbsentKustomizationNamesIncluded() {
        write("app/base/kustomization.yaml", "resources: [deployment.yaml]\nnamePrefix: web-\n");
        write("app/base/deployment.yaml", "kind: Deployment\nmetadata: {name: notes}\n");
        write("app/overlays/prod/kustomization.yaml", """
                resources: [../../base]
                components: [../../litestream]
                namePrefix: prod-
                patches:
                  - path: patch.yaml
                configMapGenerator:
                  - name: settings
                    envs: [settings.env]
                    files: [key=data/file.txt]
                """);
        write("app/overlays/prod/patch.yaml", "kind: Deployment\nmetadata: {name: notes}\n");
        write("app/overlays/prod/settings.env", "A=1\n");
        write("app/overlays/prod/data/file.txt", "x\n");
        write("app/litestream/kustomization.yaml", "kind: Component\n");

        KustomizationTree tree = read("app/overlays/prod");

        assertThat(tree.filesRead().stream().map(p -> root.relativize(p).toString()).toList())
                .containsExactlyInAnyOrder(
                        "app/overlays/prod/kustomization.yaml", "app/overlays/prod/kustomization.yml",
                        "app/overlays/prod/Kustomization",
                        "app/base/kustomization.yaml", "app/base/kustomization.yml", "app/base/Kustomization",
                        "app/base/deployment.yaml",
                        "app/litestream/kustomization.yaml", "app/litestream/kustomization.yml",
                        "app/litestream/Kustomization",
                        "app/overlays/prod/patch.yaml", "app/overlays/prod/settings.env",
                        "app/overlays/prod/data/file.txt");
        assertThat(tree.cacheable()).isTrue();
        assertThat(tree.components()).containsExactly(root.resolve("app/litestream"));
        assertThat(tree.manifests()).extracting(m -> m.patch() + " " + m.builtName().orElseThrow())
                .containsExactly("true notes", "false prod-web-notes");
    }

    @Test
    void aRemoteBaseOrAHelmChartIsNotCoveredByDigests() {
        write("a/kustomization.yaml", "resources: [https://example.invalid/app.yaml]\n");
        write("b/kustomization.yaml", "helmCharts: [{name: x, repo: https://charts.example.invalid}]\n");
        write("c/kustomization.yaml", "resources: [github.com/example/app//base?ref=v1]\n");
        write("d/kustomization.yaml", "resources: [../../outside]\n");

        assertThat(List.of("a", "b", "c", "d")).allSatisfy(dir -> assertThat(read(dir).cacheable()).as(dir)
                .isFalse());
    }

    @Test
    void aMissingResourceIsStillWatched() {
        write("o/kustomization.yaml", "resources: [later.yaml]\n");

        assertThat(read("o").filesRead()).contains(root.resolve("o/later.yaml"));
    }

    @Test
    void inlinePatchesAreReadWithTheirPositionsInTheKustomization() {
        write("o/kustomization.yaml", """
                patches:
                  - patch: |
                      kind: Deployment
                      metadata: {name: notes}
                      spec:
                        template:
                          spec:
                            hostNetwork: true
                """);

        KustomizationTree tree = read("o");
        WorkloadSource source = new WorkloadSource(tree, "Deployment", List.of("notes"), List.of(),
                tree.overlayLocation("patches"));

        assertThat(source.podSpec("hostNetwork").toString()).isEqualTo("o/kustomization.yaml:8:26");
    }
}
