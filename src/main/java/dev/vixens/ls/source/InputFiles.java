package dev.vixens.ls.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Where the tool finds its input files. One place, because both the full pipeline and the fast check
 * (which proves "nothing changed" without parsing anything) must see exactly the same files.
 */
public final class InputFiles {

    /** App descriptors are searched this many directory levels below each apps directory. */
    public static final int MAX_DEPTH = 5;

    private InputFiles() {
    }

    /**
     * Every file named {@code fileName} below {@code start}, skipping directories whose name starts with '.'
     * or '_' (such as {@code _shared}), in walk order.
     */
    public static List<Path> descriptors(Path start, String fileName) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(start)) {
            return found;
        }
        try {
            Files.walkFileTree(start, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(start) && (name.startsWith(".") || name.startsWith("_"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().equals(fileName)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Every directory named {@code name} below {@code start}, with the same skipping rules as descriptors. */
    public static List<Path> directoriesNamed(Path start, String name) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(start)) {
            return found;
        }
        try {
            Files.walkFileTree(start, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(start) && (dirName.startsWith(".") || dirName.startsWith("_"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(start) && dirName.equals(name)) {
                        found.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The {@code *.yaml} profile files of a repository's profiles directory, sorted; none when it is absent. */
    public static List<Path> profiles(Path dir) {
        List<Path> yaml = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return yaml;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(file)) {
                    yaml.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(yaml);
        return yaml;
    }

    /** Every regular file below {@code dir} (not following links). */
    public static List<Path> regularFiles(Path dir) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
