package dev.vixens.ls.lint;

import dev.vixens.ls.source.Location;
import java.util.Comparator;

/** One thing {@code lint} found, printed as {@code file:line:col: severity: message [rule-id]}. */
public record Finding(Location location, Severity severity, Rule rule, String message) {

    static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message);

    public static Finding of(Rule rule, Location location, String message) {
        return new Finding(location, rule.severity(), rule, message);
    }

    public String format() {
        return location + ": " + severity.text() + ": " + message + " [" + rule.id() + "]";
    }
}
