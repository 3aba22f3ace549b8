package dev.vixens.ls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file, directory and link of a tree with its bytes (or link target) and modification time, never
 * following a link: a file rewritten with the same content, a temporary file created and removed in a
 * directory, or a link replaced, all change it. "Nothing was written" is asserted as an equal snapshot.
 */
public final class TreeSnapshot {

    private TreeSnapshot() {
    }

    public static Map<String, String> of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.toList();
            for (Path path : paths) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String key = root.relativize(path).toString().replace('\\', '/');
                String content;
                if (attributes.isRegularFile()) {
                    content = attributes.size() > (64 << 20) ? "large " + attributes.size()
                            : sha256(Files.readAllBytes(path));
                } else if (attributes.isSymbolicLink()) {
                    content = "link to " + Files.readSymbolicLink(path);
                } else {
                    content = attributes.isDirectory() ? "directory" : "other";
                }
                entries.put(key, content + " @" + attributes.lastModifiedTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
