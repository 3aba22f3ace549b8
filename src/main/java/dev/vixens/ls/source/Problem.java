package dev.vixens.ls.source;

/** One thing wrong with the user's input, printed as {@code file:line:col: message}. */
public record Problem(Location location, String message) {

    /**
     * Always exactly one line: a value echoed from the input may hold a newline (written as {@code "\n"} in
     * YAML) or another control character, and a second line would break editors and CI annotations that
     * read {@code file:line:col: message}.
     */
    public String format() {
        return oneLine(location + ": " + message);
    }

    /** {@code 'value'}, with control characters written as escapes, for echoing user input in a message. */
    public static String quote(String value) {
        return "'" + oneLine(value) + "'";
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
