package dev.vixens.ls.lint;

import dev.vixens.ls.profile.GoDuration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Durations as Litestream parses them (Go's {@code time.ParseDuration}). The values vixens-ls writes are the
 * {@link GoDuration} subset; configs written by hand may use the rest of Go's syntax ({@code 1.5h},
 * {@code 300us}), which is valid but not compared.
 */
final class Durations {

    private static final Pattern GO = Pattern.compile(
            "[-+]?(?:0|(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");

    private Durations() {
    }

    /** Why Go cannot parse {@code text}, or empty when it can. */
    static Optional<String> problem(String text) {
        if (GO.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            GoDuration.parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The value in milliseconds, when it is in the subset vixens-ls compares. */
    static OptionalLong millis(String text) {
        try {
            return OptionalLong.of(GoDuration.parse(text).millis());
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}
