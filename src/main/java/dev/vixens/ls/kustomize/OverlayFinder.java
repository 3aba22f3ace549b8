package dev.vixens.ls.kustomize;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * directory entries only, no YAML; and, since the fast check runs it on a cold JVM, patterns made of names and
 * {@code *} segments (the usual ones) are matched without compiling a regular expression.
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
        List<Object> matchers = new ArrayList<>();
        int depth = 0;
        for (String pattern : patterns) {
            matchers.add(simple(pattern) ? pattern.split("/") : appDir.getFileSystem().getPathMatcher("glob:" + pattern));
            depth = Math.max(depth, depth(pattern));
        }
        try {
            Files.walkFileTree(appDir, Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(appDir)) {
                        consider(dir);
                    }
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
                    for (Object matcher : matchers) {
                        if (matches(matcher, relative)) {
                            if (Kustomization.fileIn(dir).isPresent()) {
                                found.add(dir);
                            }
                            return;
                        }
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

    /** Names and whole-segment {@code *} only: matched segment by segment. */
    private static boolean simple(String pattern) {
        for (String segment : pattern.split("/")) {
            boolean wildcard = segment.equals("*");
            for (char c : segment.toCharArray()) {
                if (!wildcard && "*?[]{}\\".indexOf(c) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(Object matcher, Path relative) {
        if (matcher instanceof PathMatcher glob) {
            return glob.matches(relative);
        }
        String[] segments = (String[]) matcher;
        if (relative.getNameCount() != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            String name = relative.getName(i).toString();
            if (!segments[i].equals("*") && !segments[i].equals(name)) {
                return false;
            }
        }
        return true;
    }
}
