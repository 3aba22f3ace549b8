package dev.vixens.ls.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.source.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one list of a kustomization's file references, shared by import, lint and the overlay tree. */
class KustomizationEntryTest {

    @Test
    void everyKeyThatNamesAFileInOrderAndNothingInline() {
        String kustomization = """
                resources: [deployment.yaml, ../base]
                bases: [../legacy]
                components: [../../litestream]
                patches:
                  - path: replicas.yaml
                  - patch: |-
                      - op: replace
                patchesStrategicMerge:
                  - memory.yaml
                  - |-
                    kind: Deployment
                patchesJson6902:
                  - path: json-patch.yaml
                configMapGenerator:
                  - name: settings
                    files: [app.conf, litestream.yml=config/litestream.yml]
                secretGenerator:
                  - name: creds
                    files: [creds.env]
                """;
        YamlDoc doc = YamlDoc.readAll(SourceFile.fromBytes("kustomization.yaml",
                kustomization.getBytes(StandardCharsets.UTF_8))).get(0);

        assertThat(KustomizationEntry.of(doc.root()).stream().map(e -> e.kind() + " " + e.value()
                + e.generator().map(g -> " in " + g + " as " + e.key().orElseThrow()).orElse("") + " at "
                + doc.at(e.node())).toList()).containsExactly(
                "RESOURCE deployment.yaml at kustomization.yaml:1:13",
                "RESOURCE ../base at kustomization.yaml:1:30",
                "RESOURCE ../legacy at kustomization.yaml:2:9",
                "COMPONENT ../../litestream at kustomization.yaml:3:14",
                "PATCH replicas.yaml at kustomization.yaml:5:11",
                "PATCH memory.yaml at kustomization.yaml:9:5",
                "PATCH json-patch.yaml at kustomization.yaml:13:11",
                "GENERATOR_FILE app.conf in configMapGenerator/settings as app.conf at kustomization.yaml:16:13",
                "GENERATOR_FILE config/litestream.yml in configMapGenerator/settings as litestream.yml at"
                        + " kustomization.yaml:16:23",
                "GENERATOR_FILE creds.env in secretGenerator/creds as creds.env at kustomization.yaml:19:13");
    }
}
