package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A man page per command, from the help text, rendered by the real groff without a warning. */
class ManPagesTest {

    @TempDir
    Path dir;

    private String render(Path page, String... flags) {
        List<String> argv = new java.util.ArrayList<>(List.of(TestTools.groff().toString(), "-man", "-Tutf8"));
        argv.addAll(List.of(flags));
        argv.add(page.toString());
        Processes.Result result = Processes.run(Processes.command(argv, Map.of("PATH", "/usr/bin:/bin",
                "LANG", "C.UTF-8"), dir));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    @Test
    void onePagePerVisibleCommandThatGroffRendersWithoutWarnings() throws Exception {
        CliRun run = CliRun.run("generate-man-pages", dir.resolve("man1").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (var pages = Files.list(dir.resolve("man1"))) {
            assertThat(pages.map(p -> p.getFileName().toString()).sorted().toList()).contains("vixens-ls.1",
                    "vixens-ls-generate.1", "vixens-ls-check.1", "vixens-ls-remove.1", "vixens-ls-rename.1",
                    "vixens-ls-lint.1").doesNotContain("vixens-ls-__complete.1", "vixens-ls-help.1");
        }
        try (var pages = Files.list(dir.resolve("man1"))) {
            for (Path page : pages.toList()) {
                // -ww: every warning; -z: no output, so only warnings would print
                assertThat(render(page, "-ww", "-z")).as(page.toString()).isEmpty();
            }
        }
    }

    @Test
    void thePageSaysWhatHelpSays() {
        CliRun.run("generate-man-pages", dir.toString());

        String generate = render(dir.resolve("vixens-ls-generate.1")).replaceAll(".\b", "")
                .replaceAll("\\s+", " ");

        assertThat(generate).contains("vixens-ls-generate - Writes the shared building blocks")
                .contains("--dry-run").contains("Check everything and print what would be written or deleted")
                .contains("-C, --repo DIR").contains("2 bad input or usage; nothing was written");
        assertThat(CliRun.run("generate", "--help").out()).contains("Check everything and print what would be"
                + " written or deleted");
    }

    @Test
    void aDryRunWritesNoPage() {
        CliRun run = CliRun.run("generate-man-pages", dir.resolve("man1").toString(), "--dry-run");

        assertThat(run.out()).contains("would write " + dir.resolve("man1/vixens-ls.1"));
        assertThat(dir.resolve("man1")).doesNotExist();
    }
}
