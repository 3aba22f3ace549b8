package dev.vixens.ls.importer;

/** What a hand-written container does for Litestream, as far as import can tell ({@link ContainerClassifier}). */
public enum ContainerRole {
    SIDECAR("the Litestream sidecar"),
    RESTORE("restore"),
    INTEGRITY_CHECK("integrity check"),
    EPHEMERAL_CLEANUP("cache cleanup"),
    FIX_PERMISSIONS("fix permissions"),
    /** Touches the databases or Litestream's config, in a way import does not know: kept, reported. */
    UNRECOGNISED("not recognised"),
    /** Nothing to do with the databases: kept. */
    UNRELATED("unrelated");

    private final String text;

    ContainerRole(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether the generated Component replaces containers of this role. */
    public boolean replaced() {
        return this != UNRECOGNISED && this != UNRELATED;
    }
}
