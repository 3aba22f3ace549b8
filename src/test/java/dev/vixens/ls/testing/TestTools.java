package dev.vixens.ls.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real programs the end-to-end tests (restore drills, analyze, shellcheck) run: Litestream 0.3.13, the
 * S3Proxy jar, {@code sqlite3}, shellcheck and promtool. This class only finds them; {@code scripts/install-test-deps}
 * is the one installer. It installs into a cache, {@code ${VIXENS_LS_TOOLS:-~/.cache/vixens-ls-tools}}, and
 * with {@code --print-env} prints the paths ({@code VIXENS_LITESTREAM_BIN}, {@code VIXENS_S3PROXY_JAR},
 * {@code VIXENS_SHELLCHECK}) that {@code scripts/test} exports; a plain {@code mvn verify} finds the tools in
 * the cache. A missing tool fails the test with the command that installs it: a test that skips proves
 * nothing.
 */
public final class TestTools {

    public static final String LITESTREAM_VERSION = "v0.3.13";
    private static final String S3PROXY_JAR = "s3proxy-2.6.0-jar-with-dependencies.jar";
    private static final String INSTALL = "run scripts/install-test-deps (scripts/test runs it for you)";

    private static Path litestream;
    private static Path s3proxyJar;
    private static Path sqlite3;
    private static Path shellcheck;
    private static Path groff;
    private static Path preCommit;
    private static Path promtool;

    private TestTools() {
    }

    /** The Litestream 0.3.13 binary, checked to be that version. */
    public static synchronized Path litestream() {
        if (litestream == null) {
            Path path = configured("VIXENS_LITESTREAM_BIN",
                    cache().resolve("litestream-" + LITESTREAM_VERSION).resolve("litestream"));
            if (!Files.isExecutable(path)) {
                throw new AssertionError("Litestream " + LITESTREAM_VERSION + " is not installed at " + path + ": "
                        + INSTALL);
            }
            String version = Processes.run(new ProcessBuilder(path.toString(), "version")).output().strip();
            if (!version.equals(LITESTREAM_VERSION)) {
                throw new AssertionError(path + " is Litestream '" + version + "', the tests need "
                        + LITESTREAM_VERSION + ": " + INSTALL);
            }
            litestream = path;
        }
        return litestream;
    }

    /** S3Proxy 2.6.0, the jar with its dependencies (run in its own JVM: its libraries would clash with ours). */
    public static synchronized Path s3proxyJar() {
        if (s3proxyJar == null) {
            Path path = configured("VIXENS_S3PROXY_JAR", cache().resolve("s3proxy").resolve(S3PROXY_JAR));
            if (!Files.isRegularFile(path)) {
                throw new AssertionError("S3Proxy (org.gaul:s3proxy:2.6.0 jar-with-dependencies) is not at " + path
                        + ": " + INSTALL);
            }
            s3proxyJar = path;
        }
        return s3proxyJar;
    }

    public static synchronized Path sqlite3() {
        if (sqlite3 == null) {
            sqlite3 = onPath("sqlite3", "VIXENS_SQLITE3", "sqlite3 is on the machine image (Debian package sqlite3)");
        }
        return sqlite3;
    }

    public static synchronized Path shellcheck() {
        if (shellcheck == null) {
            shellcheck = onPath("shellcheck", "VIXENS_SHELLCHECK", INSTALL);
        }
        return shellcheck;
    }

    /** groff, which renders the man pages (Debian's groff-base, installed by scripts/install-test-deps). */
    public static synchronized Path groff() {
        if (groff == null) {
            groff = onPath("groff", "VIXENS_GROFF", INSTALL);
        }
        return groff;
    }

    /** The pre-commit framework (Debian's package, installed by scripts/install-test-deps). */
    public static synchronized Path preCommit() {
        if (preCommit == null) {
            preCommit = onPath("pre-commit", "VIXENS_PRE_COMMIT", INSTALL);
        }
        return preCommit;
    }

    /** Prometheus' promtool (Debian's prometheus package, installed by scripts/install-test-deps). */
    public static synchronized Path promtool() {
        if (promtool == null) {
            promtool = onPath("promtool", "VIXENS_PROMTOOL", INSTALL);
        }
        return promtool;
    }

    private static Path cache() {
        return configured("VIXENS_LS_TOOLS", Path.of(System.getProperty("user.home"), ".cache", "vixens-ls-tools"));
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
