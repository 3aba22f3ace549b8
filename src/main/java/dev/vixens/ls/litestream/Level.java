package dev.vixens.ls.litestream;

import java.util.Locale;

/** Where a key sits in a Litestream config; each level has its own keys, release by release. */
public enum Level {
    TOP("top", "at the top level"),
    LOGGING("logging", "under logging"),
    SNAPSHOT("snapshot", "under snapshot"),
    VALIDATION("validation", "under validation"),
    RETENTION("retention", "under retention"),
    DATABASE("db", "under a database"),
    REPLICA("replica", "under a replica");

    private final String name;
    private final String phrase;

    Level(String name, String phrase) {
        this.name = name;
        this.phrase = phrase;
    }

    /** As the release table names it. */
    public String tableName() {
        return name;
    }

    /** Completes "retention ... is ignored": {@code under a replica}. */
    public String phrase() {
        return phrase;
    }

    static Level ofTableName(String text) {
        for (Level level : values()) {
            if (level.name.equals(text.toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "'");
    }
}
