package dev.vixens.ls.profile;

import dev.vixens.ls.source.Problem;

/**
 * The range in which each Litestream interval makes sense. Values outside are refused: a 0s sync, a
 * snapshot every 10 years or retention of a minute would all silently defeat the backup.
 */
public enum DurationRule {
    SYNC_INTERVAL("syncInterval", "100ms", "1h"),
    SNAPSHOT_INTERVAL("snapshotInterval", "1m", "720h"),
    RETENTION("retention", "1h", "8760h"),
    /** Shorter than a minute, one scrape missed fires it; longer than a week, nobody notices in time. */
    ALERT_AFTER("alertAfter", "1m", "168h");

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

    /**
     * Parses and range-checks. The message says what is wrong with the value and the allowed range; the
     * caller puts the key's path in front of it.
     */
    public GoDuration parse(String text) {
        GoDuration value;
        try {
            value = GoDuration.parse(text);
        } catch (GoDuration.TooLong e) {
            throw new IllegalArgumentException(Problem.quote(text) + " is longer than the maximum of " + max + range());
        }
        if (value.millis() == 0) {
            throw new IllegalArgumentException(Problem.quote(text) + " is zero" + range());
        }
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(Problem.quote(text) + " is shorter than the minimum of " + min + range());
        }
        if (value.compareTo(max) > 0) {
            throw new IllegalArgumentException(Problem.quote(text) + " is longer than the maximum of " + max + range());
        }
        return value;
    }

    private String range() {
        return " (" + key + " must be between " + min + " and " + max + ")";
    }
}
