package dev.vixens.ls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a small repository on disk (or on Jimfs) for a test: config, profiles, one file at a time. */
public final class TestRepo {

    private final Path root;

    private TestRepo(Path root) {
        this.root = root;
    }

    /** A repository with the default config and the project's profiles. */
    public static TestRepo create(Path root) {
        TestRepo repo = new TestRepo(root);
        repo.write(".vixens-ls.yaml", "apps: [apps]\n");
        return repo;
    }

    public Path root() {
        return root;
    }

    public TestRepo write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code apps/<layer>/<app>/vixens-backup.yaml}. */
    public TestRepo descriptor(String layer, String app, String content) {
        return write("apps/" + layer + "/" + app + "/vixens-backup.yaml", content);
    }
}
