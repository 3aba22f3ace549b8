package dev.vixens.ls.kustomize;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The names kustomize accepts for a kustomization file, in the order it looks for them. One place, because
 * import, lint and check all find kustomizations, and the fast check must know every name whose appearance
 * changes a build.
 */
public final class Kustomization {

    public static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml",
            "Kustomization");

    private Kustomization() {
    }

    /**
     * The kustomization file in {@code dir}, if any. A link counts as found, so that reading it is refused by
     * name rather than skipped. (A loop, not a stream: the fast check calls it.)
     */
    public static Optional<Path> fileIn(Path dir) {
        for (String name : FILE_NAMES) {
            Path file = dir.resolve(name);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a kustomization entry names something remote (a git repository, a URL): nothing in vixens-ls
     * fetches it, so import and lint do not read it and the fast check cannot cover it. One rule for all three.
     */
    public static boolean isRemote(String entry) {
        return entry.contains("://") || entry.startsWith("git@") || entry.startsWith("github.com/")
                || entry.startsWith("gitlab.com/") || entry.startsWith("bitbucket.org/") || entry.contains("?ref=")
                || entry.contains("?version=");
    }

    public static boolean isKustomizationFile(Path file) {
        return file.getFileName() != null && FILE_NAMES.contains(file.getFileName().toString());
    }
}
