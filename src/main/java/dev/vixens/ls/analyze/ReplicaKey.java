package dev.vixens.ls.analyze;

import java.util.Optional;

/**
 * Where an object sits in a Litestream replica:
 * <ul>
 *   <li>0.3: {@code <root>/generations/<id>/snapshots/<index>.snapshot.lz4} and
 *       {@code <root>/generations/<id>/wal/<index>_<offset>.wal.lz4};</li>
 *   <li>0.5: {@code <root>/ltx/<level>/<min>-<max>.ltx}, level 9 holding the snapshots.</li>
 * </ul>
 *
 * @param root the replica path (the generator lays it out as {@code <app>/<database file>})
 * @param group the generation (0.3) or level (0.5)
 */
public record ReplicaKey(String root, Format format, Kind kind, String group) {

    /** Litestream 0.5's snapshot level. */
    public static final String SNAPSHOT_LEVEL = "9";

    public enum Format {
        V03("0.3"), V05("0.5");

        private final String text;

        Format(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public enum Kind { SNAPSHOT, WAL, LTX, OTHER }

    public static Optional<ReplicaKey> parse(String key) {
        int generations = marker(key, "generations/");
        if (generations >= 0) {
            String root = root(key, generations);
            String[] rest = key.substring(generations + "generations/".length()).split("/");
            Kind kind = Kind.OTHER;
            if (rest.length == 3 && rest[1].equals("snapshots") && rest[2].endsWith(".snapshot.lz4")) {
                kind = Kind.SNAPSHOT;
            } else if (rest.length == 3 && rest[1].equals("wal") && rest[2].endsWith(".wal.lz4")) {
                kind = Kind.WAL;
            }
            return Optional.of(new ReplicaKey(root, Format.V03, kind, rest[0]));
        }
        int ltx = marker(key, "ltx/");
        if (ltx >= 0) {
            String root = root(key, ltx);
            String[] rest = key.substring(ltx + "ltx/".length()).split("/");
            Kind kind = Kind.OTHER;
            if (rest.length == 2 && rest[1].endsWith(".ltx")) {
                kind = rest[0].equals(SNAPSHOT_LEVEL) ? Kind.SNAPSHOT : Kind.LTX;
            }
            return Optional.of(new ReplicaKey(root, Format.V05, kind, rest[0]));
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
