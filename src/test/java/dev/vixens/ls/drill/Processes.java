package dev.vixens.ls.drill;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs real programs for the drills: output merged into a log file (no pipe can fill up), bounded in time. */
final class Processes {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private Processes() {
    }

    /** A finished process: exit code and its stdout and stderr, interleaved as written. */
    record Result(int exitCode, String output) {
    }

    static ProcessBuilder command(String... argv) {
        return new ProcessBuilder(argv);
    }

    static ProcessBuilder command(List<String> argv, Map<String, String> env, Path dir) {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    static Result run(ProcessBuilder builder) {
        return run(builder, DEFAULT_TIMEOUT);
    }

    static Result run(ProcessBuilder builder, Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("vixens-drill-", ".log");
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", builder.command()) + " did not finish within " + timeout
                        + "; output:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + builder.command(), e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** Stops a process the way the kubelet does: SIGTERM, then SIGKILL after the grace period. */
    static int stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }
}
