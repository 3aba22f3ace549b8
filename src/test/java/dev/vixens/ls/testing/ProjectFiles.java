package dev.vixens.ls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The project checkout the tests run in, and helpers to copy parts of it into temporary repositories. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The project root (set by Maven Surefire; falls back to the working directory). */
    public static Path root() {
        String configured = System.getProperty("vixens.projectRoot");
        return Path.of(configured == null ? "" : configured).toAbsolutePath().normalize();
    }

    /** Copies the project's repository (config, profiles, apps) into {@code target}. */
    public static void copyExampleRepository(Path target) {
        copyTree(root().resolve(".vixens-ls.yaml"), target.resolve(".vixens-ls.yaml"));
        copyTree(root().resolve("profiles"), target.resolve("profiles"));
        copyTree(root().resolve("apps"), target.resolve("apps"));
    }

    /**
     * Copies the repository with only the named example apps (and the shared building blocks), for tests
     * whose expectations depend on which apps exist.
     */
    public static void copyExampleRepository(Path target, String... apps) {
        copyTree(root().resolve(".vixens-ls.yaml"), target.resolve(".vixens-ls.yaml"));
        copyTree(root().resolve("profiles"), target.resolve("profiles"));
        copyTree(root().resolve("apps/_shared"), target.resolve("apps/_shared"));
        for (String app : apps) {
            try (Stream<Path> layers = Files.list(root().resolve("apps"))) {
                Path dir = layers.map(layer -> layer.resolve(app)).filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no example app " + app));
                copyTree(dir, target.resolve(root().relativize(dir).toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void copyTree(Path source, Path target) {
        try {
            if (Files.isRegularFile(source)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
                return;
            }
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to {@code file}, creating the directories above it. */
    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes each file of {@code files} (content by '/'-separated path relative to {@code dir}). */
    public static void writeAll(Path dir, Map<String, String> files) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(dir.resolve(file.getKey()), file.getValue());
        }
    }

    /** Every regular file under {@code dir} with its content, keyed by '/'-separated relative path. */
    public static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
            for (Path path : paths) {
                files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Deletes {@code dir} and everything below it (not following links); nothing when it is absent. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
