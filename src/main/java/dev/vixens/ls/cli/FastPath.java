package dev.vixens.ls.cli;

import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.repo.Repository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the two commands that run on every commit before the command-line framework, the YAML binder or
 * the template engine is even loaded: {@code --version}, and a {@code check} that the cached digests prove
 * current ({@link CheckCache}). Anything else, any option it does not know, and any doubt at all returns
 * false and the full command line runs; so the fast path can only ever answer what the full path would.
 */
final class FastPath {

    private FastPath() {
    }

    /** True when the command was answered here (always with exit code 0). */
    static boolean tryAnswer(String[] args, PrintWriter out) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println(Version.text());
            return true;
        }
        if (args.length >= 1 && args[0].equals("check")) {
            return tryCheck(args, out);
        }
        // -C DIR before the command means the same as after it (RepositoryOption)
        if (args.length >= 3 && (args[0].equals("-C") || args[0].equals("--repo")) && args[2].equals("check")) {
            List<String> moved = new ArrayList<>(List.of(args).subList(2, args.length));
            moved.addAll(1, List.of(args[0], args[1]));
            return tryCheck(moved.toArray(String[]::new), out);
        }
        return false;
    }

    private static boolean tryCheck(String[] args, PrintWriter out) {
        boolean all = false;
        boolean verify = true;
        String repo = null;
        List<String> apps = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--all")) {
                all = true;
            } else if (arg.equals("--no-verify")) {
                verify = false;
            } else if ((arg.equals("--repo") || arg.equals("-C")) && i + 1 < args.length && repo == null) {
                repo = args[++i];
            } else if (arg.startsWith("--repo=") && repo == null) {
                repo = arg.substring("--repo=".length());
            } else if (!arg.isEmpty() && !arg.startsWith("-")) {
                apps.add(arg);
            } else {
                return false;
            }
        }
        if (all && !apps.isEmpty()) {
            return false;
        }
        Path root = repo == null ? Repository.findRoot(Path.of("")) : Path.of(repo);
        if (root == null) {
            return false;
        }
        String summary;
        // judged under the same shared lock as the full check: never a tree that a generate is writing
        Optional<RepositoryLock> lock = RepositoryLock.tryShared(root);
        if (lock.isEmpty()) {
            return false;
        }
        try (RepositoryLock held = lock.get()) {
            summary = CheckCache.provenSummary(root, CheckCache.selectionKey(all || apps.isEmpty(), apps, verify));
        }
        if (summary == null) {
            return false;
        }
        out.println(summary);
        return true;
    }
}
