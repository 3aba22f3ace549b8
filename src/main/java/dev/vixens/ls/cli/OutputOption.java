package dev.vixens.ls.cli;

import picocli.CommandLine.Option;

/**
 * {@code -o/--output text|json}, the same on every command that reports (apps, explain, profiles, check; lint
 * and analyze call it {@code --format} too): text for people, JSON with a documented schema for scripts.
 */
public final class OutputOption {

    /** What the command prints. */
    public enum Format { TEXT, JSON }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (schema/<command>.output.schema.json; docs/cli.md).")
    Format format;

    public boolean json() {
        return format == Format.JSON;
    }
}
