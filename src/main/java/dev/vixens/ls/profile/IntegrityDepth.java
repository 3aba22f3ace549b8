package dev.vixens.ls.profile;

import java.util.List;
import java.util.Locale;

/**
 * How deep the start-up check of one database goes: the full {@code PRAGMA integrity_check}, the cheaper
 * {@code PRAGMA quick_check} (which does not compare indexes with their tables, docs/integrity-check.md), or none.
 * Exists apart from {@link IntegrityCheck} because a descriptor chooses a depth, while a profile also says whether
 * the check may be switched off.
 */
public enum IntegrityDepth {
    FULL("integrity_check"),
    QUICK("quick_check"),
    OFF("");

    public static final List<String> WORDS = List.of("full", "quick", "off");

    private final String pragma;

    IntegrityDepth(String pragma) {
        this.pragma = pragma;
    }

    public static IntegrityDepth parse(String text) {
        return switch (text) {
            case "full" -> FULL;
            case "quick" -> QUICK;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("'" + text + "' is not one of: " + String.join(", ", WORDS));
        };
    }

    /** The PRAGMA the start-up check runs; empty for {@link #OFF}. */
    public String pragma() {
        return pragma;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }
}
