package dev.vixens.ls.output;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes files the user owns from then on (descriptors written by {@code init} and {@code import}, the
 * migration Component, edited overlays), with the same rules as generated output: inside the repository
 * root, never through a symbolic link, each file atomically. Every path is checked before the first write.
 * Whether an existing file may be replaced is the caller's decision, taken before calling this.
 */
public final class UserFileWriter {

    private UserFileWriter() {
    }

    /** @param files repository-relative path to content, written in iteration order */
    public static void write(Path root, Map<String, String> files) {
        OutputTree tree = tree(root, files);
        for (Map.Entry<String, String> file : files.entrySet()) {
            OutputWriter.writeAtomically(tree.resolve(file.getKey()), file.getValue(), file.getKey());
        }
    }

    /** Refuses, as {@link #write} would, any path that may not be written; writes nothing ({@code --dry-run}). */
    public static void check(Path root, Map<String, String> files) {
        tree(root, files);
    }

    private static OutputTree tree(Path root, Map<String, String> files) {
        OutputTree tree = new OutputTree(root);
        for (String path : files.keySet()) {
            tree.resolve(path);
        }
        return tree;
    }

    /**
     * Deletes files the user owns ({@code remove}: the app's descriptor), with the same rules: every path is
     * checked before the first deletion; a file already gone is fine.
     */
    public static void delete(Path root, java.util.List<String> files) {
        OutputTree tree = new OutputTree(root);
        java.util.List<Path> targets = files.stream().map(tree::resolve).toList();
        for (int i = 0; i < targets.size(); i++) {
            try {
                java.nio.file.Files.deleteIfExists(targets.get(i));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot delete " + files.get(i), e);
            }
        }
    }
}
