package dev.vixens.ls.kustomize;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's kustomize, run for real: what Argo CD or {@code kubectl apply -k} will build is what check
 * verifies, with no second implementation of kustomize's merge rules to drift from the real one.
 *
 * @param argv the command without the overlay directory, its first word resolved to an executable file
 */
public record KustomizeCommand(List<String> argv) {

    /** The commands tried, in order, when the repository does not name one. */
    public static final List<List<String>> AUTO = List.of(List.of("kustomize", "build"),
            List.of("kubectl", "kustomize"));
    private static final long TIMEOUT_SECONDS = 300;

    public KustomizeCommand {
        argv = List.copyOf(argv);
    }

    /** The outcome of one build: the YAML stream, or kustomize's error message (one line). */
    public record Build(Path overlay, Optional<String> yaml, String error) {

        public boolean succeeded() {
            return yaml.isPresent();
        }
    }

    /**
     * The command to run: {@code configured} with its first word found on the PATH (or as a path), or the first
     * of {@link #AUTO} whose program is installed. None found is bad input: check cannot prove anything.
     */
    public static KustomizeCommand resolve(List<String> configured, Location configuredAt) {
        Optional<KustomizeCommand> found = find(configured);
        if (found.isPresent()) {
            return found.get();
        }
        if (!configured.isEmpty()) {
            throw new InputException(configuredAt, "verify.kustomize: '" + configured.get(0) + "' is not an"
                    + " executable on the PATH; install it, correct the command, or set verify.enabled: false"
                    + " (check --no-verify) to compare the generated files only");
        }
        throw new InputException(Location.commandLine(), "check builds every overlay to verify the backup in what"
                + " the cluster will run, but neither kustomize nor kubectl is on the PATH; install one, name the"
                + " command in .vixens-ls.yaml (verify.kustomize), or run check --no-verify (verify.enabled: false)"
                + " to compare the generated files only");
    }

    /** The program {@link #resolve} would run, or null; for the fast check, which must notice another one. */
    public static Path program(List<String> configured) {
        List<String> argv = resolvedArgv(configured);
        return argv == null ? null : Path.of(argv.get(0));
    }

    /** The executable this command runs. */
    public Path program() {
        return Path.of(argv.get(0));
    }

    private static Optional<KustomizeCommand> find(List<String> configured) {
        return Optional.ofNullable(resolvedArgv(configured)).map(KustomizeCommand::new);
    }

    /** The first command whose program is installed, its program resolved; null when none is (no lambda: cold JVM). */
    private static List<String> resolvedArgv(List<String> configured) {
        for (List<String> candidate : configured.isEmpty() ? AUTO : List.of(configured)) {
            Path program = executable(candidate.get(0));
            if (program != null) {
                List<String> argv = new ArrayList<>(candidate);
                argv.set(0, program.toString());
                return argv;
            }
        }
        return null;
    }

    /**
     * An executable named {@code program}: a path when it contains '/', else the first in a PATH directory.
     * Reads directory entries only, so that the fast check can resolve it too.
     */
    public static Path executable(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program).toAbsolutePath().normalize();
            return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
        }
        String search = System.getenv("PATH");
        if (search == null) {
            return null;
        }
        for (String dir : search.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** The command as shown to users: {@code kubectl kustomize}. */
    public String display() {
        List<String> shown = new ArrayList<>(argv);
        shown.set(0, Path.of(argv.get(0)).getFileName().toString());
        return String.join(" ", shown);
    }

    /** Builds every overlay, several at a time, in the order given; {@code root} is the working directory. */
    public List<Build> buildAll(Path root, List<Path> overlays) {
        if (overlays.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(overlays.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "kustomize");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Build>> futures = new ArrayList<>();
            for (Path overlay : overlays) {
                futures.add(pool.submit(() -> build(root, overlay)));
            }
            List<Build> builds = new ArrayList<>();
            for (Future<Build> future : futures) {
                builds.add(future.get());
            }
            return builds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the overlays", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Builds one overlay with {@code root} as the working directory. */
    public Build build(Path root, Path overlay) {
        List<String> command = new ArrayList<>(argv);
        Path relative = root.toAbsolutePath().normalize().relativize(overlay.toAbsolutePath().normalize());
        command.add(relative.toString().isEmpty() ? "." : relative.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + display(), e);
        }
        // stderr on its own thread: a build that writes much to both pipes must not block on either
        CompletableFuture<byte[]> errors = new CompletableFuture<>();
        Thread stderr = new Thread(() -> errors.complete(readAll(process.getErrorStream())), "kustomize-stderr");
        stderr.setDaemon(true);
        stderr.start();
        try {
            byte[] out = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Build(overlay, Optional.empty(), display() + " did not finish within " + TIMEOUT_SECONDS
                        + " s");
            }
            String err = new String(errors.get(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return new Build(overlay, Optional.empty(), errorMessage(err, process.exitValue()));
            }
            return new Build(overlay, Optional.of(new String(out, StandardCharsets.UTF_8)), "");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + overlay, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** kustomize's message, one line: {@code Error: ...} from kustomize, {@code err="..."} from kubectl. */
    static String errorMessage(String stderr, int exitCode) {
        Matcher klog = Pattern.compile("err=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(stderr);
        String message = null;
        if (klog.find()) {
            message = klog.group(1).replaceAll("\\\\(.)", "$1");
        } else {
            for (String line : stderr.strip().split("\n")) {
                if (!line.isBlank()) {
                    message = line.strip();
                }
            }
        }
        if (message == null) {
            return "exit code " + exitCode + ", no message";
        }
        message = message.replaceFirst("^(?i)error: ", "").replaceAll("\\s*\n\\s*", " ");
        return message;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
