package dev.vixens.ls.recommend;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** ADR-014's data criticality classes (step 4 of its decision tree). */
public enum Criticality {
    /** Passwords, the main metadata of an app: losing it is an incident. */
    MISSION_CRITICAL("mission-critical"),
    /** Media metadata and the like: painful to rebuild. */
    IMPORTANT("important"),
    /** Configuration that can be rebuilt by hand. */
    CONVENIENCE("convenience");

    private final String text;

    Criticality(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Criticality parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Criticality c : values()) {
            if (c.text.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a criticality; use one of: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Criticality::text).collect(Collectors.joining(", "));
    }
}
