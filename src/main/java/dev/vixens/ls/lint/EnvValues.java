package dev.vixens.ls.lint;

/**
 * Whether a Litestream config value comes from the environment: Litestream expands {@code $NAME} and
 * {@code ${NAME}} in its config, so such a value's meaning is not in the file and lint judges it differently.
 */
final class EnvValues {

    private EnvValues() {
    }

    /** {@code $NAME} or {@code ${NAME}} and nothing else: Litestream takes the value from the environment. */
    static boolean isEnvReference(String value) {
        return value.matches("\\$(\\{[A-Za-z_][A-Za-z0-9_]*\\}|[A-Za-z_][A-Za-z0-9_]*)");
    }

    /** Whether the value is expanded from the environment, wholly or in part: its meaning is not in the file. */
    static boolean usesEnv(String value) {
        return value.matches(".*\\$(\\{[A-Za-z_][A-Za-z0-9_]*\\}|[A-Za-z_]).*");
    }
}
