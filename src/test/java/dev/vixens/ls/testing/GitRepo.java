package dev.vixens.ls.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real git repository in a temporary directory, for the tests that play a user: a GitOps repository set up by
 * the tool, or a "fresh clone" of this project with a release tag, which pre-commit and the CI files fetch
 * through a file URL (no network).
 */
public record GitRepo(Path dir) {

    private static final Map<String, String> ENV = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
            "HOME", System.getProperty("user.home"), "GIT_AUTHOR_NAME", "test", "GIT_AUTHOR_EMAIL", "test@localhost",
            "GIT_COMMITTER_NAME", "test", "GIT_COMMITTER_EMAIL", "test@localhost", "GIT_CONFIG_NOSYSTEM", "1",
            "LANG", "C.UTF-8");

    /** {@code git init} in {@code dir}, then a first commit of whatever it holds. */
    public static GitRepo init(Path dir) {
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.commitAll("initial");
        return repo;
    }

    /**
     * This project as a fresh clone would have it, with the working tree's current content (tracked and new files,
     * nothing git ignores, so no target/), committed and tagged {@code tag}.
     */
    public static GitRepo cloneOfProject(Path dir, String tag) {
        Path root = ProjectFiles.root();
        String listing = Processes.output(Processes.command(List.of("git", "ls-files", "-z", "--cached", "--others",
                "--exclude-standard"), ENV, root));
        for (String file : listing.split("\0")) {
            Path source = root.resolve(file);
            if (!file.isEmpty() && Files.isRegularFile(source)) {
                ProjectFiles.copyTree(source, dir.resolve(file));
            }
        }
        GitRepo repo = init(dir);
        repo.git("tag", tag);
        return repo;
    }

    public String url() {
        return dir.toUri().toString();
    }

    public void commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "--no-verify", "-m", message);
    }

    /** Puts every tracked file back as committed (after a test edited some). */
    public void restore() {
        git("checkout", "-q", "--", ".");
    }

    public String git(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("git");
        argv.addAll(List.of(args));
        return Processes.output(Processes.command(argv, ENV, dir));
    }
}
