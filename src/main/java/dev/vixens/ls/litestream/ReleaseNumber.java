package dev.vixens.ls.litestream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version number as written in an image tag ({@code 0.5.12}, or {@code v0.5.12}). Only a number: what a
 * release reads comes from the release table, never from the number.
 */
public record ReleaseNumber(int major, int minor, int patch) implements Comparable<ReleaseNumber> {

    private static final Pattern FORM = Pattern.compile("v?(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,4})");

    public static Optional<ReleaseNumber> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /** {@code 0.5}: releases of one line share a replica format and, mostly, a configuration language. */
    public String line() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(ReleaseNumber other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        return minor != other.minor ? Integer.compare(minor, other.minor) : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
