package dev.vixens.ls.cli;

import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -C/--repo DIR}: the repository root; by default found by walking up from the current directory.
 * Every command takes it, and so does the root command, so that {@code vixens-ls -C DIR CMD} and
 * {@code vixens-ls CMD -C DIR} mean the same (as with git and kubectl); given after the subcommand, it wins.
 */
public final class RepositoryOption {

    @Option(names = {"-C", "--repo"}, paramLabel = "DIR",
            description = "Repository root (the directory holding .vixens-ls.yaml), before or after the command."
                    + " Default: the nearest one at or above the current directory.")
    Path root;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    public Repository open() {
        Path given = given();
        return given == null ? Repository.discover(Path.of("")) : Repository.open(given);
    }

    /**
     * The repository when there is one (given, or found above the current directory), empty otherwise. A
     * repository that exists but has a bad {@code .vixens-ls.yaml} is an error, never "no repository".
     */
    public Optional<Repository> openIfPresent() {
        Path given = given();
        if (given != null) {
            return Optional.of(Repository.open(given));
        }
        Path found = Repository.findRoot(Path.of(""));
        return found == null ? Optional.empty() : Optional.of(Repository.open(found));
    }

    /** The root given on the command line, after the subcommand or before it, or null. */
    public Path given() {
        if (root != null) {
            return root;
        }
        for (CommandSpec parent = mixee == null ? null : mixee.parent(); parent != null; parent = parent.parent()) {
            if (parent.userObject() instanceof VixensLsCommand top && top.repository.root != null) {
                return top.repository.root;
            }
        }
        return null;
    }

    /**
     * A path the user gave relative to where they stand: with {@code -C DIR} it is read against the repository
     * root instead, as {@code git -C DIR} reads it against DIR.
     */
    public Path resolveArgument(Path argument) {
        Path given = given();
        return given == null || argument.isAbsolute() ? argument : given.resolve(argument);
    }
}
