package dev.vixens.ls.testing;

import dev.vixens.ls.cli.VixensLsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in-process and captures what a user would see. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code vixens-ls --repo ROOT ARGS...} (the option goes after the subcommand name). */
    public static CliRun inRepo(Path root, String command, String... args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.add("--repo");
        all.add(root.toString());
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VixensLsCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
