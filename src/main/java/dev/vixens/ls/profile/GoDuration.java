package dev.vixens.ls.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as Litestream reads it (Go's {@code time.ParseDuration}), restricted to whole numbers of
 * ms, s, m and h so that every accepted value means the same thing to us and to Litestream.
 *
 * <p>The text is kept as written: the generated config shows the user's own spelling.
 */
public record GoDuration(String text, long millis) implements Comparable<GoDuration> {

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");
    private static final long MAX_MILLIS = 100L * 365 * 24 * 3600 * 1000;

    public static GoDuration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write it like 1s, 90m or 336h");
        }
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("negative duration '" + text + "'");
        }
        if (!WHOLE.matcher(text).matches()) {
            if (text.matches("[0-9]+[dw]")) {
                throw new IllegalArgumentException("'" + text + "': Litestream does not understand days or weeks;"
                        + " write hours, e.g. " + hoursHint(text));
            }
            throw new IllegalArgumentException("'" + text + "' is not a duration; write whole numbers with ms, s, m"
                    + " or h, e.g. 1s, 90m, 336h");
        }
        long total = 0;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            String digits = part.group(1);
            if (digits.length() > 12) {
                throw new IllegalArgumentException("'" + text + "' is too large");
            }
            long n = Long.parseLong(digits);
            long unit = switch (part.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1000L;
                case "m" -> 60_000L;
                default -> 3_600_000L;
            };
            total += n * unit;
            if (total > MAX_MILLIS) {
                throw new IllegalArgumentException("'" + text + "' is too large");
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("'" + text + "' is zero; a duration here must be positive");
        }
        return new GoDuration(text, total);
    }

    private static String hoursHint(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        long hours = text.endsWith("w") ? n * 7 * 24 : n * 24;
        return hours + "h";
    }

    @Override
    public int compareTo(GoDuration other) {
        return Long.compare(millis, other.millis);
    }

    public boolean isLongerThan(GoDuration other) {
        return millis > other.millis;
    }

    @Override
    public String toString() {
        return text;
    }
}
