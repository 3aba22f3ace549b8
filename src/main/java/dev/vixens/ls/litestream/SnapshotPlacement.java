package dev.vixens.ls.litestream;

/** Where a release reads the snapshot interval and the retention, which decides how a config is laid out. */
public enum SnapshotPlacement {
    /** 0.3: {@code snapshot-interval} and {@code retention} on each replica; mixed profiles share a process. */
    REPLICA,
    /** 0.5 before 0.5.12: one top-level {@code snapshot:} block for the whole process. */
    TOP,
    /**
     * From 0.5.12: a {@code snapshot:} block on each database, lifted to the process: every database of one
     * process must agree, and a top-level block, when present, wins silently.
     */
    DATABASE
}
