package dev.vixens.ls.plan;

/**
 * One effective value of a database's backup policy and whether the descriptor overrode its profile's
 * value, so that every output can show the override.
 */
public record Setting<T>(T value, boolean overridden) {

    public static <T> Setting<T> fromProfile(T value) {
        return new Setting<>(value, false);
    }

    public static <T> Setting<T> overridden(T value) {
        return new Setting<>(value, true);
    }
}
