package dev.vixens.ls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one golden mechanism: large expected outputs under {@code src/test/resources/golden/} (and the rendered
 * tables of docs/litestream-releases.md). They are never edited by hand: {@code scripts/update-goldens} runs
 * every test tagged {@value #TAG} with {@code -Dvixens.updateGoldens=true}, which rewrites them from the
 * current output; then review the diff (docs/development.md).
 */
public final class Goldens {

    public static final String UPDATE_PROPERTY = "vixens.updateGoldens";
    /** The JUnit tag of every test that compares with goldens, so that one command rewrites them all. */
    public static final String TAG = "golden";
    /** The one command that rewrites the goldens, as failure messages name it. */
    public static final String UPDATE_COMMAND = "scripts/update-goldens";

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
                .as("golden files in %s (after an intended change, run %s and review the diff)", dir, UPDATE_COMMAND)
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
