package dev.vixens.ls.lint;

import java.util.Locale;

/** An error makes {@code lint} exit 1; a warning is printed and does not. */
public enum Severity {
    ERROR, WARNING;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
