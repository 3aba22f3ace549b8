package dev.vixens.ls.bucket;

import dev.vixens.ls.descriptor.AppDescriptor.Database;
import dev.vixens.ls.descriptor.Settings;
import java.util.Optional;

/**
 * Where one database's replica lives in the bucket: the app's {@code litestream.replicaPrefix} (empty for
 * none) followed by the database's replica path. It exists because that location used to be re-derived in
 * several places (the config's URL, lifecycle's guard, analyze's mapping, import's default) and the ones that
 * forgot the prefix let a lifecycle rule delete backups still needed; this record is the only place where
 * prefix and path meet, and every command asks it.
 *
 * @param prefix the replica prefix, without a trailing '/', empty for none
 * @param path the replica path: the descriptor's {@code replicaPath}, or its default
 *     ({@link dev.vixens.ls.descriptor.Names#defaultReplicaPath})
 */
public record BucketKey(String prefix, String path) {

    public BucketKey {
        if (prefix.endsWith("/") || path.isEmpty()) {
            throw new IllegalArgumentException("bucket key '" + prefix + "' + '" + path + "'");
        }
    }

    /** The key of a declared database under the settings it is replicated with (an overlay's, or the app's). */
    public static BucketKey of(Settings settings, Database database) {
        return new BucketKey(settings.replicaPrefix(), database.replicaPath());
    }

    /** The object key prefix every object of this replica starts with (plus '/'), as an S3 listing shows it. */
    public String key() {
        return prefix.isEmpty() ? path : prefix + "/" + path;
    }

    /**
     * The replica URL a Litestream config names in {@code bucket}, as the config writes it (the Secret's
     * variable {@code ${LITESTREAM_BUCKET}}, or a literal name). Spaces are the only allowed path character a URL
     * cannot carry as is; Litestream decodes %20.
     */
    public String url(String bucket) {
        return "s3://" + bucket + "/" + key().replace(" ", "%20");
    }

    /**
     * Whether a rule or a listing limited to keys starting with {@code keyPrefix} touches this replica: either
     * contains the other (an empty prefix covers everything).
     */
    public boolean overlaps(String keyPrefix) {
        String root = key() + "/";
        return keyPrefix.isEmpty() || root.startsWith(keyPrefix) || keyPrefix.startsWith(root);
    }

    /**
     * The replica path that puts a database at {@code existingKey} once {@code prefix} is put before it, for
     * import to keep existing backups where they are; empty when the key is not under the prefix (the
     * descriptor then needs a prefix of its own).
     */
    public static Optional<String> pathFor(String prefix, String existingKey) {
        if (prefix.isEmpty()) {
            return Optional.of(existingKey);
        }
        return existingKey.startsWith(prefix + "/") && existingKey.length() > prefix.length() + 1
                ? Optional.of(existingKey.substring(prefix.length() + 1)) : Optional.empty();
    }
}
