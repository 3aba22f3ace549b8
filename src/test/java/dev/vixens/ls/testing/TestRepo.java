package dev.vixens.ls.testing;

import java.nio.file.Path;

/** Builds a small repository on disk (or on Jimfs) for a test: config, profiles, one file at a time. */
public final class TestRepo {

    private final Path root;

    private TestRepo(Path root) {
        this.root = root;
    }

    /**
     * A repository with the default config and no profiles of its own (the built-in ones only); overlays are
     * built with {@code kubectl kustomize}, which is on the machine image, whatever else is installed.
     */
    public static TestRepo create(Path root) {
        TestRepo repo = new TestRepo(root);
        repo.write(".vixens-ls.yaml", "apps: [apps]\n" + KUBECTL);
        return repo;
    }

    /** The {@code verify:} section that makes check build with {@code kubectl kustomize}. */
    public static final String KUBECTL = "verify: {kustomize: [kubectl, kustomize]}\n";

    public Path root() {
        return root;
    }

    public TestRepo write(String relative, String content) {
        ProjectFiles.write(root.resolve(relative), content);
        return this;
    }

    /** Writes {@code apps/<layer>/<app>/vixens-backup.yaml}. */
    public TestRepo descriptor(String layer, String app, String content) {
        return write("apps/" + layer + "/" + app + "/vixens-backup.yaml", content);
    }
}
