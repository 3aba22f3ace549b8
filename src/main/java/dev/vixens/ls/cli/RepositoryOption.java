package dev.vixens.ls.cli;

import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --repo DIR}: the repository root; by default found by walking up from the current directory. */
public final class RepositoryOption {

    @Option(names = {"-C", "--repo"}, paramLabel = "DIR",
            description = "Repository root (the directory holding .vixens-ls.yaml). Default: the nearest one"
                    + " at or above the current directory.")
    Path root;

    public Repository open() {
        return root == null ? Repository.discover(Path.of("")) : Repository.open(root);
    }

    public boolean given() {
        return root != null;
    }
}
