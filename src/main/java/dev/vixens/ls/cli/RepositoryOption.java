package dev.vixens.ls.cli;

import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import java.util.Optional;
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

    /**
     * The repository when there is one (given, or found above the current directory), empty otherwise. A
     * repository that exists but has a bad {@code .vixens-ls.yaml} is an error, never "no repository".
     */
    public Optional<Repository> openIfPresent() {
        if (root != null) {
            return Optional.of(Repository.open(root));
        }
        Path found = Repository.findRoot(Path.of(""));
        return found == null ? Optional.empty() : Optional.of(Repository.open(found));
    }

    public boolean given() {
        return root != null;
    }
}
