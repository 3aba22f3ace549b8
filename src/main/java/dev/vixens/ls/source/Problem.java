package dev.vixens.ls.source;

/** One thing wrong with the user's input, printed as {@code file:line:col: message}. */
public record Problem(Location location, String message) {

    /** At most this many characters of a value are echoed in a message; the rest is counted, not shown. */
    public static final int MAX_QUOTED = 80;
    /**
     * A whole message is cut here. Every part of a message is bounded already (quoted values, lists of names);
     * this is the last guard, so that no input can ever turn one problem into a line of megabytes.
     */
    public static final int MAX_MESSAGE = 2000;

    /**
     * Always exactly one line: a value echoed from the input may hold a newline (written as {@code "\n"} in
     * YAML) or another control character, and a second line would break editors and CI annotations that
     * read {@code file:line:col: message}.
     */
    public String format() {
        String line = oneLine(location + ": " + message);
        if (line.codePointCount(0, line.length()) <= MAX_MESSAGE) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_MESSAGE)) + "... (message cut at " + MAX_MESSAGE
                + " characters)";
    }

    /**
     * {@code 'value'}, with control characters written as escapes, for echoing user input in a message. A
     * value longer than {@value #MAX_QUOTED} characters shows its first {@value #MAX_QUOTED} and says how
     * long it is.
     */
    public static String quote(String value) {
        int length = value.codePointCount(0, value.length());
        if (length <= MAX_QUOTED) {
            return "'" + oneLine(value) + "'";
        }
        String head = value.substring(0, value.offsetByCodePoints(0, MAX_QUOTED));
        return "'" + oneLine(head) + "...' (" + length + " characters, the first " + MAX_QUOTED + " shown)";
    }

    /** At most {@code max} names joined by ", ", then how many more there are. */
    public static String list(java.util.Collection<String> names, int max) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String name : names) {
            if (shown == max) {
                return out + " and " + (names.size() - max) + " more";
            }
            out.append(shown == 0 ? "" : ", ").append(name);
            shown++;
        }
        return out.toString();
    }

    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
