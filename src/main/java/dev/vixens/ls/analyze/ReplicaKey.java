package dev.vixens.ls.analyze;

import dev.vixens.ls.litestream.ReplicaLayout;
import java.util.Optional;

/**
 * Where an object sits in a Litestream replica, in one of the layouts of {@link ReplicaLayout}:
 * <ul>
 *   <li>generations (0.3): {@code <root>/generations/<id>/snapshots/<index>.snapshot.lz4} and
 *       {@code <root>/generations/<id>/wal/<index>_<offset>.wal.lz4};</li>
 *   <li>LTX (0.5): {@code <root>/ltx/<level>/<min>-<max>.ltx}, level 9 holding the snapshots.</li>
 * </ul>
 * From 0.5.7 one root may hold both: the 0.3 history a 0.5 restore still reads, and the LTX files.
 *
 * @param root the replica path (the generator lays it out as {@code <app>/<database file>})
 * @param group the generation (0.3) or level (0.5)
 */
public record ReplicaKey(String root, ReplicaLayout layout, Kind kind, String group) {

    /** The LTX layout's snapshot level. */
    public static final String SNAPSHOT_LEVEL = "9";

    public enum Kind { SNAPSHOT, WAL, LTX, OTHER }

    public static Optional<ReplicaKey> parse(String key) {
        String generationsDir = ReplicaLayout.GENERATIONS.directory();
        int generations = marker(key, generationsDir);
        if (generations >= 0) {
            String root = root(key, generations);
            String[] rest = key.substring(generations + generationsDir.length()).split("/");
            Kind kind = Kind.OTHER;
            if (rest.length == 3 && rest[1].equals("snapshots") && rest[2].endsWith(".snapshot.lz4")) {
                kind = Kind.SNAPSHOT;
            } else if (rest.length == 3 && rest[1].equals("wal") && rest[2].endsWith(".wal.lz4")) {
                kind = Kind.WAL;
            }
            return Optional.of(new ReplicaKey(root, ReplicaLayout.GENERATIONS, kind, rest[0]));
        }
        String ltxDir = ReplicaLayout.LTX.directory();
        int ltx = marker(key, ltxDir);
        if (ltx >= 0) {
            String root = root(key, ltx);
            String[] rest = key.substring(ltx + ltxDir.length()).split("/");
            Kind kind = Kind.OTHER;
            if (rest.length == 2 && rest[1].endsWith(".ltx")) {
                kind = rest[0].equals(SNAPSHOT_LEVEL) ? Kind.SNAPSHOT : Kind.LTX;
            }
            return Optional.of(new ReplicaKey(root, ReplicaLayout.LTX, kind, rest[0]));
        }
        return Optional.empty();
    }

    /** The index of {@code marker} as a whole path segment (at the start or after a '/'), or -1. */
    private static int marker(String key, String marker) {
        if (key.startsWith(marker)) {
            return 0;
        }
        int at = key.indexOf("/" + marker);
        return at < 0 ? -1 : at + 1;
    }

    private static String root(String key, int at) {
        return at == 0 ? "" : key.substring(0, at - 1);
    }
}
