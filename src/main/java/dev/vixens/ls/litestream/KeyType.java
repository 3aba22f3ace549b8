package dev.vixens.ls.litestream;

import java.util.Locale;

/**
 * The type a release decodes a key into. A value of another shape is not ignored like an unknown key: it is a
 * decoding error, and Litestream does not start.
 */
public enum KeyType {
    STRING, INT, BOOL,
    /** Go's {@code time.ParseDuration} for a string; a bare integer is taken as nanoseconds. */
    DURATION,
    MAPPING, LIST;

    static KeyType ofTableName(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
