package dev.vixens.ls.source;

/** One thing wrong with the user's input, printed as {@code file:line:col: message}. */
public record Problem(Location location, String message) {

    public String format() {
        return location + ": " + message;
    }
}
