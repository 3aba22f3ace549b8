package dev.vixens.ls.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ExampleReleases;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The linter runs on the tool's own output: every config generated for every example app (and the shared
 * building blocks) lints clean, for every release vixens-ls generates for. The version of each config is
 * found the way a user's run finds it, from the generated images.
 */
class LintOwnOutputTest {

    @TempDir
    Path repo;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.vixens.ls.testing.ExampleReleases#generated")
    void everyGeneratedConfigLintsClean(String version) throws Exception {
        ExampleReleases.copyOn(repo, version);
        assertThat(CliRun.inRepo(repo, "generate", "--all").exitCode()).isZero();
        long configs;
        try (var files = Files.walk(repo.resolve("apps"))) {
            configs = files.filter(f -> f.getFileName().toString().matches("litestream.*\\.yml")).count();
        }

        CliRun lint = CliRun.run("lint", repo.resolve("apps").toString());

        assertThat(lint.out()).isEmpty();
        assertThat(lint.err()).isEqualTo("lint: 0 error(s), 0 warning(s) in " + configs + " Litestream config(s)\n");
        assertThat(lint.exitCode()).isZero();
        assertThat(configs).isGreaterThan(4);
    }

    @Test
    void theCommittedExamplesLintClean() {
        CliRun lint = CliRun.run("lint", ProjectFiles.root().resolve("apps").toString());

        assertThat(lint.out()).isEmpty();
        assertThat(lint.exitCode()).as(lint.err()).isZero();
    }
}
