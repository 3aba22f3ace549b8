package dev.vixens.ls.source;

/** A place in an input file, 1-based, as compilers print it. */
public record Location(String file, int line, int column) {

    public static Location startOf(String file) {
        return new Location(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
