package dev.vixens.ls.output;

/** A rendered file: its path relative to the repository root ('/'-separated) and its full content. */
public record GeneratedFile(String path, String content) {

    /**
     * A file {@code generate} owns: the generated-file marker, naming where it comes from and how to regenerate
     * it, then {@code body}. Only the output stage puts the marker on, so that it is the one that reads it.
     */
    public static GeneratedFile marked(String path, String origin, String regenerate, String body) {
        return new GeneratedFile(path, Marker.header(origin, regenerate) + body);
    }
}
