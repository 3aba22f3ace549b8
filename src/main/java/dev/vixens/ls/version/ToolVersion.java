package dev.vixens.ls.version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vixens-ls version, {@code MAJOR.MINOR.PATCH} with an optional qualifier ({@code -SNAPSHOT}). Ordered by the
 * numbers only: a development build of 0.2.0 ({@code 0.2.0-SNAPSHOT}) counts as 0.2.0 for a version range, so
 * a repository pinned to the release accepts the build that becomes it.
 */
public record ToolVersion(int major, int minor, int patch, String qualifier) implements Comparable<ToolVersion> {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?(-[0-9A-Za-z.-]+)?");

    /** {@code 1}, {@code 1.2}, {@code 1.2.3} or {@code 1.2.3-SNAPSHOT}; missing parts are 0. */
    public static Optional<ToolVersion> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ToolVersion(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)),
                m.group(4) == null ? "" : m.group(4).substring(1)));
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    @Override
    public int compareTo(ToolVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c == 0 ? Integer.compare(patch, other.patch) : c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (qualifier.isEmpty() ? "" : "-" + qualifier);
    }
}
