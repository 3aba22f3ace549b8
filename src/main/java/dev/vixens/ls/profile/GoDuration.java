package dev.vixens.ls.profile;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as Litestream reads it (Go's {@code time.ParseDuration}), restricted to whole numbers of
 * ms, s, m and h so that every accepted value means the same thing to us and to Litestream.
 *
 * <p>The text is kept as written: the generated config shows the user's own spelling.
 */
public record GoDuration(String text, long millis) implements Comparable<GoDuration> {

    /** How messages describe the expected form. */
    public static final String EXAMPLES = "1s, 90m or 24h";

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");
    private static final Pattern DAYS = Pattern.compile("([0-9]{1,6})([dw])");
    private static final Pattern FRACTION = Pattern.compile("([0-9]*\\.[0-9]+)(ms|s|m|h)");
    private static final long MAX_MILLIS = 100L * 365 * 24 * 3600 * 1000;

    /** A duration too long to mean anything (more than 100 years), kept apart so callers can state their range. */
    public static final class TooLong extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooLong(String text) {
            super("'" + text + "' is longer than 100 years");
        }
    }

    /** Parses {@code 1s}, {@code 90m}, {@code 1h30m}; zero is a valid duration here, ranges are for the caller. */
    public static GoDuration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write it like " + EXAMPLES);
        }
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative; a duration here must be positive");
        }
        if (!WHOLE.matcher(text).matches()) {
            Matcher days = DAYS.matcher(text);
            if (days.matches()) {
                long n = Long.parseLong(days.group(1));
                long hours = days.group(2).equals("w") ? n * 7 * 24 : n * 24;
                throw new IllegalArgumentException("'" + text + "' is in " + (days.group(2).equals("w") ? "weeks"
                        : "days") + ", which Litestream does not understand; write hours: " + hours + "h");
            }
            Matcher fraction = FRACTION.matcher(text);
            if (fraction.matches()) {
                String whole = wholeSpelling(new BigDecimal(fraction.group(1)).multiply(
                        BigDecimal.valueOf(unitMillis(fraction.group(2)))));
                if (whole != null) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number; write it in a smaller"
                            + " unit: " + whole);
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a duration; write whole numbers with ms, s, m"
                    + " or h, e.g. " + EXAMPLES);
        }
        long total = 0;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            String digits = part.group(1);
            if (digits.length() > 12) {
                throw new TooLong(text);
            }
            total += Long.parseLong(digits) * unitMillis(part.group(2));
            if (total > MAX_MILLIS) {
                throw new TooLong(text);
            }
        }
        return new GoDuration(text, total);
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "ms" -> 1L;
            case "s" -> 1000L;
            case "m" -> 60_000L;
            default -> 3_600_000L;
        };
    }

    /** {@code 5400000} ms becomes {@code 90m}: the largest unit that keeps the number whole, or null. */
    private static String wholeSpelling(BigDecimal millis) {
        if (millis.signum() <= 0 || millis.stripTrailingZeros().scale() > 0) {
            return null;
        }
        long ms = millis.longValueExact();
        for (String unit : new String[] {"h", "m", "s", "ms"}) {
            if (ms % unitMillis(unit) == 0) {
                return ms / unitMillis(unit) + unit;
            }
        }
        return null;
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
