package dev.vixens.ls.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the tool finds its input files. One place, because both the full pipeline and the fast check
 * (which proves "nothing changed" without parsing anything) must see exactly the same files. Nothing is
 * followed through a symbolic link; what the walk could not use is reported, never dropped silently.
 */
public final class InputFiles {

    /** App descriptors are searched this many directory levels below each apps directory. */
    public static final int MAX_DEPTH = 5;

    private InputFiles() {
    }

    /**
     * What a walk for app descriptors found.
     *
     * @param descriptors regular files with exactly the descriptor's name, in walk order
     * @param suspects what looks like a descriptor but will not be read as one: a near-miss name (other
     *     case, {@code .yml}) or a descriptor name that is a link or a special file
     * @param linkedDirectories symbolic links to directories, which the walk does not enter
     * @param componentDirectories directories named like a generated Component (the outermost of nested ones)
     */
    public record AppScan(List<Path> descriptors, List<Path> suspects, List<Path> linkedDirectories,
            List<Path> componentDirectories) {
    }

    /**
     * Every file named {@code fileName} below {@code start}, skipping directories whose name starts with '.'
     * or '_' (such as {@code _shared}), in walk order; what looks like one but is not; and the directories
     * named {@code componentName}. One walk, for the repository and the fast check alike.
     */
    public static AppScan apps(Path start, String fileName, String componentName) {
        List<Path> found = new ArrayList<>();
        List<Path> suspects = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        List<Path> components = new ArrayList<>();
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return new AppScan(found, suspects, links, components);
        }
        String base = fileName.substring(0, fileName.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        try {
            Files.walkFileTree(start, Set.of(), MAX_DEPTH, new Walk() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (skipped(start, dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    boolean nested = !components.isEmpty() && dir.startsWith(components.get(components.size() - 1));
                    if (!dir.equals(start) && !nested && dir.getFileName().toString().equals(componentName)) {
                        components.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    String lower = name.toLowerCase(Locale.ROOT);
                    boolean nearMiss = lower.equals(base + ".yaml") || lower.equals(base + ".yml");
                    if (name.equals(fileName) && attrs.isRegularFile()) {
                        found.add(file);
                    } else if (nearMiss) {
                        suspects.add(file);
                    } else if (attrs.isSymbolicLink() && !skipped(start, file) && Files.isDirectory(file)) {
                        links.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + start, e);
        }
        return new AppScan(found, suspects, links, components);
    }

    /**
     * A walk that never follows a link and takes a file removed while it walks (another program's temporary
     * file) for one that was never there; any other failure to read stops it.
     */
    public static class Walk extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }
    }

    /** Every regular file below {@code dir}, never following a link. */
    public static List<Path> regularFiles(Path dir) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new Walk() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return found;
    }

    private static boolean skipped(Path start, Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return !dir.equals(start) && (name.startsWith(".") || name.startsWith("_"));
    }

    /**
     * The {@code *.yaml} entries of a repository's profiles directory that are not directories, sorted; none
     * when it is absent. Links and special files are listed too, so that the loader refuses them by name
     * instead of skipping them.
     */
    public static List<Path> profiles(Path dir) {
        List<Path> yaml = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return yaml;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(".yaml")
                        && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    yaml.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        Collections.sort(yaml);
        return yaml;
    }
}
