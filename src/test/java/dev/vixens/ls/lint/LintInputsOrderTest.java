package dev.vixens.ls.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint parses the files of a directory on all cores; what it keeps, and in which order, must still be what
 * reading them one by one gives: the walked files in name order, then the files the kustomizations among them
 * build from, each once, in the order they are named.
 */
class LintInputsOrderTest {

    @TempDir
    Path dir;

    @Test
    void filesAreKeptInQueueOrderWhateverTheThreads() throws IOException {
        Path walked = Files.createDirectories(dir.resolve("repo/apps"));
        Path outside = Files.createDirectories(dir.resolve("repo/bases"));
        Files.writeString(dir.resolve("repo/.vixens-ls.yaml"), "{}\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = String.format("app-%02d.yaml", i);
            Files.writeString(walked.resolve(name), "dbs:\n  - path: /data/" + i + ".db\n");
            expected.add("repo/apps/" + name);
        }
        // a kustomization walked last names two files outside the walk, the second one twice
        Files.writeString(walked.resolve("kustomization.yaml"), """
                resources:
                  - ../bases/z.yaml
                  - ../bases/a.yaml
                  - ../bases/a.yaml
                  - app-03.yaml
                """);
        expected.add("repo/apps/kustomization.yaml");
        Files.writeString(outside.resolve("z.yaml"), "dbs: []\n");
        Files.writeString(outside.resolve("a.yaml"), "dbs: []\n");
        expected.add("repo/bases/z.yaml");
        expected.add("repo/bases/a.yaml");

        for (int run = 0; run < 5; run++) {
            LintInputs inputs = LintInputs.read(List.of(walked), path -> dir.relativize(path).toString());
            assertThat(inputs.files.keySet()).map(path -> dir.relativize(path).toString())
                    .containsExactlyElementsOf(expected);
            assertThat(inputs.includedBy.get(outside.resolve("a.yaml")))
                    .containsExactly(walked.resolve("kustomization.yaml"));
        }
    }
}
