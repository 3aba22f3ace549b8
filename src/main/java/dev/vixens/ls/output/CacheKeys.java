package dev.vixens.ls.output;

import dev.vixens.ls.source.ConfinedPaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/**
 * What the {@link CheckCache} compares, apart from what it records: the cache file of a repository, the
 * identity of this build of the tool, and the digest of a file. Kept apart so that the cache's record and
 * proof read as the rules they are, and because the fast path loads exactly these few JDK classes.
 */
final class CacheKeys {

    private CacheKeys() {
    }

    /** The cache file of a repository, or null when caching is off. */
    static Path location(Path root) {
        Path dir = UserCache.checkCacheOff() ? null : UserCache.dir();
        if (dir == null) {
            return null;
        }
        String key = digest(root.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return dir.resolve("check-" + key + ".tsv");
    }

    /**
     * Identifies this exact build of the tool: the jar's path, size and modification time. A run from
     * classes (tests) has no stable identity and does not cache unless {@code vixens.buildId} is set.
     */
    static String buildId() {
        String configured = System.getProperty("vixens.buildId");
        if (configured != null) {
            return configured;
        }
        try {
            Path code = Path.of(CacheKeys.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(code)) {
                return null;
            }
            return code.toAbsolutePath() + "|" + Files.size(code) + "|" + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The digest of a repository file, "absent" when there is none, or "refused" when the full check would
     * refuse it (a link on the way, a special file, more than it reads): never equal to a recorded digest.
     */
    static String digest(ConfinedPaths paths, String relative, int maxBytes) throws IOException {
        Path file = paths.absolute(relative);
        if (paths.problem(file, "read") != null) {
            return "refused";
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "absent";
        }
        if (!attributes.isRegularFile() || attributes.size() > maxBytes) {
            return "refused";
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return digest(in.readNBytes(maxBytes));
        }
    }

    /**
     * Length, CRC-32C and Adler-32 of the content: enough to notice any edit (this is a cache of "did it
     * change", not a security boundary), and cheap at start-up, unlike the JCA providers behind
     * MessageDigest.
     */
    static String digest(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        Adler32 adler = new Adler32();
        adler.update(bytes, 0, bytes.length);
        return Integer.toString(bytes.length) + '-' + Long.toHexString(crc.getValue()) + '-'
                + Long.toHexString(adler.getValue());
    }
}
