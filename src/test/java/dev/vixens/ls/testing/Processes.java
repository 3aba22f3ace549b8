package dev.vixens.ls.testing;

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

/**
 * Runs real programs for the tests: output merged into a log file (no pipe can fill up), no standard input,
 * bounded in time.
 */
public final class Processes {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private Processes() {
    }

    /** A finished process: exit code and its stdout and stderr, interleaved as written. */
    public record Result(int exitCode, String output) {
    }

    /** {@code argv} run in {@code dir} with exactly {@code env} (nothing inherited from this JVM). */
    public static ProcessBuilder command(List<String> argv, Map<String, String> env, Path dir) {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    public static Result run(ProcessBuilder builder) {
        return run(builder, DEFAULT_TIMEOUT);
    }

    public static Result run(ProcessBuilder builder, Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("vixens-test-", ".log");
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

    /** Runs {@code builder} to its end and returns its output; a non-zero exit fails the test with it. */
    public static String output(ProcessBuilder builder) {
        Result result = run(builder);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", builder.command()) + " failed (exit " + result.exitCode()
                    + "):\n" + result.output());
        }
        return result.output();
    }

    /** Stops a process the way the kubelet does: SIGTERM, then SIGKILL after the grace period. */
    public static int stop(Process process, Duration grace) {
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

    /** A pause between two looks at something a process is doing; an interrupt fails the test. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
