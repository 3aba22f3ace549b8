package dev.vixens.ls.source;

/** A place in an input file, 1-based, as compilers print it. */
public record Location(String file, int line, int column) {

    private static final String COMMAND_LINE = "";

    public static Location startOf(String file) {
        return new Location(file, 1, 1);
    }

    /** Not in a file: a command-line argument (an app name that does not exist, a missing option). */
    public static Location commandLine() {
        return new Location(COMMAND_LINE, 0, 0);
    }

    public boolean isCommandLine() {
        return file.isEmpty();
    }

    @Override
    public String toString() {
        return isCommandLine() ? "vixens-ls" : file + ":" + line + ":" + column;
    }
}
