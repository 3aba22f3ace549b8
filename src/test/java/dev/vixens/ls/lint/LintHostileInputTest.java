package dev.vixens.ls.lint;

import static dev.vixens.ls.lint.LintRun.files;
import static dev.vixens.ls.lint.LintRun.lint;
import static dev.vixens.ls.lint.LintRun.lintPaths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's reproductions against {@code lint}: files that crashed it, hung it or made it read what a
 * repository must not show (a link to a file of the CI runner), and the rules it follows instead
 * (docs/lint-rules.md, "What lint reads").
 */
class LintHostileInputTest {

    @TempDir
    Path dir;

    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n"
            + "  litestream.yml: |\n    dbs:\n      - path: /data/app.db\n        replicas:\n"
            + "          - url: s3://bucket/app.db\n            retention: 1h\n            snapshot-interval: 2h\n";

    /** Item 15: a manifest with CR-only line ends crashed lint (ArrayIndexOutOfBoundsException, exit 3). */
    @Test
    void readsCarriageReturnLineEndsAsYamlDoes() {
        LintRun cr = lint(dir, "0.3.13", files("cr.yaml", CONFIG_MAP.replace("\n", "\r")));
        LintRun crlf = lint(dir, "0.3.13", files("crlf.yaml", CONFIG_MAP.replace("\n", "\r\n")));

        String finding = ":11:24: error: retention 1h is shorter than snapshot-interval 2h: snapshots are pruned"
                + " before the next one is taken, and a restore can find none [retention-shorter-than-snapshot]";
        assertThat(cr.lines()).containsExactly("cr.yaml" + finding);
        assertThat(crlf.lines()).containsExactly("crlf.yaml" + finding);
    }

    /** Item 14: YAML nested 2,000 levels deep overflowed the stack (a 1,025-line trace). */
    @Test
    void refusesDeepNestingWithOneLineInsteadOfATrace() {
        String deep = "dbs: " + "[".repeat(2000) + "]".repeat(2000) + "\n";
        LintRun run = lint(dir, "0.3.13", files("deep.yml", deep));

        assertThat(run.lines()).containsExactly("deep.yml:1:105: error: YAML nested more than 100 levels deep; lint"
                + " reads no deeper [invalid-yaml]");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception", "Error", "\tat ");
    }

    /** Item 17: lint /dev/zero or a FIFO hung for ever. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void refusesDevicesAndFifosWithoutOpeningThem() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        CliRun zero = CliRun.run("lint", "--litestream-version", "0.3.13", "/dev/zero");
        CliRun pipe = CliRun.run("lint", "--litestream-version", "0.3.13", fifo.toString());

        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("/dev/zero:1:1: is not a regular file (a FIFO, a device or a socket);"
                + " vixens-ls reads only regular files\n");
        assertThat(pipe.exitCode()).isEqualTo(2);
        assertThat(pipe.err()).endsWith("pipe.yaml:1:1: is not a regular file (a FIFO, a device or a socket);"
                + " vixens-ls reads only regular files\n");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFifoMetInADirectoryIsAWarningNotAHang() throws Exception {
        ProjectFiles.write(dir.resolve("apps/litestream.yml"), "dbs:\n  - path: /data/a.db\n    replicas:\n"
                + "      - url: s3://b/a.db\n        snapshot-interval: 1h\n");
        assertThat(new ProcessBuilder("mkfifo", dir.resolve("apps/pipe.yaml").toString()).start().waitFor())
                .isZero();

        LintRun run = lintPaths(dir, "--litestream-version", "0.3.13", "apps");

        assertThat(run.lines()).containsExactly("apps/pipe.yaml:1:1: warning: not read: it is not a regular file (a"
                + " FIFO, a device or a socket); vixens-ls reads only regular files [not-read]");
        assertThat(run.exitCode()).isZero();
    }

    /** Item 2 for lint: inside a repository, a linked file is never read, so its target never reaches the log. */
    @Test
    void insideARepositoryLintReadsNothingThroughALink() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path secret = Files.writeString(dir.resolve("runner-credentials"), "dbs: [TOKEN-supersecret]\n");
        ProjectFiles.write(repo.resolve("apps/app/litestream.yml"), "dbs:\n  - path: /data/a.db\n    replicas:\n"
                + "      - url: s3://b/a.db\n        snapshot-interval: 1h\n");
        Files.createSymbolicLink(repo.resolve("apps/app/leak.yml"), secret);

        LintRun walked = lintPaths(dir, "--litestream-version", "0.3.13", "repo/apps");
        LintRun named = lintPaths(dir, "--litestream-version", "0.3.13", "repo/apps/app/leak.yml");

        assertThat(walked.lines()).containsExactly("repo/apps/app/leak.yml:1:1: warning: not read: it is a symbolic"
                + " link; vixens-ls reads no file through a link (replace the link with the file itself) [not-read]");
        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.err()).isEqualTo("repo/apps/app/leak.yml:1:1: refusing to read through the symbolic link"
                + " apps/app/leak.yml; vixens-ls never follows a link inside the repository (replace it with the"
                + " directory or file itself)\n");
        assertThat(walked.lines() + named.err()).doesNotContain("supersecret");
    }

    @Test
    void insideARepositoryAKustomizationCannotLeadLintOutOfIt() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve(".vixens-ls.yaml"), "apps: [apps]\n");
        ProjectFiles.write(dir.resolve("elsewhere/secret.yaml"), "dbs: [supersecret]\n");
        ProjectFiles.write(repo.resolve("apps/app/kustomization.yaml"), "resources:\n  - ../../../elsewhere/secret.yaml\n"
                + "  - litestream.yml\n");
        ProjectFiles.write(repo.resolve("apps/app/litestream.yml"), "dbs:\n  - path: /data/a.db\n    replicas:\n"
                + "      - url: s3://b/a.db\n        snapshot-interval: 1h\n");

        LintRun run = lintPaths(dir, "--litestream-version", "0.3.13", "repo/apps/app/kustomization.yaml");

        assertThat(run.lines()).singleElement().asString().startsWith("repo/apps/app/kustomization.yaml:2:5: warning:"
                + " elsewhere/secret.yaml is not read: refusing to read outside the repository root")
                .endsWith("[not-read]");
        assertThat(run.lines().toString()).doesNotContain("supersecret");
    }

    @Test
    void outsideEveryRepositoryANamedLinkIsReadAsTheUserChoseIt() throws IOException {
        Path real = Files.writeString(dir.resolve("real.yml"), "dbs:\n  - path: /data/a.db\n    replicas:\n"
                + "      - url: s3://b/a.db\n        retention: 1h\n        snapshot-interval: 2h\n");
        Files.createSymbolicLink(dir.resolve("link.yml"), real);

        LintRun run = lintPaths(dir, "--litestream-version", "0.3.13", "link.yml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).singleElement().asString().startsWith("real.yml:5:20: error: retention 1h is shorter");
    }

    /** Messages: lint read {@code newTag: ~} as the tag "~"; it is no tag at all (kustomize keeps the image's). */
    @Test
    void aNullNewTagIsNoTag() {
        LintRun run = lint(dir, null, files("kustomization.yaml", """
                resources: [deployment.yaml, litestream.yml]
                images:
                  - name: litestream/litestream
                    newTag: ~
                """, "deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: litestream
                          image: litestream/litestream:0.3.13
                """, "litestream.yml", """
                dbs:
                  - path: /data/a.db
                    replicas:
                      - url: s3://b/a.db
                        snapshot-interval: 1h
                """));

        assertThat(run.err()).as("the version came from the image, not from '~'").doesNotContain("~")
                .startsWith("lint: 0 error(s)");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aFileTooLargeIsNotRead() throws IOException {
        Files.write(dir.resolve("big.yaml"), new byte[SourceFile.MAX_MANIFEST_BYTES + 1]);

        LintRun run = lintPaths(dir, "--litestream-version", "0.3.13", "big.yaml");

        assertThat(run.lines()).containsExactly("big.yaml:1:1: error: file is 8388609 bytes; input files are limited"
                + " to 8388608 bytes [invalid-yaml]");
    }
}
