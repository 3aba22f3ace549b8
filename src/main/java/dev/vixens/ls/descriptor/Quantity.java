package dev.vixens.ls.descriptor;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 100m}, {@code 128Mi}), as far as vixens-ls needs to compare two of
 * them: the API server refuses a request above its limit, so generate must not write one.
 */
record Quantity(String text, BigDecimal value) implements Comparable<Quantity> {

    private static final Pattern FORM = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "", BigDecimal.ONE,
            "m", new BigDecimal("0.001"),
            "k", BigDecimal.valueOf(1_000L), "M", BigDecimal.valueOf(1_000_000L),
            "G", BigDecimal.valueOf(1_000_000_000L), "T", BigDecimal.valueOf(1_000_000_000_000L),
            "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20),
            "Gi", BigDecimal.valueOf(1L << 30), "Ti", BigDecimal.valueOf(1L << 40));

    /** The quantity, or null when {@code text} is not one. */
    static Quantity parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || m.group(1).length() > 30) {
            return null;
        }
        return new Quantity(text, new BigDecimal(m.group(1)).multiply(SUFFIXES.get(m.group(2) == null ? ""
                : m.group(2))));
    }

    boolean isZero() {
        return value.signum() == 0;
    }

    /** Memory in thousandths of a byte: valid Kubernetes, and always a mistake for 100Mi. */
    boolean isMilli() {
        return text.endsWith("m");
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }
}
