package dev.vixens.ls.setup;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.source.InputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds where a GitOps repository keeps its apps, for the {@code apps:} list {@code setup} writes: every
 * directory holding both {@code base/} and {@code overlays/} (a Kustomize app), or a descriptor already. Each
 * app is covered by its top-level directory ({@code apps/20-media/hydrus} by {@code apps}), or by a deeper one
 * when the app lies deeper than the descriptor search reaches ({@value InputFiles#MAX_DEPTH} levels).
 */
final class AppDirectories {

    /** Deep enough for an app a few levels below the search depth, shallow enough to stay quick in big trees. */
    private static final int WALK_DEPTH = 8;
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "vendor");

    private AppDirectories() {
    }

    /** The directories to list under {@code apps:}, relative to the root, sorted; empty when none is found. */
    static List<String> find(Path root) {
        Set<String> roots = new TreeSet<>();
        for (Path app : apps(root)) {
            Path relative = root.relativize(app);
            int depth = relative.getNameCount();
            if (depth < 2) {
                // an app directly at the root is searched from itself
                roots.add(slashed(relative));
            } else {
                int keep = Math.max(1, depth - (InputFiles.MAX_DEPTH - 1));
                roots.add(slashed(relative.subpath(0, keep)));
            }
        }
        // a directory below another listed one is already searched
        List<String> result = new ArrayList<>();
        for (String dir : roots) {
            if (result.stream().noneMatch(outer -> dir.startsWith(outer + "/"))) {
                result.add(dir);
            }
        }
        return result;
    }

    private static List<Path> apps(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), WALK_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.startsWith(".") || name.startsWith("_") || SKIPPED.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    boolean kustomizeApp = Files.isDirectory(dir.resolve("base"))
                            && Files.isDirectory(dir.resolve("overlays"));
                    if (!dir.equals(root) && (kustomizeApp
                            || Files.isRegularFile(dir.resolve(DescriptorLoader.FILE_NAME)))) {
                        found.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + root + " for app directories", e);
        }
        return found;
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
