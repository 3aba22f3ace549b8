package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.cli.DiffColour.When;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check's diff is coloured at a terminal only, never with NO_COLOR or TERM=dumb, always with --color always. */
class DiffColourTest {

    @TempDir
    Path repo;

    @Test
    void autoColoursATerminalOnlyAndRespectsNoColor() {
        assertThat(DiffColour.enabled(When.AUTO, true, Map.of("TERM", "xterm"))).isTrue();
        assertThat(DiffColour.enabled(When.AUTO, false, Map.of("TERM", "xterm"))).isFalse();
        assertThat(DiffColour.enabled(When.AUTO, true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(DiffColour.enabled(When.AUTO, true, Map.of("NO_COLOR", ""))).isTrue();
        assertThat(DiffColour.enabled(When.AUTO, true, Map.of("TERM", "dumb"))).isFalse();
        assertThat(DiffColour.enabled(When.ALWAYS, false, Map.of("NO_COLOR", "1"))).isTrue();
        assertThat(DiffColour.enabled(When.NEVER, true, Map.of())).isFalse();
    }

    @Test
    void theDiffGetsGitsColours() {
        assertThat(DiffColour.colour("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n")).isEqualTo(
                "\u001b[1m--- a/x\u001b[0m\n\u001b[1m+++ b/x\u001b[0m\n\u001b[36m@@ -1 +1 @@\u001b[0m\n"
                        + "\u001b[31m-old\u001b[0m\n\u001b[32m+new\u001b[0m\n same\n");
    }

    @Test
    void theCommandColoursOnlyWhenAsked() {
        ProjectFiles.copyExampleRepository(repo, "vaultwarden");
        ProjectFiles.write(repo.resolve("apps/60-services/vaultwarden/litestream/litestream.yml"), "mine: true\n");

        CliRun plain = CliRun.inRepo(repo, "check", "--no-verify");
        CliRun always = CliRun.inRepo(repo, "check", "--no-verify", "--color", "always");

        // tests run without a terminal: auto is plain text
        assertThat(plain.out()).contains("\n-mine: true\n").doesNotContain("\u001b[");
        assertThat(always.out()).contains("\u001b[31m-mine: true\u001b[0m");
    }
}
