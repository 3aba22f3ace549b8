package dev.vixens.ls.lint;

/** Where a key sits in a Litestream config; each level has its own keys. */
enum Level {
    TOP("at the top level"),
    LOGGING("under logging"),
    SNAPSHOT("under snapshot"),
    VALIDATION("under validation"),
    RETENTION("under retention"),
    DATABASE("under a database"),
    REPLICA("under a replica");

    private final String phrase;

    Level(String phrase) {
        this.phrase = phrase;
    }

    String phrase() {
        return phrase;
    }
}
