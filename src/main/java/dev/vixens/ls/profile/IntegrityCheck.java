package dev.vixens.ls.profile;

/** Whether a backed-up profile requires the start-up {@code PRAGMA integrity_check}. */
public enum IntegrityCheck {
    /** Always checked; a descriptor cannot turn it off. */
    MANDATORY,
    /** Off unless a database turns it on with {@code integrityCheck: true}. */
    OPTIONAL;

    public static IntegrityCheck parse(String text) {
        return switch (text) {
            case "mandatory" -> MANDATORY;
            case "optional" -> OPTIONAL;
            default -> throw new IllegalArgumentException("integrityCheck: '" + text
                    + "' is not one of: mandatory, optional");
        };
    }

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
