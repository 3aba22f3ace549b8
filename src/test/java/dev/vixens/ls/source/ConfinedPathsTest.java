package dev.vixens.ls.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one place every repository path goes through, on real files: never outside the root, never through a
 * link below it (for reading too), never below a file; links above the root are the user's business.
 */
class ConfinedPathsTest {

    @TempDir
    Path dir;
    Path root;
    ConfinedPaths paths;

    @BeforeEach
    void repository() throws IOException {
        root = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(root.resolve("apps/a"));
        paths = new ConfinedPaths(root);
    }

    @Test
    void acceptsPathsInsideTheRootThatDoNotExistYet() {
        assertThat(paths.resolve("apps/a/litestream/litestream.yml", "write"))
                .isEqualTo(root.resolve("apps/a/litestream/litestream.yml"));
    }

    @Test
    void refusesEverythingOutsideTheRootAndTheRootItself() {
        assertThat(problem("../outside.yaml", "write")).isEqualTo("../outside.yaml:1:1: refusing to write outside the"
                + " repository root " + root);
        assertThat(problem("apps/../../outside.yaml", "read")).startsWith("apps/../../outside.yaml:1:1: refusing to"
                + " read outside the repository root");
        assertThat(paths.problem(Path.of("/etc/passwd"), "read")).startsWith("refusing to read outside");
        assertThat(paths.problem(root, "write")).startsWith("refusing to write outside");
    }

    @Test
    void refusesALinkAnywhereBelowTheRootForReadingAndWriting() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("apps/linked"), elsewhere);
        Files.writeString(elsewhere.resolve("secret.yaml"), "token: x\n");
        Files.createSymbolicLink(root.resolve("apps/a/file.yaml"), elsewhere.resolve("secret.yaml"));

        assertThat(problem("apps/linked/x.yaml", "write")).isEqualTo("apps/linked/x.yaml:1:1: refusing to write"
                + " through the symbolic link apps/linked; vixens-ls never follows a link inside the repository"
                + " (replace it with the directory or file itself)");
        assertThat(problem("apps/a/file.yaml", "read")).startsWith("apps/a/file.yaml:1:1: refusing to read through"
                + " the symbolic link apps/a/file.yaml");
        InputException read = catchThrowableOfType(InputException.class,
                () -> paths.read(root.resolve("apps/a/file.yaml")));
        assertThat(read.problem().format()).doesNotContain("token");
    }

    @Test
    void refusesAFileWhereADirectoryMustBe() throws IOException {
        Files.writeString(root.resolve("apps/a/litestream"), "notes\n");

        assertThat(problem("apps/a/litestream/kustomization.yaml", "write")).isEqualTo("apps/a/litestream/"
                + "kustomization.yaml:1:1: apps/a/litestream is a file where a directory is needed; move it away");
    }

    @Test
    void acceptsALinkAboveTheRoot() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(dir.resolve("checkout"), root);
        ConfinedPaths throughLink = new ConfinedPaths(linkedRoot);

        assertThat(throughLink.resolve("apps/a/x.yaml", "write")).isEqualTo(linkedRoot.resolve("apps/a/x.yaml"));
    }

    private String problem(String relative, String action) {
        InputException e = catchThrowableOfType(InputException.class, () -> paths.resolve(relative, action));
        assertThat(e).as("refused").isNotNull();
        return e.problem().format();
    }
}
