package dev.vixens.ls.profile;

import java.util.List;

/**
 * A profile's start-up integrity check: its default depth, and whether a descriptor may switch it off (ADR-014: a
 * mandatory check is full or quick, never off). {@code mandatory} and {@code optional} are the words profiles used
 * before depths existed; they keep their meaning: mandatory is a full check that cannot be switched off, optional
 * is off until a database switches it on.
 */
public enum IntegrityCheck {
    MANDATORY(IntegrityDepth.FULL),
    OPTIONAL(IntegrityDepth.OFF),
    /** Full by default, may be lowered to quick, never off. */
    FULL(IntegrityDepth.FULL),
    /** Quick by default, may be raised to full, never off. */
    QUICK(IntegrityDepth.QUICK),
    /** Off by default, a database may switch it on. */
    OFF(IntegrityDepth.OFF);

    public static final List<String> WORDS = List.of("full", "quick", "off", "mandatory", "optional");

    private final IntegrityDepth depth;

    IntegrityCheck(IntegrityDepth depth) {
        this.depth = depth;
    }

    public static IntegrityCheck parse(String text) {
        return switch (text) {
            case "mandatory" -> MANDATORY;
            case "optional" -> OPTIONAL;
            case "full" -> FULL;
            case "quick" -> QUICK;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("integrityCheck: '" + text
                    + "' is not one of: " + String.join(", ", WORDS));
        };
    }

    /** The depth a database of this profile gets when its descriptor says nothing. */
    public IntegrityDepth depth() {
        return depth;
    }

    /** A check that cannot be switched off: any profile whose default is a check. */
    public boolean mandatory() {
        return depth != IntegrityDepth.OFF;
    }

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
