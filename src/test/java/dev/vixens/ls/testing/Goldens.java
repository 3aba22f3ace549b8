package dev.vixens.ls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Large expected outputs under {@code src/test/resources/golden/}. They are never edited by hand: run the
 * test with {@code -Dvixens.updateGoldens=true} to rewrite them from the current output, then review the
 * diff (README, Development).
 */
public final class Goldens {

    public static final String UPDATE_PROPERTY = "vixens.updateGoldens";

    private Goldens() {
    }

    /** Compares (or, in update mode, writes) every file of {@code actual} with the golden directory. */
    public static void assertMatches(String goldenDir, Map<String, String> actual) {
        Path dir = ProjectFiles.root().resolve("src/test/resources/golden").resolve(goldenDir);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(dir, actual);
        }
        Map<String, String> expected = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            expected.putAll(ProjectFiles.snapshot(dir));
        }
        assertThat(new TreeMap<>(actual))
                .as("golden files in %s (regenerate with -D%s=true and review the diff)", dir, UPDATE_PROPERTY)
                .isEqualTo(expected);
    }

    private static void write(Path dir, Map<String, String> files) {
        try {
            if (Files.isDirectory(dir)) {
                for (String stale : ProjectFiles.snapshot(dir).keySet()) {
                    Files.delete(dir.resolve(stale));
                }
            }
            ProjectFiles.writeAll(dir, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
