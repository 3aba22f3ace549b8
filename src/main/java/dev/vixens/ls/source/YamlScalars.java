package dev.vixens.ls.source;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * What a plain (unquoted) YAML scalar means, and how a string must be written so that it means itself.
 *
 * <p>YAML 1.1 and 1.2 disagree on many plain scalars: {@code yes}, {@code on} and {@code y} are booleans to
 * YAML 1.1 readers (kubectl, kustomize and Argo CD read manifests with Go's YAML 1.1 library) and text to
 * YAML 1.2 ones; {@code 010} is the number 8 to one and 10 to the other; {@code 1_000}, {@code 0x3e8},
 * {@code 1:30} and {@code 2024-01-01} are numbers, times or text depending on the reader. vixens-ls guesses
 * none of them. Reading its own files, such a value is refused with what each reader makes of it; only
 * plain scalars that every reader types the same way are accepted ({@link #read}). Writing YAML, a string
 * is emitted plain only when every reader reads it back as that same string, and double-quoted otherwise
 * ({@link #scalar}): the one quoting rule of every generated file.
 */
public final class YamlScalars {

    /** The types a plain scalar can have. */
    public enum Type { STRING, NULL, BOOLEAN, INTEGER, FLOAT }

    /**
     * How a plain scalar is read.
     *
     * @param ambiguity null when every reader agrees on {@code type}; otherwise why the value is refused
     */
    public record Reading(Type type, String ambiguity) {
        public boolean ambiguous() {
            return ambiguity != null;
        }
    }

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern BOOLEAN_11 = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    /** Floats both versions read alike: a dot, an optional signed exponent, or infinity and not-a-number. */
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+][0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9]+");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern OCTAL_12 = Pattern.compile("0o[0-7]+");
    private static final Pattern BINARY_11 = Pattern.compile("[-+]?0b[01_]+");
    private static final Pattern UNDERSCORE_NUMBER = Pattern.compile("[-+]?[0-9][0-9_]*(\\.[0-9_]*)?");
    private static final Pattern SEXAGESIMAL_11 = Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
    /** YAML 1.2 floats that YAML 1.1 reads as text: no dot, or an exponent without a sign. */
    private static final Pattern FLOAT_12 = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern FLOAT_11 = Pattern.compile("[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?");
    private static final Pattern TIMESTAMP_11 = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
            + "(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");
    /** A string that may stand plain: no YAML indicator, no space, nothing a reader could take as syntax. */
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:@+=-]*");
    /** Numbers are shown in messages only up to this many digits. */
    private static final int SHOWN_DIGITS = 30;

    private YamlScalars() {
    }

    /** How vixens-ls reads the plain scalar {@code text} (quoted scalars are always strings). */
    public static Reading read(String text) {
        if (NULL.matcher(text).matches()) {
            return new Reading(Type.NULL, null);
        }
        if (BOOLEAN.matcher(text).matches()) {
            return new Reading(Type.BOOLEAN, null);
        }
        if (DECIMAL.matcher(text).matches()) {
            return new Reading(Type.INTEGER, null);
        }
        if (FLOAT.matcher(text).matches() && !text.contains("_")) {
            return new Reading(Type.FLOAT, null);
        }
        String ambiguity = ambiguity(text);
        return ambiguity == null ? new Reading(Type.STRING, null) : new Reading(Type.STRING, ambiguity);
    }

    /** Whether a plain scalar means "no value" ({@code ~}, {@code null}, nothing) to every reader. */
    public static boolean isNull(String plain) {
        return NULL.matcher(plain).matches();
    }

    private static String ambiguity(String text) {
        String forText = "; quote it if it is meant as text";
        if (BOOLEAN_11.matcher(text).matches()) {
            return "is a boolean to YAML 1.1 readers (such as kubectl) and text to YAML 1.2 readers; write true or"
                    + " false for a boolean" + forText;
        }
        if (LEADING_ZERO.matcher(text).matches()) {
            String digits = text.replaceFirst("^[-+]?0+", "");
            String octal = !text.matches("[-+]?[0-7]+") ? "text"
                    : text.length() <= SHOWN_DIGITS ? "the octal number " + new BigInteger(text.replace("+", ""), 8)
                    : "an octal number";
            return "has a leading zero: YAML 1.1 readers take it for " + octal + ", YAML 1.2 readers for "
                    + (digits.isEmpty() ? "0" : digits) + "; write the number without the leading zero" + forText;
        }
        if (HEX.matcher(text).matches()) {
            return "is a hexadecimal number" + decimal(text.replace("_", "").replaceFirst("0x", ""), 16)
                    + forText;
        }
        if (OCTAL_12.matcher(text).matches()) {
            return "is an octal number to YAML 1.2 readers" + decimal(text.substring(2), 8)
                    + " and text to YAML 1.1 readers" + forText;
        }
        if (BINARY_11.matcher(text).matches()) {
            return "is a binary number to YAML 1.1 readers" + decimal(text.replace("_", "").replaceFirst("0b", ""), 2)
                    + " and text to YAML 1.2 readers" + forText;
        }
        if (text.contains("_") && UNDERSCORE_NUMBER.matcher(text).matches()) {
            return "is a number to YAML 1.1 readers, which ignore '_' in numbers, and text to YAML 1.2 readers;"
                    + " write the number without '_'" + forText;
        }
        if (SEXAGESIMAL_11.matcher(text).matches()) {
            return "is a base-60 number (as in 1:30 = 90) to YAML 1.1 readers and text to YAML 1.2 readers"
                    + forText;
        }
        if (FLOAT_12.matcher(text).matches() || FLOAT_11.matcher(text).matches()) {
            return "is a number to one version of YAML and text to the other; write a number with a dot and a"
                    + " signed exponent (such as 1.0e+3)" + forText;
        }
        if (TIMESTAMP_11.matcher(text).matches()) {
            return "is a date and time to YAML 1.1 readers and text to YAML 1.2 readers" + forText;
        }
        if (text.equals("<<") || text.equals("=")) {
            return "is a special key to YAML 1.1 readers" + forText;
        }
        return null;
    }

    /** {@code " (1000 in decimal); write 1000"}, or nothing for a number too long to show. */
    private static String decimal(String digits, int radix) {
        String clean = digits.replaceFirst("^[-+]", "");
        if (clean.isEmpty() || clean.length() > SHOWN_DIGITS) {
            return "";
        }
        String value = (digits.startsWith("-") ? "-" : "") + new BigInteger(clean, radix);
        return " (" + value + " in decimal); write " + value;
    }

    /**
     * {@code value} as a YAML scalar that every reader reads back as exactly this string: plain when it is
     * safe, double-quoted otherwise. Every string vixens-ls writes into YAML goes through here (or through
     * {@link #quoted} where a value is always quoted).
     */
    public static String scalar(String value) {
        if (isPlainName(value)) {
            return value; // the usual case (names, kinds, images), decided without a regular expression
        }
        boolean plain = PLAIN_SAFE.matcher(value).matches() && !value.endsWith(":") && !value.startsWith("...")
                && read(value).type() == Type.STRING && !read(value).ambiguous();
        return plain ? value : quoted(value);
    }

    /**
     * A string that starts with a letter and holds only letters, digits and {@code . _ / - :} (not at its end),
     * and is not one of YAML's words ({@code yes}, {@code null}, {@code on}...): text to every reader. Words that
     * start with a letter can mean something else only as one of those words; numbers, dates and
     * {@code .inf} start with a digit, a sign or a dot.
     */
    private static boolean isPlainName(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '_' || c == '/' || c == '-' || c == ':' && i < value.length() - 1;
            if (!allowed) {
                return false;
            }
        }
        return value.length() > 5 || !WORDS.contains(value);
    }

    /** The plain words YAML 1.1 or 1.2 read as booleans or null (at most five letters long). */
    private static final java.util.Set<String> WORDS = java.util.Set.of("y", "Y", "yes", "Yes", "YES", "n", "N",
            "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "false", "False",
            "FALSE", "null", "Null", "NULL");

    /** Text for a YAML comment: kept on its line (a line break would end the comment and start YAML). */
    public static String comment(String value) {
        return Problem.oneLine(value);
    }

    /** {@code value} as a YAML double-quoted scalar, every character that needs it escaped. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
