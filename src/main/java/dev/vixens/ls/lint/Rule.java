package dev.vixens.ls.lint;

/**
 * Every finding {@code lint} can report, with its id (shown as {@code [id]}, documented in
 * {@code docs/lint-rules.md}) and its severity.
 */
public enum Rule {
    INVALID_YAML("invalid-yaml", Severity.ERROR,
            "The file, or a config embedded in it, is not valid YAML (or repeats a key)."),
    NOT_READ("not-read", Severity.WARNING,
            "A file lint met but did not read: a link or a special file, or outside the repository."),
    UNKNOWN_KEY("unknown-key", Severity.WARNING,
            "A key no Litestream version reads, usually a typo; Litestream ignores it silently."),
    IGNORED_KEY("ignored-key", Severity.ERROR,
            "A key of another Litestream version, which this version ignores silently."),
    UNPARSEABLE_VALUE("unparseable-value", Severity.ERROR,
            "A value this Litestream version cannot parse: it refuses to start."),
    SNAPSHOT_DISAGREEMENT("snapshot-disagreement", Severity.ERROR,
            "Databases of one 0.5 process with different snapshot settings: Litestream refuses to start."),
    NO_SNAPSHOT_INTERVAL("no-snapshot-interval", Severity.WARNING,
            "A 0.3 replica without snapshot-interval: snapshots happen only when retention is enforced."),
    RETENTION_SHORTER_THAN_SNAPSHOT("retention-shorter-than-snapshot", Severity.ERROR,
            "Retention shorter than the snapshot interval: a restore can find no snapshot."),
    DUPLICATE_REPLICA("duplicate-replica", Severity.ERROR,
            "Two databases replicate to the same replica path and overwrite each other's backups."),
    DUPLICATE_DATABASE("duplicate-database", Severity.ERROR,
            "The same database is listed twice in one config (or one ConfigMap): two writers, one replica."),
    INLINE_CREDENTIALS("inline-credentials", Severity.ERROR,
            "Credentials written inline instead of taken from the environment (a Secret)."),
    MISSING_ENDPOINT("missing-endpoint", Severity.ERROR,
            "An s3:// replica without endpoint, where the other linted configs use an S3-compatible one."),
    NOT_SQLITE_PATH("not-sqlite-path", Severity.WARNING,
            "A database path that does not look like a SQLite database file."),
    NO_REPLICA("no-replica", Severity.ERROR,
            "A database without any replica this version reads: it is not backed up.");

    private final String id;
    private final Severity severity;
    private final String summary;

    Rule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }
}
