package dev.vixens.ls.output;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The names of the write stage's temporary files: {@code .<file>.<pid>-<n>.vixens-ls-tmp}, beside their
 * target so that the final rename stays atomic. Unique per process and per file (a name that exists anyway is
 * never reused: they are created with {@code CREATE_NEW}); a file with such a name is never output, never
 * stale output, and never compared by check.
 */
final class OutputFiles {

    static final String TEMPORARY_SUFFIX = ".vixens-ls-tmp";
    private static final AtomicLong COUNTER = new AtomicLong();

    private OutputFiles() {
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
    }

    static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + TEMPORARY_SUFFIX);
    }
}
