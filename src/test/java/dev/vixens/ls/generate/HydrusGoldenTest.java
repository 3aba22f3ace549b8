package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Goldens;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hydrus example (critical + standard + standard + ephemeral) generated for each config dialect:
 * 0.3.13 (one process, per-replica values), 0.5.7 (one process per snapshot group, top-level snapshot)
 * and 0.5.12 (per-database snapshot). The Litestream configs and the PodMonitor are compared with goldens
 * under {@code src/test/resources/golden/hydrus-client/<version>/}.
 */
class HydrusGoldenTest {

    @TempDir
    Path repo;

    @ParameterizedTest
    @ValueSource(strings = {"0.3.13", "0.5.7", "0.5.12"})
    void configsForEachDialectMatchTheirGoldens(String version) throws Exception {
        ProjectFiles.copyExampleRepository(repo);
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replace("version: 0.3.13", "version: " + version));

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        Path component = repo.resolve("apps/20-media/hydrus-client/litestream");
        Map<String, String> generated = new TreeMap<>();
        ProjectFiles.snapshot(component).forEach((name, content) -> {
            if (name.endsWith(".yml") || name.equals("podmonitor.yaml")) {
                generated.put(name, content);
            }
        });
        Goldens.assertMatches("hydrus-client/" + version, generated);
    }
}
