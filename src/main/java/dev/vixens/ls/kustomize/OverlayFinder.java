package dev.vixens.ls.kustomize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which directories of an app are its overlays: those matching one of the repository's glob patterns
 * (relative to the app directory, {@code overlays/*} by default) and holding a kustomization file. One place,
 * because the full check builds them and the fast check must see an overlay appear or disappear. Reads
 * directory entries only, no YAML.
 */
public final class OverlayFinder {

    public static final String DEFAULT_PATTERN = "overlays/*";
    /** How deep below the app directory a {@code **} pattern looks. */
    static final int MAX_DEPTH = 6;

    private OverlayFinder() {
    }

    /** The overlay directories of the app in {@code appDir}, sorted. */
    public static List<Path> find(Path appDir, List<String> patterns) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(appDir)) {
            return found;
        }
        FileSystem fs = appDir.getFileSystem();
        List<PathMatcher> matchers = patterns.stream().map(p -> fs.getPathMatcher("glob:" + p)).toList();
        int depth = patterns.stream().mapToInt(OverlayFinder::depth).max().orElse(0);
        try {
            Files.walkFileTree(appDir, Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(appDir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    consider(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // at the depth limit directories are reported as files
                    if (attrs.isDirectory()) {
                        consider(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void consider(Path dir) {
                    Path relative = appDir.relativize(dir);
                    if (matchers.stream().anyMatch(m -> m.matches(relative)) && Kustomization.fileIn(dir).isPresent()) {
                        found.add(dir);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the overlays of " + appDir, e);
        }
        found.sort(null);
        return found;
    }

    /** Directory levels a pattern can reach: its segments, or {@link #MAX_DEPTH} with {@code **}. */
    static int depth(String pattern) {
        return pattern.contains("**") ? MAX_DEPTH : pattern.split("/").length;
    }
}
