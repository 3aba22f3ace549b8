package dev.vixens.ls.lint;

import dev.vixens.ls.profile.GoDuration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Durations as Litestream parses them (Go's {@code time.ParseDuration}), through vixens-ls's one duration
 * parser ({@link GoDuration}). Configs written by hand may use all of Go's syntax ({@code 1.5h},
 * {@code 300us}); every value Go accepts is compared.
 */
final class Durations {

    private Durations() {
    }

    /** Why Go cannot parse {@code text}, or empty when it can. */
    static Optional<String> problem(String text) {
        try {
            GoDuration.goNanos(text);
            return Optional.empty();
        } catch (GoDuration.Overflow e) {
            return Optional.of(e.getMessage());
        } catch (IllegalArgumentException e) {
            // the restricted parser explains the usual mistakes best ("14d": write hours)
            try {
                GoDuration.parse(text);
                return Optional.of(e.getMessage());
            } catch (IllegalArgumentException explained) {
                return Optional.of(explained.getMessage());
            }
        }
    }

    /** The value in milliseconds, when Go can parse it. */
    static OptionalLong millis(String text) {
        try {
            return OptionalLong.of(GoDuration.goNanos(text) / 1_000_000L);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}
