package dev.vixens.ls.adoption;

import dev.vixens.ls.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's shell for the adoption tests: a given PATH (see {@code RestrictedPath}), the real home (its Maven
 * cache saves downloading the dependencies again; Maven itself comes from the wrapper), and everything the
 * tool or pre-commit would cache kept in the test's own directory. No JAVA_HOME: only what PATH holds exists.
 */
record UserShell(String path, Path scratch, Map<String, String> extra) {

    UserShell(Path path, Path scratch) {
        this(path.toString(), scratch, Map.of());
    }

    /** The same shell with {@code dir} first on PATH. */
    UserShell withPathFirst(Path dir) {
        return new UserShell(dir + ":" + path, scratch, extra);
    }

    UserShell with(String variable, String value) {
        Map<String, String> more = new HashMap<>(extra);
        more.put(variable, value);
        return new UserShell(path, scratch, Map.copyOf(more));
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", path);
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("XDG_CACHE_HOME", scratch.resolve("cache").toString());
        env.put("PRE_COMMIT_HOME", scratch.resolve("pre-commit").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "test");
        env.put("GIT_AUTHOR_EMAIL", "test@localhost");
        env.put("GIT_COMMITTER_NAME", "test");
        env.put("GIT_COMMITTER_EMAIL", "test@localhost");
        env.putAll(extra);
        return env;
    }

    /** {@code bash -c SCRIPT} in {@code dir}. */
    Processes.Result sh(Path dir, String script) {
        return sh(dir, script, Duration.ofMinutes(10));
    }

    Processes.Result sh(Path dir, String script, Duration timeout) {
        return Processes.run(Processes.command(List.of("/bin/bash", "-c", script), env(), dir), timeout);
    }

    /** As {@link #sh(Path, String)}, failing the test with the output when the script fails. */
    String ok(Path dir, String script) {
        Processes.Result result = sh(dir, script);
        if (result.exitCode() != 0) {
            throw new AssertionError(script + " failed (exit " + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }
}
