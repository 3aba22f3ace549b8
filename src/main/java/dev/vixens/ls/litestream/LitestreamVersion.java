package dev.vixens.ls.litestream;

import java.util.Optional;

/**
 * The Litestream version a config is written for: the version as given (the image tag) and the release of
 * the table whose facts apply. The two differ only when the opt-in ({@value ReleaseTable#OPT_IN}) lets a
 * patch newer than every known one of its line be configured as the newest known one.
 *
 * @param text as written in the image tag, e.g. {@code 0.5.12}
 */
public record LitestreamVersion(String text, Release release) {

    /** Whether this version is not in the table, and is configured as {@link #release()} by the opt-in. */
    public boolean assumed() {
        return !text.equals(release.version());
    }

    /** What a warning says while {@link #assumed()} is in use; empty for a known release. */
    public Optional<String> assumption() {
        if (!assumed()) {
            return Optional.empty();
        }
        return Optional.of("Litestream " + text + " is newer than every " + release.line() + " release vixens-ls"
                + " knows; with " + ReleaseTable.OPT_IN + " it is configured as " + release.version() + ", the newest"
                + " known one, and its own keys and flags are not verified: read its release notes, and update"
                + " vixens-ls when it knows " + text);
    }

    @Override
    public String toString() {
        return text;
    }
}
