package dev.vixens.ls.litestream;

import java.util.Locale;

/** The Litestream subcommands the generated pods run, each with its own flags per release. */
public enum Command {
    /** {@code litestream restore}: the start-up restore and the restore drill. */
    RESTORE,
    /** {@code litestream replicate}: the sidecar. */
    REPLICATE;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Command ofTableName(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
