package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base that sets the namespace under an overlay that does not: the generated ConfigMap must land in the
 * app's namespace, or Kustomize leaves the pod's volume pointing at a ConfigMap name that does not exist.
 */
class NamespaceFromBaseTest {

    @TempDir
    Path repo;

    @Test
    void theConfigVolumeReferencesTheHashedConfigMapInTheAppsNamespace() throws Exception {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client");
        Path app = repo.resolve("apps/20-media/hydrus-client");
        Path base = app.resolve("base/kustomization.yaml");
        Files.writeString(base, "namespace: media\n" + Files.readString(base));
        Path overlay = app.resolve("overlays/prod/kustomization.yaml");
        Files.writeString(overlay, Files.readString(overlay).replace("namespace: media\n", ""));

        assertThat(CliRun.inRepo(repo, "generate", "hydrus-client").exitCode()).isZero();
        List<Map<String, Object>> objects = Kustomize.build(app.resolve("overlays/prod"));

        Map<String, Object> configMap = Kustomize.findByPrefix(objects, "ConfigMap", "hydrus-client-litestream-");
        assertThat(Kustomize.metadata(configMap).get("namespace")).isEqualTo("media");
        String hashed = String.valueOf(Kustomize.metadata(configMap).get("name"));
        Map<String, Object> deployment = Kustomize.find(objects, "Deployment", "hydrus-client");
        assertThat(Kustomize.podSpec(deployment).get("volumes").toString())
                .contains("name=" + hashed + "}");
    }
}
