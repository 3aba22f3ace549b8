package dev.vixens.ls.cli;

import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.output.UserFileWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run} and {@code -q/--quiet}, the same on every command that writes (generate, init, import,
 * setup, remove, rename), as kubectl and helm users expect them: a dry run does every check the real run does
 * and prints what it would write, writing nothing; quiet leaves out what did not change and the advice.
 */
public final class WriteOptions {

    @Option(names = "--dry-run",
            description = "Check everything and print what would be written or deleted; write nothing.")
    boolean dryRun;

    @Option(names = {"-q", "--quiet"},
            description = "Print only what changed (and warnings and errors): no unchanged files, no next steps.")
    boolean quiet;

    public boolean dryRun() {
        return dryRun;
    }

    public boolean quiet() {
        return quiet;
    }

    /** How a written file is reported: "wrote" or, in a dry run, "would write". */
    public String verb(String done, String wouldDo) {
        return dryRun ? wouldDo : done;
    }

    /**
     * Writes files the user owns from then on (descriptors, overlay edits, setup's files) under the repository
     * lock; in a dry run, only checks that each could be written, as the real run would.
     */
    public void writeUserFiles(Path root, Map<String, String> files, String command, PrintWriter err) {
        if (dryRun) {
            UserFileWriter.check(root, files);
            return;
        }
        try (RepositoryLock lock = RepositoryLock.exclusive(root, command, err::println)) {
            UserFileWriter.write(root, files);
        }
    }

    /** The last line of a dry run, on stderr so that the listing on stdout stays a clean list. */
    public void finish(PrintWriter err) {
        if (dryRun) {
            err.println("dry run: nothing was written");
        }
    }
}
