package dev.vixens.ls.render;

import dev.vixens.ls.output.GeneratedFile;
import dev.vixens.ls.pipeline.LoadedRepository;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.pipeline.Selection;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.Goldens;
import dev.vixens.ls.testing.ProjectFiles;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests of every rendered file. Each case under {@code src/test/resources/golden/<case>/} holds an
 * input repository ({@code repo/}) and every file generate writes for it ({@code expected/}), compared through
 * {@link Goldens}, the one golden mechanism; {@code scripts/update-goldens} rewrites them after an intended
 * change of the output (then review the diff).
 */
@Tag(Goldens.TAG)
class GoldenFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"hydrus", "statefulset-space-overrides"})
    void renderedFilesEqualTheGoldens(String name) {
        Repository repo = Repository.open(ProjectFiles.root().resolve("src/test/resources/golden").resolve(name)
                .resolve("repo"));
        Pipeline pipeline = new Pipeline(repo);
        LoadedRepository loaded = pipeline.load(Selection.everyApp());
        Map<String, String> rendered = new TreeMap<>();
        for (GeneratedFile file : pipeline.render(loaded, pipeline.plan(loaded)).files()) {
            rendered.put(file.path(), file.content());
        }

        Goldens.assertMatches(name + "/expected", rendered);
    }
}
