package dev.vixens.ls.lint;

import dev.vixens.ls.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real {@code vixens-ls lint} on files written into a temporary directory, and shows its output
 * with that directory's path removed, so tests compare exact lines such as
 * {@code litestream.yml:7:7: error: ... [ignored-key]}.
 */
record LintRun(int exitCode, List<String> lines, String err) {

    static Map<String, String> files(String... namesAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.put(namesAndContents[i], namesAndContents[i + 1]);
        }
        return files;
    }

    /** Writes {@code files} into {@code dir} and lints them, one argument per file, in the order given. */
    static LintRun lint(Path dir, String version, Map<String, String> files, String... options) {
        List<String> args = new ArrayList<>(List.of("lint"));
        if (version != null) {
            args.add("--litestream-version");
            args.add(version);
        }
        args.addAll(List.of(options));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            try {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            args.add(path.toString());
        }
        return run(dir, args);
    }

    /** Lints paths (relative to {@code dir}) that already exist. */
    static LintRun lintPaths(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("lint"));
        for (String arg : args) {
            all.add(arg.startsWith("-") || arg.matches("[0-9.]+|text|json|sarif") ? arg : dir.resolve(arg).toString());
        }
        return run(dir, all);
    }

    private static LintRun run(Path dir, List<String> args) {
        CliRun run = CliRun.run(args.toArray(String[]::new));
        String prefix = dir.toString() + "/";
        return new LintRun(run.exitCode(), run.out().replace(prefix, "").lines().toList(),
                run.err().replace(prefix, ""));
    }
}
