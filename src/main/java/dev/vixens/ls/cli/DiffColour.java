package dev.vixens.ls.cli;

import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --color auto|always|never} for check's diff, as git colours its own: at a terminal only (auto), never
 * when {@code NO_COLOR} is set (no-color.org) or {@code TERM=dumb}, so that a pipe, a file or a CI log gets
 * plain text that tools can read.
 */
public final class DiffColour {

    /** When to colour. */
    public enum When { AUTO, ALWAYS, NEVER }

    private static final String RESET = "\u001b[0m";

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the diff: auto (default: at a terminal, unless NO_COLOR is set), always or never.")
    When when;

    /** Whether to colour, decided from the option, whether stdout is a terminal and the environment. */
    static boolean enabled(When when, boolean terminal, Map<String, String> env) {
        return switch (when) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && env.getOrDefault("NO_COLOR", "").isEmpty()
                    && !"dumb".equals(env.get("TERM"));
        };
    }

    boolean enabled() {
        return enabled(when, System.console() != null, System.getenv());
    }

    /** A unified diff with git's colours: headers bold, hunks cyan, removed lines red, added lines green. */
    static String colour(String diff) {
        return diff.lines().map(DiffColour::line).collect(Collectors.joining("\n", "", diff.endsWith("\n") ? "\n" : ""));
    }

    private static String line(String line) {
        String code = line.startsWith("+++") || line.startsWith("---") ? "\u001b[1m"
                : line.startsWith("@@") ? "\u001b[36m"
                : line.startsWith("+") ? "\u001b[32m"
                : line.startsWith("-") ? "\u001b[31m"
                : "";
        return code.isEmpty() ? line : code + line + RESET;
    }
}
