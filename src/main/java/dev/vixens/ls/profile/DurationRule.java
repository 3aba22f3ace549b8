package dev.vixens.ls.profile;

/**
 * The range in which each Litestream interval makes sense. Values outside are refused: a 0s sync, a
 * snapshot every 10 years or retention of a minute would all silently defeat the backup.
 */
public enum DurationRule {
    SYNC_INTERVAL("syncInterval", "100ms", "1h"),
    SNAPSHOT_INTERVAL("snapshotInterval", "1m", "720h"),
    RETENTION("retention", "1h", "8760h");

    private final String key;
    private final GoDuration min;
    private final GoDuration max;

    DurationRule(String key, String min, String max) {
        this.key = key;
        this.min = GoDuration.parse(min);
        this.max = GoDuration.parse(max);
    }

    public String key() {
        return key;
    }

    /** Parses and range-checks; the message names the key and the allowed range. */
    public GoDuration parse(String text) {
        GoDuration value;
        try {
            value = GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + ": " + text + " is outside the sensible range " + min + " to "
                    + max);
        }
        return value;
    }
}
