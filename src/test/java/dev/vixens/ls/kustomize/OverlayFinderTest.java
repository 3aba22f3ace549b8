package dev.vixens.ls.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directories of an app are its overlays, for the simple patterns and for any other glob. */
class OverlayFinderTest {

    @TempDir
    Path app;

    @BeforeEach
    void writeDirectories() {
        for (String dir : List.of("overlays/dev", "overlays/prod", "base", "litestream", "clusters/home/overlay",
                "clusters/lab/overlay", "deep/a/b/c/overlay")) {
            ProjectFiles.write(app.resolve(dir).resolve("kustomization.yaml"), "resources: []\n");
        }
        ProjectFiles.write(app.resolve("overlays/notes/README.md"), "not an overlay: no kustomization\n");
    }

    private List<String> find(String... patterns) {
        return OverlayFinder.find(app, List.of(patterns)).stream().map(p -> app.relativize(p).toString()).toList();
    }

    @Test
    void directoriesMatchingAPatternAndHoldingAKustomization() {
        assertThat(find("overlays/*")).containsExactly("overlays/dev", "overlays/prod");
        assertThat(find("clusters/*/overlay", "overlays/prod")).containsExactly("clusters/home/overlay",
                "clusters/lab/overlay", "overlays/prod");
    }

    @Test
    void anyOtherGlobIsMatchedByTheFileSystemsMatcher() {
        assertThat(find("overlays/{dev,staging}")).containsExactly("overlays/dev");
        assertThat(find("**/overlay")).containsExactly("clusters/home/overlay", "clusters/lab/overlay",
                "deep/a/b/c/overlay");
        assertThat(find("overlays/pr?d")).containsExactly("overlays/prod");
    }
}
