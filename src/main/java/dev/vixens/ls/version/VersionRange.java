package dev.vixens.ls.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versions of vixens-ls a repository accepts ({@code requires:} in {@code .vixens-ls.yaml}): comparisons
 * separated by spaces, all of which must hold, e.g. {@code ">=0.2 <0.3"}; a bare version means exactly it.
 * Versions are compared by their numbers ({@link ToolVersion}).
 */
public record VersionRange(String text, List<Bound> bounds) {

    /** One comparison: {@code >=0.2}. */
    public record Bound(String operator, ToolVersion version) {

        boolean admits(ToolVersion candidate) {
            int c = candidate.compareTo(version);
            return switch (operator) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        }
    }

    private static final List<String> OPERATORS = List.of(">=", "<=", ">", "<", "=");

    /** The range, or a message saying what is wrong with {@code text}. */
    public static Result parse(String text) {
        List<Bound> bounds = new ArrayList<>();
        for (String part : text.strip().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            String operator = OPERATORS.stream().filter(part::startsWith).findFirst().orElse("=");
            String number = part.startsWith(operator) ? part.substring(operator.length()) : part;
            Optional<ToolVersion> version = ToolVersion.parse(number);
            if (version.isEmpty()) {
                return new Result(null, "'" + part + "' is not a version comparison; write e.g. \">=0.2 <0.3\""
                        + " (operators >=, >, <=, <, =; versions MAJOR[.MINOR[.PATCH]])");
            }
            bounds.add(new Bound(operator, version.get()));
        }
        if (bounds.isEmpty()) {
            return new Result(null, "is empty; write the versions this repository accepts, e.g. \">=0.2 <0.3\"");
        }
        return new Result(new VersionRange(text.strip(), List.copyOf(bounds)), null);
    }

    /** A parsed range, or why it could not be parsed. */
    public record Result(VersionRange range, String problem) {
    }

    public boolean admits(ToolVersion version) {
        return bounds.stream().allMatch(bound -> bound.admits(version));
    }

    /**
     * The range {@code setup} writes for a version: its release series, every patch release included (they fix
     * bugs and never change generated files). Before 1.0 a minor release may change generated output, so it is
     * a step the repository takes on purpose; from 1.0 a major release.
     */
    public static String compatibleWith(ToolVersion version) {
        return version.major() == 0
                ? ">=0." + version.minor() + " <0." + (version.minor() + 1)
                : ">=" + version.major() + "." + version.minor() + " <" + (version.major() + 1);
    }
}
