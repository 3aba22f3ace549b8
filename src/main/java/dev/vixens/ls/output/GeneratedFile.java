package dev.vixens.ls.output;

/** A rendered file: its path relative to the repository root ('/'-separated) and its full content. */
public record GeneratedFile(String path, String content) {
}
