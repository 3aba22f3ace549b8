package dev.vixens.ls.drill;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real components the drills run: Litestream 0.3.13, the S3Proxy jar, {@code sqlite3} and shellcheck.
 * {@code scripts/install-test-deps} installs them into a cache and {@code scripts/test} exports their paths
 * ({@code VIXENS_LITESTREAM_BIN}, {@code VIXENS_S3PROXY_JAR}, {@code VIXENS_SHELLCHECK}); a plain
 * {@code mvn verify} finds them in the default cache. A missing tool fails the test with the command that
 * installs it: a drill that skips proves nothing.
 */
public record DrillTools(Path litestream, Path s3proxyJar, Path sqlite3, Path shellcheck) {

    static final String LITESTREAM_VERSION = "v0.3.13";
    private static final String INSTALL = "run scripts/install-test-deps (scripts/test runs it for you)";

    private static DrillTools cached;

    public static synchronized DrillTools require() {
        if (cached == null) {
            cached = new DrillTools(findLitestream(), findS3ProxyJar(), onPath("sqlite3", "VIXENS_SQLITE3",
                    "sqlite3 is on the machine image (Debian package sqlite3)"), onPath("shellcheck",
                    "VIXENS_SHELLCHECK", INSTALL));
        }
        return cached;
    }

    private static Path cache() {
        String configured = System.getenv("VIXENS_LS_TOOLS");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "vixens-ls-tools");
    }

    private static Path findLitestream() {
        Path path = configured("VIXENS_LITESTREAM_BIN",
                cache().resolve("litestream-" + LITESTREAM_VERSION).resolve("litestream"));
        if (!Files.isExecutable(path)) {
            throw new AssertionError("Litestream " + LITESTREAM_VERSION + " is not installed at " + path + ": "
                    + INSTALL);
        }
        String version = Processes.run(Processes.command(path.toString(), "version")).output().strip();
        if (!version.equals(LITESTREAM_VERSION)) {
            throw new AssertionError(path + " is Litestream '" + version + "', the drills need "
                    + LITESTREAM_VERSION + ": " + INSTALL);
        }
        return path;
    }

    private static Path findS3ProxyJar() {
        Path path = configured("VIXENS_S3PROXY_JAR",
                cache().resolve("s3proxy").resolve("s3proxy-2.6.0-jar-with-dependencies.jar"));
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("S3Proxy (org.gaul:s3proxy:2.6.0 jar-with-dependencies) is not at " + path
                    + ": " + INSTALL);
        }
        return path;
    }

    private static Path configured(String variable, Path fallback) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank() ? Path.of(value) : fallback;
    }

    private static Path onPath(String program, String variable, String hint) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            Path path = Path.of(value);
            if (!Files.isExecutable(path)) {
                throw new AssertionError(variable + "=" + value + " is not an executable: " + hint);
            }
            return path;
        }
        String searchPath = System.getenv("PATH");
        for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program);
            }
        }
        throw new AssertionError(program + " is not on PATH: " + hint);
    }
}
