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
}
