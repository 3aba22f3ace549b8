package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes and messages as the README promises: bad input is 2 with {@code file:line:col: message}; an I/O
 * failure is 3 with its reason; a bug is 3 in words, never a Java class name or a stack trace.
 */
class FailuresTest {

    @Test
    void badInputIsExitTwoWithOneLocatedLine() {
        assertThat(report(new InputException(new Location("a.yaml", 3, 7), "wrong"))).isEqualTo("2 a.yaml:3:7: wrong\n");
    }

    @Test
    void anIoFailureIsExitThreeWithTheReasonTheSystemGave() {
        String line = report(new UncheckedIOException("cannot write apps/a/litestream/litestream.yml",
                new AccessDeniedException("/repo/apps/a/litestream/.litestream.yml.1-1.vixens-ls-tmp")));

        assertThat(line).isEqualTo("3 vixens-ls: cannot write apps/a/litestream/litestream.yml: Permission denied\n");
    }

    @Test
    void aBugIsExitThreeInWordsWithoutJavaNames() {
        assertThat(report(new StackOverflowError())).isEqualTo("3 vixens-ls: internal error, a bug in vixens-ls (it ran"
                + " out of stack); nothing was written after it. Please report it with the command you ran; set"
                + " VIXENS_LS_DEBUG=1 to print the details\n");
        assertThat(report(new ClassCastException("class java.lang.String cannot be cast to class"
                + " dev.vixens.ls.plan.AppPlan"))).contains("(class a value cannot be cast to class a value)")
                .doesNotContain("java.", "dev.vixens", "Exception", "\tat ");
        assertThat(report(new IllegalStateException())).contains("(an unexpected failure)");
    }

    /**
     * Issue 10 (messages): an I/O error lost its reason. A directory made immutable ({@code chattr +i}, which
     * stops root too) makes the write fail for real; the user reads the system's reason, exit 3.
     */
    @Test
    void generateSaysWhyItCannotWrite(@TempDir Path repo) throws Exception {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client");
        Path component = repo.resolve("apps/20-media/hydrus-client/litestream");
        Path descriptor = repo.resolve("apps/20-media/hydrus-client/vixens-backup.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replaceFirst("critical", "standard"));
        immutable(component, true);
        try {
            CliRun run = CliRun.inRepo(repo, "generate", "hydrus-client");

            assertThat(run.err()).isEqualTo("vixens-ls: cannot write apps/20-media/hydrus-client/litestream/"
                    + "litestream.yml: Operation not permitted\n");
            assertThat(run.exitCode()).isEqualTo(3);
        } finally {
            immutable(component, false);
        }
    }

    private static void immutable(Path dir, boolean on) throws Exception {
        Process chattr = new ProcessBuilder("chattr", on ? "+i" : "-i", dir.toString()).redirectErrorStream(true)
                .start();
        String output = new String(chattr.getInputStream().readAllBytes());
        assertThat(chattr.waitFor()).as("chattr (e2fsprogs) on the test machine's /tmp: %s", output).isZero();
    }

    private static String report(Throwable failure) {
        StringWriter text = new StringWriter();
        int code = Failures.report(failure, new PrintWriter(text, true));
        return code + " " + text;
    }
}
