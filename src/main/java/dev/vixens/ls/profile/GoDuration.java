package dev.vixens.ls.profile;

import dev.vixens.ls.source.Problem;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as Litestream reads it (Go's {@code time.ParseDuration}), restricted to whole numbers of
 * ms, s, m and h so that every accepted value means the same thing to us and to Litestream.
 *
 * <p>The one duration parser of vixens-ls: descriptors, profiles, {@code recommend} and {@code lint} all parse
 * here. {@link #goNanos} is Go's own algorithm, overflow checks included (Go refuses anything beyond about
 * 292 years); {@link #parse} builds the restricted form on it. No input, however long its digits, can make
 * either fail with anything but an {@link IllegalArgumentException} that says what is wrong.
 *
 * <p>The text is kept as written: the generated config shows the user's own spelling.
 */
public record GoDuration(String text, long millis) implements Comparable<GoDuration> {

    /** How messages describe the expected form. */
    public static final String EXAMPLES = "1s, 90m or 24h";

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ms|s|m|h))+");
    private static final Pattern DAYS = Pattern.compile("([0-9]{1,6})([dw])");
    private static final long MAX_MILLIS = 100L * 365 * 24 * 3600 * 1000;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** Go's units, in nanoseconds (both spellings of the micro sign included). */
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
            "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    /** Go computes in an unsigned 64-bit number and refuses anything above 2^63. */
    private static final BigInteger GO_LIMIT = BigInteger.ONE.shiftLeft(63);

    /** A duration too long to mean anything (more than 100 years), kept apart so callers can state their range. */
    public static final class TooLong extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooLong(String text) {
            super(shown(text) + " is longer than 100 years");
        }
    }

    /** A duration Go itself refuses because it does not fit in 64 bits of nanoseconds (about 292 years). */
    public static final class Overflow extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Overflow(String text) {
            super(shown(text) + " is longer than the longest duration Go (and so Litestream) can hold, about 292"
                    + " years");
        }
    }

    /**
     * A person's answer to a question ({@code --loss-tolerance}, init's questions): whole days and weeks
     * ({@code 2d}, {@code 1w}) are what people say, so they are taken and converted to the hours Litestream
     * needs; everything else as {@link #parse}. Descriptors and profiles still take Go durations only, since
     * they are copied to Litestream's configuration.
     */
    public static GoDuration parseAnswer(String text) {
        String answer = text == null ? null : text.strip();
        Matcher days = answer == null ? null : DAYS.matcher(answer);
        if (days != null && days.matches()) {
            long n = Long.parseLong(days.group(1));
            return parse((days.group(2).equals("w") ? n * 7 * 24 : n * 24) + "h");
        }
        return parse(answer);
    }

    /** Parses {@code 1s}, {@code 90m}, {@code 1h30m}; zero is a valid duration here, ranges are for the caller. */
    public static GoDuration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write it like " + EXAMPLES);
        }
        if (text.startsWith("-")) {
            throw new IllegalArgumentException(shown(text) + " is negative; a duration here must be positive");
        }
        Matcher days = DAYS.matcher(text);
        if (days.matches()) {
            long n = Long.parseLong(days.group(1));
            long hours = days.group(2).equals("w") ? n * 7 * 24 : n * 24;
            throw new IllegalArgumentException(shown(text) + " is in " + (days.group(2).equals("w") ? "weeks"
                    : "days") + ", which Litestream does not understand; write hours: " + hours + "h");
        }
        long nanos;
        try {
            nanos = goNanos(text);
        } catch (Overflow e) {
            throw new TooLong(text);
        } catch (IllegalArgumentException e) {
            throw notADuration(text);
        }
        if (!WHOLE.matcher(text).matches()) {
            if (text.contains(".") && nanos > 0 && nanos % NANOS_PER_MILLI == 0) {
                throw new IllegalArgumentException(shown(text) + " is not a whole number; write it in a smaller"
                        + " unit: " + wholeSpelling(nanos / NANOS_PER_MILLI));
            }
            throw notADuration(text);
        }
        long millis = nanos / NANOS_PER_MILLI;
        if (millis > MAX_MILLIS) {
            throw new TooLong(text);
        }
        return new GoDuration(text, millis);
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException(shown(text) + " is not a duration; write whole numbers with ms, s, m"
                + " or h, e.g. " + EXAMPLES);
    }

    /**
     * Go's {@code time.ParseDuration}, step for step: {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+} or {@code 0},
     * with units ns, us (µs), ms, s, m and h, and Go's overflow rules.
     *
     * @return the duration in nanoseconds
     * @throws Overflow when Go refuses the value as too long
     * @throws IllegalArgumentException when Go refuses it for any other reason
     */
    public static long goNanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text, "is not a duration");
        }
        BigInteger total = BigInteger.ZERO;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '.' && !isDigit(c)) {
                throw invalid(text, "is not a duration");
            }
            int start = i;
            BigInteger whole = BigInteger.ZERO;
            while (i < s.length() && isDigit(s.charAt(i))) {
                whole = whole.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
                if (whole.compareTo(GO_LIMIT) > 0) {
                    throw new Overflow(text);
                }
                i++;
            }
            boolean pre = i > start;
            BigInteger fraction = BigInteger.ZERO;
            BigInteger scale = BigInteger.ONE;
            boolean post = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean overflowed = false;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    if (!overflowed) {
                        // like Go, digits beyond 2^63 of precision are read but no longer counted
                        BigInteger next = fraction.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
                        if (next.compareTo(GO_LIMIT) > 0) {
                            overflowed = true;
                        } else {
                            fraction = next;
                            scale = scale.multiply(BigInteger.TEN);
                        }
                    }
                    i++;
                }
                post = i > fractionStart;
            }
            if (!pre && !post) {
                throw invalid(text, "is not a duration");
            }
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                throw invalid(text, "has a number without a unit (ns, us, ms, s, m or h)");
            }
            String unitText = s.substring(unitStart, i);
            Long unit = UNITS.get(unitText);
            if (unit == null) {
                throw invalid(text, "has the unit " + shown(unitText) + ", which Go does not know (ns, us, ms, s, m"
                        + " or h)");
            }
            BigInteger value = whole.multiply(BigInteger.valueOf(unit));
            if (value.compareTo(GO_LIMIT) > 0) {
                throw new Overflow(text);
            }
            if (fraction.signum() > 0) {
                // Go: v += uint64(float64(f) * (float64(unit) / scale))
                value = value.add(BigInteger.valueOf((long) (fraction.doubleValue()
                        * (unit.doubleValue() / scale.doubleValue()))));
                if (value.compareTo(GO_LIMIT) > 0) {
                    throw new Overflow(text);
                }
            }
            total = total.add(value);
            if (total.compareTo(GO_LIMIT) > 0) {
                throw new Overflow(text);
            }
        }
        if (negative) {
            return total.negate().longValue();
        }
        if (total.compareTo(GO_LIMIT) >= 0) {
            throw new Overflow(text);
        }
        return total.longValue();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException(shown(text) + " " + why);
    }

    /** The text in quotes, bounded like every value a message echoes. */
    private static String shown(String text) {
        return Problem.quote(text);
    }

    /** {@code 5400000} ms becomes {@code 90m}: the largest unit that keeps the number whole. */
    private static String wholeSpelling(long ms) {
        for (long[] unit : new long[][] {{3_600_000L, 'h'}, {60_000L, 'm'}, {1_000L, 's'}}) {
            if (ms % unit[0] == 0) {
                return ms / unit[0] + String.valueOf((char) unit[1]);
            }
        }
        return ms + "ms";
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
