package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.LitestreamVersion;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The keys each Litestream version reads, level by level, as read from Litestream's source (0.3.13 and
 * 0.5.x). Litestream's YAML decoder is not strict: a key it does not know is not an error, it is silently
 * without effect. Three kinds of keys follow:
 * <ul>
 *   <li>known: this version reads it;</li>
 *   <li>ignored: a real key of the other version (or of a later patch), which this version drops; the
 *       catalog says what this version reads instead;</li>
 *   <li>unknown: anything else, usually a typo.</li>
 * </ul>
 * The 0.5 top level and replica level accept more (storage-specific) keys than are listed here, so there
 * an unknown key is reported only when it looks like a typo of a known one ({@link #complete}).
 */
final class KeyCatalog {

    private static final List<String> S3 = List.of("access-key-id", "secret-access-key", "region", "bucket",
            "endpoint", "force-path-style", "skip-verify");
    private static final List<String> OTHER_STORAGE = List.of("account-name", "account-key", "host", "user",
            "password", "key-path");
    private static final Set<String> REPLICA_03 = union(List.of("type", "name", "path", "url", "retention",
            "retention-check-interval", "sync-interval", "snapshot-interval", "validation-interval"), S3,
            OTHER_STORAGE);
    private static final Set<String> REPLICA_05 = union(List.of("type", "path", "url", "sync-interval",
            "validation-interval", "sign-payload", "storage-class"), S3, OTHER_STORAGE);
    private static final Set<String> TOP_03 = Set.of("addr", "dbs", "exec", "access-key-id", "secret-access-key",
            "logging");
    private static final Set<String> TOP_05 = union(TOP_03, List.of("snapshot", "levels", "validation",
            "l0-retention", "l0-retention-check-interval", "heartbeat-url", "heartbeat-interval",
            "shutdown-sync-timeout", "shutdown-sync-interval", "mcp-addr", "socket"),
            // 0.5 takes replica settings at the top level as defaults for every replica
            REPLICA_05.stream().filter(k -> !List.of("type", "path", "url").contains(k)).toList());
    private static final Set<String> DATABASE_03 = Set.of("path", "meta-path", "monitor-interval",
            "checkpoint-interval", "min-checkpoint-page-count", "max-checkpoint-page-count", "replicas");
    private static final Set<String> DATABASE_05 = Set.of("path", "dir", "pattern", "recursive", "watch",
            "meta-path", "monitor-interval", "checkpoint-interval", "busy-timeout", "min-checkpoint-page-count",
            "truncate-page-n", "restore-if-db-not-exists", "replica", "replicas");
    private static final List<String> ONLY_05_TOP = List.of("levels", "l0-retention",
            "l0-retention-check-interval", "heartbeat-url", "heartbeat-interval", "shutdown-sync-timeout",
            "shutdown-sync-interval", "mcp-addr", "socket");

    /** Every key of both versions at every level, to look up misspellings among. */
    private static final Set<String> ALL = union(REPLICA_03, REPLICA_05, TOP_05, DATABASE_03, DATABASE_05,
            List.of("snapshot", "retention", "snapshot-interval", "retention-check-interval", "interval",
                    "enabled", "level", "stderr"));

    private KeyCatalog() {
    }

    /** The keys {@link #ignored} has something to say about at this level. */
    static Set<String> ignoredKeys(LitestreamVersion version, Level level) {
        Set<String> keys = new HashSet<>();
        for (String key : ALL) {
            if (!known(version, level).contains(key) && ignored(version, level, key).isPresent()) {
                keys.add(key);
            }
        }
        return keys;
    }

    static Set<String> known(LitestreamVersion version, Level level) {
        boolean v05 = version instanceof LitestreamVersion.V05;
        return switch (level) {
            case TOP -> {
                Set<String> keys = new HashSet<>(v05 ? TOP_05 : TOP_03);
                if (version instanceof LitestreamVersion.V05 v && v.topLevelRetentionIsStruct()) {
                    keys.add("retention");
                }
                yield keys;
            }
            case LOGGING -> Set.of("level", "type", "stderr");
            case SNAPSHOT -> Set.of("interval", "retention");
            case VALIDATION -> Set.of("interval");
            case RETENTION -> Set.of("enabled");
            case DATABASE -> {
                Set<String> keys = new HashSet<>(v05 ? DATABASE_05 : DATABASE_03);
                if (version instanceof LitestreamVersion.V05 v && v.readsDatabaseSnapshot()) {
                    keys.add("snapshot");
                }
                yield keys;
            }
            case REPLICA -> v05 ? REPLICA_05 : REPLICA_03;
        };
    }

    /** Whether {@link #known} lists every key of the level, so that any other key is worth a warning. */
    static boolean complete(LitestreamVersion version, Level level) {
        return !(version instanceof LitestreamVersion.V05 && (level == Level.TOP || level == Level.REPLICA));
    }

    /** Keys whose value is a Go duration. */
    static Set<String> durations(LitestreamVersion version, Level level) {
        if (version instanceof LitestreamVersion.V05) {
            return switch (level) {
                case TOP -> Set.of("sync-interval", "validation-interval", "l0-retention",
                        "l0-retention-check-interval", "heartbeat-interval", "shutdown-sync-timeout",
                        "shutdown-sync-interval");
                case SNAPSHOT -> Set.of("interval", "retention");
                case VALIDATION -> Set.of("interval");
                case DATABASE -> Set.of("monitor-interval", "checkpoint-interval", "busy-timeout");
                case REPLICA -> Set.of("sync-interval", "validation-interval");
                default -> Set.of();
            };
        }
        return switch (level) {
            case DATABASE -> Set.of("monitor-interval", "checkpoint-interval");
            case REPLICA -> Set.of("retention", "retention-check-interval", "sync-interval", "snapshot-interval",
                    "validation-interval");
            default -> Set.of();
        };
    }

    /**
     * When {@code key} is a real Litestream key that {@code version} ignores at {@code level}: what this
     * version reads instead (a clause that completes "is ignored by Litestream X; ...").
     */
    static Optional<String> ignored(LitestreamVersion version, Level level, String key) {
        if (version instanceof LitestreamVersion.V05 v) {
            return ignored05(v, level, key);
        }
        return ignored03(level, key);
    }

    private static Optional<String> ignored05(LitestreamVersion.V05 v, Level level, String key) {
        String where = v.readsDatabaseSnapshot()
                ? "on the database (or at the top level), equal for every database of the process"
                : "at the top level, one value for every database of the process";
        if (level == Level.REPLICA || level == Level.TOP) {
            switch (key) {
                case "snapshot-interval":
                    return Optional.of("it reads snapshot.interval " + where);
                case "retention":
                    if (level == Level.TOP && v.topLevelRetentionIsStruct()) {
                        return Optional.empty();
                    }
                    return Optional.of("it reads snapshot.retention " + where);
                case "retention-check-interval":
                    return Optional.of("it is a 0.3 replica key; 0.5 reads the retention from snapshot.retention "
                            + where);
                default:
                    break;
            }
        }
        if (level == Level.DATABASE) {
            if (key.equals("snapshot") && !v.readsDatabaseSnapshot()) {
                return Optional.of("it reads the top-level snapshot block (per-database snapshot settings"
                        + " start with 0.5.12)");
            }
            if (key.equals("max-checkpoint-page-count")) {
                return Optional.of("it is a 0.3 key, and 0.5 has no equivalent");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ignored03(Level level, String key) {
        String perReplica = " under each replica";
        if (level == Level.TOP) {
            if (key.equals("snapshot")) {
                return Optional.of("it reads snapshot-interval and retention" + perReplica);
            }
            if (key.equals("validation")) {
                return Optional.of("it reads validation-interval" + perReplica);
            }
            if (ONLY_05_TOP.contains(key)) {
                return Optional.of("it is a 0.5 key, and 0.3 has no equivalent");
            }
            if (List.of("retention", "sync-interval", "snapshot-interval", "bucket", "endpoint", "region",
                    "force-path-style", "skip-verify", "sign-payload", "storage-class").contains(key)) {
                return Optional.of("it reads " + key + perReplica);
            }
        }
        if (level == Level.DATABASE) {
            switch (key) {
                case "replica":
                    return Optional.of("it reads replicas (a list); as written, this database is not replicated"
                            + " at all");
                case "snapshot":
                    return Optional.of("it reads snapshot-interval and retention" + perReplica);
                case "dir":
                case "pattern":
                case "recursive":
                case "watch":
                    return Optional.of("it replicates only databases listed one by one with path");
                case "busy-timeout":
                case "truncate-page-n":
                    return Optional.of("it is a 0.5 key, and 0.3 has no equivalent");
                case "restore-if-db-not-exists":
                    return Optional.of("it is a 0.5 key; with 0.3, restore in an init container (litestream"
                            + " restore -if-db-not-exists)");
                default:
                    break;
            }
        }
        if (level == Level.REPLICA && (key.equals("sign-payload") || key.equals("storage-class"))) {
            return Optional.of("it is a 0.5 key, and 0.3 has no equivalent");
        }
        return Optional.empty();
    }

    /** The known key closest to a misspelt one, when it is close enough to be what was meant. */
    static Optional<String> closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String normalized = key.replace('_', '-').toLowerCase(Locale.ROOT);
        for (String candidate : known.stream().sorted().toList()) {
            int distance = distance(normalized, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = key.length() >= 5 ? 2 : 1;
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @SafeVarargs
    private static Set<String> union(Collection<String>... parts) {
        Set<String> out = new HashSet<>();
        for (Collection<String> part : parts) {
            out.addAll(part);
        }
        return Set.copyOf(out);
    }
}
