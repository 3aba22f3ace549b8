package dev.vixens.ls.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.output.GeneratedFile;
import dev.vixens.ls.pipeline.LoadedRepository;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.pipeline.Selection;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests of every rendered file. Each case under {@code src/test/resources/golden/<case>/} holds an
 * input repository ({@code repo/}) and every file generate writes for it ({@code expected/}).
 *
 * <p>After an intended change of the output, regenerate the goldens with one command and review the diff:
 * {@code mvn -q test -Dtest=GoldenFilesTest -Dvixens.updateGoldens=true}
 */
class GoldenFilesTest {

    private static final boolean UPDATE = Boolean.getBoolean("vixens.updateGoldens");

    @ParameterizedTest
    @ValueSource(strings = {"hydrus", "statefulset-space-overrides"})
    void renderedFilesEqualTheGoldens(String name) throws IOException {
        Path golden = ProjectFiles.root().resolve("src/test/resources/golden").resolve(name);
        Repository repo = Repository.open(golden.resolve("repo"));
        Pipeline pipeline = new Pipeline(repo);
        LoadedRepository loaded = pipeline.load(Selection.everyApp());
        Map<String, String> rendered = new TreeMap<>();
        for (GeneratedFile file : pipeline.render(loaded, pipeline.plan(loaded)).files()) {
            rendered.put(file.path(), file.content());
        }
        Path expectedDir = golden.resolve("expected");
        if (UPDATE) {
            rewrite(expectedDir, rendered);
        }

        Map<String, String> expected = ProjectFiles.snapshot(expectedDir);

        assertThat(rendered.keySet()).as("generated file set").containsExactlyElementsOf(expected.keySet());
        rendered.forEach((path, content) -> assertThat(content).as(path).isEqualTo(expected.get(path)));
    }

    private static void rewrite(Path dir, Map<String, String> files) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }
}
