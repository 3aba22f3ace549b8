package dev.vixens.ls.cli;

/** Exit codes, the same for every command (documented in the README and in {@code --help}). */
public final class ExitCodes {

    public static final int OK = 0;
    /** check found stale files or a problem in a built overlay, lint found errors. */
    public static final int DIFFERENCES = 1;
    /** Bad input or usage: nothing was written. */
    public static final int INPUT = 2;
    /** The tool failed (I/O error, bug): see the message. */
    public static final int FAILURE = 3;

    private ExitCodes() {
    }
}
