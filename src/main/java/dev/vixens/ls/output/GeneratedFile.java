package dev.vixens.ls.output;

import java.util.Optional;

/** A rendered file: its path relative to the repository root ('/'-separated) and its full content. */
public record GeneratedFile(String path, String content) {

    /**
     * A file {@code generate} owns: the generated-file marker, naming where it comes from and how to regenerate
     * it, the file's format when later runs read it back ({@link Marker#format}), then {@code body}. Only the
     * output stage puts the marker on, so that it is the one that reads it.
     */
    public static GeneratedFile marked(String path, String origin, String regenerate, Optional<String> format,
            String body) {
        return new GeneratedFile(path, format.map(f -> Marker.header(origin, regenerate, f))
                .orElseGet(() -> Marker.header(origin, regenerate)) + body);
    }
}
