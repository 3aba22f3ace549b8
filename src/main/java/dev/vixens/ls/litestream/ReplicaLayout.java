package dev.vixens.ls.litestream;

import java.util.Optional;

/**
 * How a release lays out a replica in the bucket, which decides which release can restore it. 0.3 writes
 * generations of snapshots and WAL segments; 0.5 writes LTX files, and from 0.5.7 also restores the 0.3
 * generations it finds at the same path.
 */
public enum ReplicaLayout {
    GENERATIONS("0.3", "0.3 generations", "generations/"),
    LTX("0.5", "LTX files", "ltx/");

    private final String label;
    private final String description;
    private final String directory;

    ReplicaLayout(String label, String description, String directory) {
        this.label = label;
        this.description = description;
        this.directory = directory;
    }

    /** {@code 0.3}, {@code 0.5}: the line that introduced the layout, as reports show it. */
    public String label() {
        return label;
    }

    /** {@code 0.3 generations}, {@code LTX files}: what a message calls the backups in this layout. */
    public String description() {
        return description;
    }

    /** The directory right below the replica path that holds this layout's files, with a trailing slash. */
    public String directory() {
        return directory;
    }

    /** The layout of a key in a bucket, by the directory below its replica path. */
    public static Optional<ReplicaLayout> ofDirectory(String segment) {
        for (ReplicaLayout layout : values()) {
            if (layout.directory.equals(segment)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }
}
